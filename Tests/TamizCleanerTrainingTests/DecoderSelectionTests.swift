import Testing
@testable import TamizCleanerTraining
import TamizCleaning

@Suite("Decoder selection")
struct DecoderSelectionTests {
    /// A page of `site`: eight debris lines, then eight content lines, then eight debris lines,
    /// each a 20-word prose line; the logits say content at `contentLogit`, debris at -3.
    static func page(site: Int32, contentLogit: Double) -> (ArraySlice<FeatureRow>, [Double]) {
        var rows: [FeatureRow] = []
        var logits: [Double] = []
        for line in 0..<24 {
            var evidence = LineEvidence()
            evidence.words = 20
            evidence.spacedWords = 20
            evidence.flags = LineEvidence.Flag.hasLetter | LineEvidence.Flag.punctuated
            let content = (8..<16).contains(line)
            rows.append(FeatureRow(page: site, site: site, language: 0, line: Int32(line + 1), gold: content ? 1 : 0,
                                   evidence: evidence))
            logits.append(content ? contentLogit : -3)
        }
        return (rows[...], logits)
    }

    @Test("the best bias is the first on the grid that keeps content the logits call slightly unlikely")
    func bestBiasKeepsUnderconfidentContent() {
        let (rows, logits) = Self.page(site: 0, contentLogit: -0.6)
        let best = DecoderSelection.best([rows], logits: [logits])
        #expect(best.bias == 0.75)
    }

    @Test("nested selection decodes each site group with the setting chosen on the other groups")
    func nestedSelectionIgnoresTheHeldOutGroup() {
        // Site 0 alone would want a bias of 0.75; site 1's content needs 1.25, and site 0 is
        // decoded with what site 1 wants (and the other way round).
        let first = Self.page(site: 0, contentLogit: -0.6)
        let second = Self.page(site: 1, contentLogit: -1.1)
        let nested = DecoderSelection.nested([first.0, second.0], logits: [first.1, second.1])
        #expect(nested[0].bias == 1.25)
        #expect(nested[1].bias == 0.75)
        #expect(nested[0].kept.filter { $0 }.count == 8)
        #expect(nested[1].kept.filter { $0 }.count == 0)
    }
}
