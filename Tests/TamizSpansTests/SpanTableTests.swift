import Foundation
import Testing
import TamizClassifying
import TamizSpanTraining
import TamizTraining

@Suite struct SpanTableTests {
    func committedBytes() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: Paths.table))) }

    @Test func committedTableEqualsARebuildFromTheCorpus() throws {
        let rebuilt = try SpanTableBuilder.build(corpus: TrainingCorpus(directory: Paths.corpus))
        #expect(rebuilt == (try committedBytes()), "rebuild with `swift run -c release tamiz-train spans build`")
    }

    @Test func embeddedTableEqualsTheFileOnDisk() throws {
        #expect(SpanTable.embedded.bytes == (try committedBytes()))
    }

    @Test func frequentWordsCarryTheirLanguage() {
        let table = SpanTable.embedded
        #expect((table.odds(of: "the") ?? 0) > 2)
        #expect((table.odds(of: "también") ?? 0) < -2)
        #expect((table.odds(of: "Pero") ?? 0) < -2)
    }

    @Test func truncatedOrCorruptTablesThrow() throws {
        let bytes = try committedBytes()
        #expect(throws: ModelLoadError.self) { _ = try SpanTable(bytes: Array(bytes.prefix(100))) }
        var corrupt = bytes
        corrupt[bytes.count / 2] ^= 0x40
        #expect {
            _ = try SpanTable(bytes: corrupt)
        } throws: { error in
            guard let e = error as? ModelLoadError, case .checksumMismatch = e.kind else { return false }
            return true
        }
        #expect(throws: ModelLoadError.self) { _ = try SpanTable(bytes: Array("TAMIZLM\0 not a span table".utf8)) }
    }
}
