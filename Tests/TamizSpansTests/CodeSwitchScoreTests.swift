import Testing
import TamizClassifying
import TamizSpanTraining

/// The scores of `../shared/corpus/codeswitch/score.py`, computed in process on the tweets
/// (skipped where the shared corpus is absent).
@Suite(.enabled(if: Paths.hasCodeswitch, "needs ../shared/corpus/codeswitch"))
struct CodeSwitchScoreTests {
    @Test func tweetsScoreAtLeastTheLevelsMeasuredWhenTheTableWasFitted() throws {
        let texts = try SpanEvaluation.readCoNLL(Paths.codeswitch)
        let score = SpanEvaluation.score(SpanEvaluation.prepare(texts, detector: detector), detector.parameters)
        #expect(score.texts == 3005)
        #expect(score.accuracy >= 0.97)
        #expect(score.accuracy(.english) >= 0.95)
        #expect(score.accuracy(.spanish) >= 0.95)
        #expect(score.f1 >= 0.78)
        #expect(score.mixedShare >= 0.80)
    }
}
