import Foundation
import Testing
@testable import TamizContainers

#if canImport(Glibc)
import Glibc
#endif

@Suite("Input detection")
struct ContainerReaderTests {
    let text = "The museum reopened today. El museo reabrió hoy.\nVisitors queued along the river.\n"

    func write(_ bytes: [UInt8], name: String) throws -> String {
        let path = temporaryPath(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("plain text is read unchanged and reported as uncompressed")
    func plainText() throws {
        let input = try ContainerReader.open(path: write(Array(text.utf8), name: "plain.txt"))
        #expect(input.compression == .none)
        #expect(!input.isWARC)
        #expect(drain(input.source).bytes == Array(text.utf8))
    }

    @Test("gzip is recognised from its content whatever the file's name")
    func gzipByContent() throws {
        let input = try ContainerReader.open(path: write(Tool.gzip(text), name: "misnamed.txt"))
        #expect(input.compression == .gzip)
        #expect(drain(input.source).bytes == Array(text.utf8))
    }

    @Test("zstd is recognised from its content")
    func zstdByContent() throws {
        let input = try ContainerReader.open(path: write(Tool.zstd(text), name: "data"))
        #expect(input.compression == .zstd)
        #expect(drain(input.source).bytes == Array(text.utf8))
    }

    @Test("input shorter than any magic number is plain text")
    func tinyInput() throws {
        let input = try ContainerReader.open(path: write(Array("a\n".utf8), name: "tiny"))
        #expect(input.compression == .none)
        #expect(drain(input.source).bytes == Array("a\n".utf8))
    }

    @Test("a WET file gzipped one member per record, as Common Crawl ships it, becomes documents")
    func wetGzipMembers() throws {
        let records = [
            warcinfoRecord,
            conversionRecord(id: "1", url: "https://example.org/en", language: "eng", content: "The museum reopened today.\n"),
            conversionRecord(id: "2", url: "https://example.org/es", language: "spa", content: "El museo reabrió hoy.\n"),
        ]
        var stream: [UInt8] = []
        for record in records { stream += try Tool.run(["gzip", "-c"], input: Array(record.utf8)) }
        let input = try ContainerReader.open(path: write(stream, name: "CC-MAIN.warc.wet.gz"))
        #expect(input.compression == .gzip)
        #expect(input.isWARC)
        let documents = lines(drain(input.source).bytes).map { try! jsonObject($0) }
        #expect(documents.map { $0["text"] as? String } == ["The museum reopened today.\n", "El museo reabrió hoy.\n"])
        #expect(input.warc?.statistics.skippedByType == ["warcinfo": 1])
    }

    @Test("detection works on a pipe, which cannot seek back")
    func pipeInput() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let compressed = try Tool.zstd(text)
        _ = compressed.withUnsafeBytes { Glibc.write(descriptors[1], $0.baseAddress, $0.count) }
        close(descriptors[1])
        let file = FileSource(descriptor: descriptors[0], name: "standard input", ownsDescriptor: true)
        let input = try ContainerReader.open(file: file)
        #expect(input.compression == .zstd)
        #expect(input.size == nil)
        #expect(drain(input.source).bytes == Array(text.utf8))
        #expect(input.bytesRead == compressed.count)
    }

    @Test("a missing file is an error naming it")
    func missingFile() {
        #expect(throws: ContainerError.self) { try ContainerReader.open(path: "/nonexistent/tamiz-input.gz") }
    }
}

@Suite("Compressed output")
struct ContainerWriterTests {
    let text = String(repeating: "The museum reopened today. El museo reabrió hoy.\n", count: 3000)

    func written(to name: String, compression: Compression? = nil) throws -> [UInt8] {
        let path = temporaryPath(name)
        let sink = try compression.map { try ContainerWriter.wrap(FileSink(path: path), compression: $0, name: path) }
            ?? ContainerWriter.create(path: path)
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: 1000) {
            try sink.write(Array(bytes[start..<min(start + 1000, bytes.count)]))
        }
        try sink.finish()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test("a path ending in .gz is written as gzip that gzip -dc reads back")
    func gzipBySuffix() throws {
        let bytes = try written(to: "out.jsonl.gz")
        #expect(Compression(magic: bytes) == .gzip)
        #expect(try Tool.run(["gzip", "-dc"], input: bytes) == Array(text.utf8))
    }

    @Test("a path ending in .zst is written as zstd that zstd -dc reads back")
    func zstdBySuffix() throws {
        let bytes = try written(to: "out.jsonl.zst")
        #expect(Compression(magic: bytes) == .zstd)
        #expect(try Tool.run(["zstd", "-q", "-dc"], input: bytes) == Array(text.utf8))
    }

    @Test("any other path is written plain")
    func plainBySuffix() throws {
        #expect(try written(to: "out.txt") == Array(text.utf8))
    }

    @Test("what the writer compresses, the reader decompresses")
    func roundTrip() throws {
        for compression in [Compression.gzip, .zstd] {
            let bytes = try written(to: "round", compression: compression)
            #expect(drain(try ContainerReader.open(file: FileSource(path: writeBack(bytes))).source).bytes == Array(text.utf8))
        }
    }

    func writeBack(_ bytes: [UInt8]) throws -> String {
        let path = temporaryPath("back")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
