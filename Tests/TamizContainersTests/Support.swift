import Foundation
import TamizContainers
import TamizTestSupport

/// Fixtures are made by the system's own `gzip` and `zstd`, not by the code under test.
enum Tool {
    static func run(_ arguments: [String], input: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let inputPipe = Pipe(), outputPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        try process.run()
        let writer = Thread {
            inputPipe.fileHandleForWriting.write(Data(input))
            try? inputPipe.fileHandleForWriting.close()
        }
        writer.start()
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](output)
    }

    static func gzip(_ text: String) throws -> [UInt8] { try run(["gzip", "-c"], input: Array(text.utf8)) }
    static func zstd(_ text: String) throws -> [UInt8] { try run(["zstd", "-q", "-c"], input: Array(text.utf8)) }
}

/// A source over bytes in memory, handing them out in pieces of at most `piece` bytes, the way
/// a pipe does.
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private let piece: Int
    private var offset = 0

    init(_ bytes: [UInt8], piece: Int = 1 << 20) {
        self.bytes = bytes
        self.piece = piece
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int {
        let count = min(buffer.count, piece, bytes.count - offset)
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
        offset += count
        return count
    }
}

/// Everything `source` yields before its error (or its end), and the error.
func drain(_ source: any ByteSource, chunk: Int = 4096) -> (bytes: [UInt8], error: ContainerError?) {
    var result: [UInt8] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1)
    defer { buffer.deallocate() }
    while true {
        do throws(ContainerError) {
            let count = try source.read(into: buffer)
            if count == 0 { return (result, nil) }
            result.append(contentsOf: buffer[..<count])
        } catch {
            return (result, error)
        }
    }
}

func temporaryPath(_ name: String) -> String {
    Scratch.path(name)
}

/// A WARC record as Common Crawl writes it: CRLF header lines, a blank line, the content, CRLF CRLF.
func warcRecord(type: String, headers: [(String, String)] = [], content: String, length: Int? = nil) -> String {
    var text = "WARC/1.0\r\nWARC-Type: \(type)\r\n"
    for (name, value) in headers { text += "\(name): \(value)\r\n" }
    text += "Content-Length: \(length ?? content.utf8.count)\r\n\r\n\(content)\r\n\r\n"
    return text
}

func conversionRecord(id: String, url: String, language: String?, content: String) -> String {
    var headers = [
        ("WARC-Target-URI", url), ("WARC-Date", "2024-04-12T20:01:42Z"), ("WARC-Record-ID", "<urn:uuid:\(id)>"),
        ("WARC-Refers-To", "<urn:uuid:00000000-0000-0000-0000-000000000000>"),
        ("WARC-Block-Digest", "sha1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), ("Content-Type", "text/plain"),
    ]
    if let language { headers.append(("WARC-Identified-Content-Language", language)) }
    return warcRecord(type: "conversion", headers: headers, content: content)
}

let warcinfoRecord = warcRecord(
    type: "warcinfo",
    headers: [("WARC-Date", "2024-04-25T04:37:08Z"), ("WARC-Filename", "CC-MAIN-example.warc.wet.gz")],
    content: "Software-Info: ia-web-commons.1.1.10-SNAPSHOT-20240304101005\r\nisPartOf: CC-MAIN-2024-18\r\n")

/// The JSON object one decoded line holds.
func jsonObject(_ line: some Collection<UInt8>) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any]
}

func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
}
