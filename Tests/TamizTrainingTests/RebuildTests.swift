import Foundation
import Testing
import TamizClassifying
@testable import TamizTraining

/// The committed model file, evidence word lists included, is what `swift run -c release
/// tamiz-train` builds from `Data/corpus`, bit for bit.
@Suite struct RebuildTests {
    @Test func committedModelEqualsAFreshRebuildFromDataCorpus() throws {
        let rebuilt = try ModelTrainer().train(corpusDirectory: Paths.corpus)
        let committed = Array(try Data(contentsOf: URL(fileURLWithPath: Paths.model)))
        #expect(rebuilt.count == committed.count)
        #expect(rebuilt == committed, "Data/model/tamiz.model is stale: run `swift run -c release tamiz-train`")
    }

    /// The word-list section alone (quicker to read when it is the lists that are stale).
    @Test func committedWordListsEqualAFreshBuildFromDataCorpus() throws {
        let words = EvidenceWords.fingerprints(try TrainingCorpus(directory: Paths.corpus))
        let committed = Array(try Data(contentsOf: URL(fileURLWithPath: Paths.model)))
        var section: [UInt8] = []
        for n in [words.english.count, words.spanish.count] { withUnsafeBytes(of: UInt32(n).littleEndian) { section += $0 } }
        for f in words.english + words.spanish { withUnsafeBytes(of: f.littleEndian) { section += $0 } }
        #expect(Array(committed.suffix(from: ModelFormat.wordListOffset(bucketBits: 17))) == section,
                "the word lists in Data/model/tamiz.model are stale: run `swift run -c release tamiz-train`")
        #expect(words.english.count > 10_000 && words.spanish.count > 10_000)
    }
}
