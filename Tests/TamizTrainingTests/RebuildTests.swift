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
}
