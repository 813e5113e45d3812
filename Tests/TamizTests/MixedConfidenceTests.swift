import Testing
import Tamiz

/// `label` reports a mixed sentence's confidence as its answer's share (`mixedAwareGuess`);
/// `--min-confidence` judges that confidence; `keep` without a threshold is unchanged.
@Suite struct MixedConfidenceTests {
    let mixed = "I was going to call you last night pero se me olvidó por completo, lo siento mucho."
    let english = "The museum opens at nine on weekdays and at ten on Sundays."

    func label(_ text: String, unit: UnitKind = .sentence, minimumConfidence: Float? = nil) throws -> [[Substring]] {
        var options = FilterOptions(action: .label(.tsv))
        options.unit = unit
        options.clean = false
        options.minimumConfidence = minimumConfidence
        let output = try FilterHarness().run(options, input: Array((text + "\n").utf8)).output
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    @Test func aHalfEnglishHalfSpanishSentenceIsLabelledBelowCertainty() throws {
        let row = try #require(try label(mixed).first)
        #expect(row[0] == "en" || row[0] == "es")
        let confidence = try #require(Float(row[1]))
        #expect(confidence < 0.9)
    }

    @Test func aMonolingualSentenceKeepsItsCertainty() throws {
        let row = try #require(try label(english).first)
        #expect(row[0] == "en" && row[1] == "1.000")
    }

    @Test func lineUnitsAreMixedAwareToo() throws {
        let row = try #require(try label(mixed, unit: .line).first)
        #expect(try #require(Float(row[1])) < 0.9)
    }

    @Test func aThresholdAboveTheMixedConfidenceMakesTheSentenceUndetermined() throws {
        let row = try #require(try label(mixed, minimumConfidence: 0.95).first)
        #expect(row[0] == "und")
        let clean = try #require(try label(english, minimumConfidence: 0.95).first)
        #expect(clean[0] == "en")
    }

    @Test func keepWithoutAThresholdStillKeepsTheMixedSentenceByItsLabel() throws {
        let row = try #require(try label(mixed).first)
        var options = FilterOptions(action: .keep([row[0] == "en" ? .english : .spanish]))
        options.clean = false
        let kept = try FilterHarness().run(options, input: Array((mixed + "\n").utf8)).output
        #expect(String(decoding: kept, as: UTF8.self) == mixed + "\n")
    }
}
