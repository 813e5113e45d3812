/// Why the filter stopped. The CLI prints `description` and exits with status 1 (2 for `.usage`)
/// (`resultMemberFieldIsRefused`, `ReliabilityTests`).
public struct FilterError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An input could not be opened or read.
        case input
        /// An output could not be opened or written.
        case output
        /// Standard output was closed by its reader (`tamiz … | head`): not a failure, just the end.
        case outputClosed
        /// Invalid UTF-8 under `--strict`.
        case invalidUTF8
        /// `--jsonl` under `--strict`: a line that is not a JSON object with a string text field.
        case invalidRecord
        /// The model could not be loaded.
        case model
        /// The system refused a resource the run needs (a thread).
        case resources
        /// SIGINT or SIGTERM (see ``StopSignal``): the output holds every block read before it.
        case interrupted(signal: Int32)
        /// The inputs, outputs and options cannot work together (an output is also an input, two
        /// outputs are one file, the text field is the result member): the CLI exits 2.
        case usage
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
