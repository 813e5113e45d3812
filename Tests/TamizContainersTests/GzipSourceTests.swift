import Testing
@testable import TamizContainers

/// Every case runs with each decoder this machine has: zlib always, ISA-L where `libisal.so.2`
/// loads (CI installs `libisal-dev`).
let gzipDecoders = GzipDecoder.allCases.filter { $0 != .isal || GzipDecoder.isalAvailable }

@Suite("Gzip input")
struct GzipSourceTests {
    let english = "The museum reopened today after two years of repairs.\nVisitors queued along the river.\n"
    let spanish = "El museo reabrió hoy tras dos años de obras.\nLos visitantes hicieron cola junto al río.\n"

    @Test("a single gzip member decodes to the original text", arguments: gzipDecoders)
    func singleMember(decoder: GzipDecoder) throws {
        let source = try GzipSource(MemorySource(try Tool.gzip(english)), name: "one.gz", decoder: decoder)
        let (bytes, error) = drain(source)
        #expect(error == nil)
        #expect(bytes == Array(english.utf8))
    }

    @Test("concatenated gzip members decode to the concatenated texts, as zcat does", arguments: gzipDecoders)
    func multipleMembers(decoder: GzipDecoder) throws {
        let stream = try Tool.gzip(english) + Tool.gzip(spanish) + Tool.gzip(english)
        let source = try GzipSource(MemorySource(stream, piece: 7), name: "three.gz", decoder: decoder)
        let (bytes, error) = drain(source, chunk: 13)
        #expect(error == nil)
        #expect(bytes == Array((english + spanish + english).utf8))
        #expect(source.members == 3)
    }

    @Test("a truncated member is an error at the end of the data, after everything decoded before it", arguments: gzipDecoders)
    func truncatedMember(decoder: GzipDecoder) throws {
        let long = String(repeating: english + spanish, count: 400)
        let full = try Tool.gzip(long)
        let cut = Array(full.prefix(full.count / 2))
        let (bytes, error) = drain(try GzipSource(MemorySource(cut), name: "cut.gz", decoder: decoder))
        #expect(error?.kind == .truncated)
        #expect(error?.offset == cut.count)
        #expect(error?.description.contains("'cut.gz' at byte \(cut.count)") == true)
        #expect(!bytes.isEmpty)
        #expect(Array(long.utf8).starts(with: bytes))
    }

    @Test("corrupt deflate data is an error naming an offset inside the file, after the good bytes", arguments: gzipDecoders)
    func corruptData(decoder: GzipDecoder) throws {
        let first = try Tool.gzip(english)
        var second = try Tool.gzip(String(repeating: spanish, count: 50))
        for index in 12..<second.count - 8 { second[index] = 0xFF }
        let stream = first + second
        let (bytes, error) = drain(try GzipSource(MemorySource(stream), name: "bad.gz", decoder: decoder))
        #expect(error?.kind == .corrupt)
        #expect((first.count..<stream.count).contains(error?.offset ?? -1))
        #expect(bytes.starts(with: Array(english.utf8)))
    }

    @Test("bytes after the last member that are not gzip are an error at their offset", arguments: gzipDecoders)
    func trailingGarbage(decoder: GzipDecoder) throws {
        let member = try Tool.gzip(english)
        let (bytes, error) = drain(try GzipSource(MemorySource(member + Array("trailing text\n".utf8)), name: "tail.gz", decoder: decoder))
        #expect(bytes == Array(english.utf8))
        #expect(error?.kind == .corrupt)
        #expect(error?.offset == member.count)
    }

    @Test("a wrong CRC-32 or length in a member's trailer is an error", arguments: gzipDecoders)
    func corruptTrailer(decoder: GzipDecoder) throws {
        let member = try Tool.gzip(english)
        for index in [member.count - 8, member.count - 1] {  // the CRC's first byte, the length's last
            var damaged = member
            damaged[index] ^= 0x01
            let (_, error) = drain(try GzipSource(MemorySource(damaged), name: "trailer.gz", decoder: decoder))
            #expect(error?.kind == .corrupt, "byte \(index)")
        }
    }

    @Test("both decoders give the same bytes for many members read in uneven pieces")
    func decodersAgree() throws {
        let sentences = (0..<300).map { index in index % 2 == 0 ? "\(index) " + english : "\(index) " + spanish }
        var stream: [UInt8] = []
        for index in stride(from: 0, to: sentences.count, by: 37) {
            stream += try Tool.gzip(sentences[index..<min(index + 37, sentences.count)].joined())
        }
        for decoder in gzipDecoders {
            for piece in [1, 5, 4096] {
                let source = try GzipSource(MemorySource(stream, piece: piece), name: "many.gz", decoder: decoder)
                let (bytes, error) = drain(source, chunk: 11)
                #expect(error == nil)
                #expect(bytes == Array(sentences.joined().utf8), "\(decoder), pieces of \(piece)")
                #expect(source.members == 9)
            }
        }
    }

    @Test("where libisal.so.2 loads, the automatic choice decodes with ISA-L",
          .enabled(if: GzipDecoder.isalAvailable, "libisal.so.2 is not installed (apt install libisal-dev)"))
    func automaticPrefersISAL() throws {
        let source = try GzipSource(MemorySource(try Tool.gzip(english)), name: "auto.gz")
        #expect(source.usesISAL)
        #expect(try !GzipSource(MemorySource(try Tool.gzip(english)), name: "zlib.gz", decoder: .zlib).usesISAL)
    }
}
