import Testing
@testable import TamizContainers

@Suite("Zstd input")
struct ZstdSourceTests {
    let english = "The museum reopened today after two years of repairs.\nVisitors queued along the river.\n"
    let spanish = "El museo reabrió hoy tras dos años de obras.\nLos visitantes hicieron cola junto al río.\n"

    @Test("concatenated zstd frames decode to the concatenated texts")
    func multipleFrames() throws {
        let stream = try Tool.zstd(english) + Tool.zstd(spanish)
        let (bytes, error) = drain(try ZstdSource(MemorySource(stream, piece: 5), name: "two.zst"), chunk: 11)
        #expect(error == nil)
        #expect(bytes == Array((english + spanish).utf8))
    }

    @Test("a truncated frame is an error at the end of the data, after everything decoded before it")
    func truncatedFrame() throws {
        let long = String(repeating: english + spanish, count: 2000)
        let full = try Tool.zstd(long)
        let cut = Array(full.prefix(full.count - 3))
        let (bytes, error) = drain(try ZstdSource(MemorySource(cut), name: "cut.zst"))
        #expect(error?.kind == .truncated)
        #expect(error?.offset == cut.count)
        #expect(Array(long.utf8).starts(with: bytes))
    }

    @Test("corrupt zstd data is an error, after the frames before it")
    func corruptData() throws {
        let first = try Tool.zstd(english)
        var second = try Tool.zstd(String(repeating: spanish, count: 50))
        for index in 6..<second.count { second[index] ^= 0x5A }
        let (bytes, error) = drain(try ZstdSource(MemorySource(first + second), name: "bad.zst"))
        #expect(error?.kind == .corrupt)
        #expect(error?.description.hasPrefix("'bad.zst' at byte") == true)
        #expect(bytes.starts(with: Array(english.utf8)))
    }
}
