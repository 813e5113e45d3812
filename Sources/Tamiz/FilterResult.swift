/// What an in-memory run (``TamizFilter/run(bytes:)``) wrote: each output's bytes and the
/// statistics, exactly as a run over files would have written them (`inMemoryRunEqualsFileRun`).
public struct FilterResult: Sendable, Equatable {
    /// `label` and `keep`: everything written to the output. Empty for `route`.
    public var output: [UInt8] = []
    /// `route`: the bytes for each destination in the action (a destination left out of the
    /// action has no entry; its units are counted as dropped).
    public var routed: [Destination: [UInt8]] = [:]
    /// `--jsonl`: the records that could not be read, each on one line.
    public var errors: [UInt8] = []
    /// `--jsonl` with `DocumentOptions.attributes`: one attributes line per document.
    public var attributes: [UInt8] = []
    /// Problems that did not stop the run (invalid records), in input order.
    public var messages: [String] = []
    public var statistics: FilterStatistics

    public init(statistics: FilterStatistics) {
        self.statistics = statistics
    }

    /// `output` as text (it is valid UTF-8: invalid input bytes were replaced with U+FFFD).
    public var text: String { String(decoding: output, as: UTF8.self) }

    /// The text routed to `destination` (empty when it has no output).
    public func text(for destination: Destination) -> String {
        String(decoding: routed[destination] ?? [], as: UTF8.self)
    }
}

/// Collects reported messages from the writer thread for an in-memory run.
final class MessageLog: @unchecked Sendable {
    private let lock = Monitor()
    private var stored: [String] = []

    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}
