import Foundation
import Testing
import Tamiz

@Suite("Line records across block edges")
struct LineRecordTests {
    /// Each input is a last line without a line break whose pieces fill 16-byte blocks exactly,
    /// so the input ends right where a block does (found by the filter fuzz harness).
    @Test(
        "a last line cut into pieces that end with the input still gets one closed record",
        arguments: ["Markets opened. Markets closed. ", "Mercadosabiertos"])
    func lastLineEndingAtABlockEdge(input: String) throws {
        let harness = try FilterHarness()
        for action in [FilterAction.label(.tsv), .label(.jsonl)] {
            var options = FilterOptions(action: action)
            options.unit = .line
            options.clean = false
            options.blockBytes = 1 << 20
            let whole = try harness.run(options, input: Array(input.utf8))
            options.blockBytes = 16
            let pieces = try harness.run(options, input: Array(input.utf8))
            #expect(pieces.output == whole.output)
            #expect(pieces.output.last == 0x0A)
            #expect(pieces.statistics.lines == 1)
        }
    }

    @Test("a last line exactly one default block long, ending in a space, gets one closed record")
    func lastLineOfExactlyOneBlock() throws {
        var options = FilterOptions(action: .label(.tsv))
        options.unit = .line
        options.clean = false
        let sentence = "The river rose. "
        let input = String(repeating: sentence, count: options.blockBytes / sentence.utf8.count)
        #expect(input.utf8.count == options.blockBytes)
        let (output, statistics) = try FilterHarness().run(options, input: Array(input.utf8))
        #expect(output.filter { $0 == 0x0A }.count == 1)
        #expect(output.last == 0x0A)
        #expect(statistics.lines == 1)
    }
}
