import TamizBytes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--progress`: one status line on standard error, redrawn at most four times a second —
/// bytes read from the inputs (compressed bytes for compressed inputs) and their share of the
/// total when every input is a regular file, MB/s, records, elapsed time and an estimate of the
/// rest. On a terminal the line is redrawn in place; elsewhere a line is written every few
/// seconds (`ContainerCLITests`, under a pseudo-terminal).
package final class ProgressMeter {
    private let totalBytes: Int?
    private let recordName: String
    private let descriptor: Int32
    private let inPlace: Bool
    private let start: Double
    private var lastDrawn: Double
    private var finishedInputsBytes = 0
    private var bytesRead = 0
    private var records = 0

    /// - Parameters:
    ///   - totalBytes: the inputs' total size, when known.
    ///   - recordName: what a line of the filtered stream is ("docs" or "lines").
    package init(totalBytes: Int?, recordName: String, descriptor: Int32 = 2) {
        self.totalBytes = totalBytes
        self.recordName = recordName
        self.descriptor = descriptor
        self.inPlace = isatty(descriptor) == 1
        self.start = Self.now()
        self.lastDrawn = start
    }

    /// Records the current input's progress: `inputBytes` read from it so far and `newRecords` more.
    func advance(inputBytes: Int, newRecords: Int) {
        bytesRead = finishedInputsBytes + inputBytes
        records += newRecords
        let now = Self.now()
        if now - lastDrawn >= (inPlace ? 0.25 : 5) {
            lastDrawn = now
            draw(now: now, final: false)
        }
    }

    /// The current input ended after `inputBytes`.
    func endInput(inputBytes: Int) {
        finishedInputsBytes += inputBytes
        bytesRead = finishedInputsBytes
    }

    /// Draws the last state and ends the line.
    package func finish() {
        draw(now: Self.now(), final: true)
    }

    /// The status line for these counts, e.g. `12.3 MB of 45.6 MB (27%), 8.1 MB/s, 1,234 docs,
    /// 0:00:02 elapsed, 0:00:05 left`.
    static func status(bytes: Int, total: Int?, records: Int, recordName: String, elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(bytes) / elapsed : 0
        var parts = [megabytes(bytes)]
        if let total, total > 0 {
            parts[0] += " of \(megabytes(total)) (\(min(100, bytes * 100 / total))%)"
        }
        parts.append("\(megabytes(Int(rate)))/s")
        parts.append("\(records) \(recordName)")
        parts.append("\(clock(elapsed)) elapsed")
        if let total, rate > 0, bytes < total {
            parts.append("\(clock(Double(total - bytes) / rate)) left")
        }
        return parts.joined(separator: ", ")
    }

    private func draw(now: Double, final: Bool) {
        let text = Self.status(
            bytes: bytesRead, total: totalBytes, records: records, recordName: recordName, elapsed: now - start)
        let line = inPlace ? "\r\u{1B}[Ktamiz: \(text)\(final ? "\n" : "")" : "tamiz: \(text)\n"
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    private static func megabytes(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\((bytes + 500) / 1000) kB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    private static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        let minutes = whole / 60 % 60, hours = whole / 3600, rest = whole % 60
        return "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(rest < 10 ? "0" : "")\(rest)"
    }

    private static func now() -> Double { monotonicSeconds() }
}

/// Passes a source's bytes through, telling a `ProgressMeter` how far the input is read and how
/// many records (lines) went by.
package final class ProgressSource: ByteSource {
    private let source: any ByteSource
    private let input: ContainerInput
    private let meter: ProgressMeter

    package init(_ input: ContainerInput, meter: ProgressMeter) {
        self.source = input.source
        self.input = input
        self.meter = meter
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int {
        let count = try source.read(into: buffer)
        if count == 0 {
            meter.endInput(inputBytes: input.bytesRead)
            return 0
        }
        var newlines = 0
        for byte in UnsafeRawBufferPointer(rebasing: buffer[..<count]) where byte == 0x0A { newlines += 1 }
        meter.advance(inputBytes: input.bytesRead, newRecords: newlines)
        return count
    }
}
