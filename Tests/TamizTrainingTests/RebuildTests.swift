import Foundation
import Testing
import TamizClassifying
@testable import TamizTraining

/// The committed model file and evidence word lists are what `swift run -c release tamiz-train`
/// builds from `Data/corpus`, bit for bit.
@Suite struct RebuildTests {
    @Test func committedModelEqualsAFreshRebuildFromDataCorpus() throws {
        let rebuilt = try ModelTrainer().train(corpusDirectory: Paths.corpus)
        let committed = Array(try Data(contentsOf: URL(fileURLWithPath: Paths.model)))
        #expect(rebuilt.count == committed.count)
        #expect(rebuilt == committed, "Data/model/tamiz.model is stale: run `swift run -c release tamiz-train`")
    }

    @Test func committedListsEqualAFreshBuildFromDataCorpus() throws {
        let corpus = try TrainingCorpus(directory: Paths.corpus)
        let committed = try String(contentsOfFile: Paths.packageRoot + "/Sources/TamizClassifying/EvidenceWordLists.swift", encoding: .utf8)
        #expect(EvidenceWords.generatedSource(corpus) == committed,
                "Sources/TamizClassifying/EvidenceWordLists.swift is stale: run `swift run -c release tamiz-train`")
    }
}
