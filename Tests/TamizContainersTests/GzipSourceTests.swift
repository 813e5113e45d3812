import Testing
@testable import TamizContainers

@Suite("Gzip input")
struct GzipSourceTests {
    let english = "The museum reopened today after two years of repairs.\nVisitors queued along the river.\n"
    let spanish = "El museo reabrió hoy tras dos años de obras.\nLos visitantes hicieron cola junto al río.\n"

    @Test("a single gzip member decodes to the original text")
    func singleMember() throws {
        let source = try GzipSource(MemorySource(try Tool.gzip(english)), name: "one.gz")
        let (bytes, error) = drain(source)
        #expect(error == nil)
        #expect(bytes == Array(english.utf8))
    }

    @Test("concatenated gzip members decode to the concatenated texts, as zcat does")
    func multipleMembers() throws {
        let stream = try Tool.gzip(english) + Tool.gzip(spanish) + Tool.gzip(english)
        let source = try GzipSource(MemorySource(stream, piece: 7), name: "three.gz")
        let (bytes, error) = drain(source, chunk: 13)
        #expect(error == nil)
        #expect(bytes == Array((english + spanish + english).utf8))
        #expect(source.members == 3)
    }

    @Test("a truncated member is an error at the end of the data, after everything decoded before it")
    func truncatedMember() throws {
        let long = String(repeating: english + spanish, count: 400)
        let full = try Tool.gzip(long)
        let cut = Array(full.prefix(full.count / 2))
        let (bytes, error) = drain(try GzipSource(MemorySource(cut), name: "cut.gz"))
        #expect(error?.kind == .truncated)
        #expect(error?.offset == cut.count)
        #expect(error?.description.contains("'cut.gz' at byte \(cut.count)") == true)
        #expect(!bytes.isEmpty)
        #expect(Array(long.utf8).starts(with: bytes))
    }

    @Test("corrupt deflate data is an error naming an offset inside the file, after the good bytes")
    func corruptData() throws {
        let first = try Tool.gzip(english)
        var second = try Tool.gzip(String(repeating: spanish, count: 50))
        for index in 12..<second.count - 8 { second[index] = 0xFF }
        let stream = first + second
        let (bytes, error) = drain(try GzipSource(MemorySource(stream), name: "bad.gz"))
        #expect(error?.kind == .corrupt)
        #expect((first.count..<stream.count).contains(error?.offset ?? -1))
        #expect(bytes.starts(with: Array(english.utf8)))
    }

    @Test("bytes after the last member that are not gzip are an error at their offset")
    func trailingGarbage() throws {
        let member = try Tool.gzip(english)
        let (bytes, error) = drain(try GzipSource(MemorySource(member + Array("trailing text\n".utf8)), name: "tail.gz"))
        #expect(bytes == Array(english.utf8))
        #expect(error?.kind == .corrupt)
        #expect(error?.offset == member.count)
    }
}
