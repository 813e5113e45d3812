/// A run of whole lines (or one piece of a line longer than a block) read from one input:
/// the unit of parallel work. Blocks are cut at the same places whatever the thread count,
/// so output never depends on timing.
struct InputBlock: Sendable {
    /// Position in the stream of blocks, from 0; outputs are written in this order.
    var sequence: Int
    /// Which input the bytes come from (index into the list of inputs).
    var source: Int
    /// The raw bytes, ending with `\n` unless the block ends inside a line or at end of input.
    var bytes: [UInt8]
    /// Line number (from 1, per input) of the first line in `bytes`.
    var firstLineNumber: Int
    /// The first line is the continuation of a line started in the previous block.
    var startsInsideLine = false
    /// The last line continues in the next block.
    var endsInsideLine = false
    /// With `startsInsideLine`: code points of the first line read in earlier blocks, so span
    /// offsets count from the start of the input line, not of this piece.
    var firstLineScalarOffset = 0
}
