import Benchmark
import Foundation

/// The bytes every benchmark measures: sentences from the project's own training corpus
/// (`Data/corpus`), English and Spanish alternating, so results need nothing outside the repo.
public enum BenchmarkInputs {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// One megabyte, the unit of every `MB/s` figure: 1,000,000 bytes of UTF-8 input.
    public static let megabyte = 1_000_000

    /// Whole sentences, alternating English and Spanish, adding up to `totalBytes` or a little less.
    public static func sentences(totalBytes: Int = megabyte) -> [[UInt8]] {
        let english = lines(of: "Data/corpus/en.train.txt")
        let spanish = lines(of: "Data/corpus/es.train.txt")
        var result: [[UInt8]] = []
        var bytes = 0
        var index = 0
        while true {
            let sentence = index % 2 == 0 ? english[(index / 2) % english.count] : spanish[(index / 2) % spanish.count]
            if bytes + sentence.count > totalBytes { break }
            result.append(sentence)
            bytes += sentence.count
            index += 1
        }
        return result
    }

    /// Paragraph lines of three to five sentences each, joined by spaces, one per line.
    public static func paragraphs(totalBytes: Int = megabyte) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        for (index, sentence) in sentences(totalBytes: totalBytes).enumerated() {
            if !current.isEmpty { current.append(0x20) }
            current.append(contentsOf: sentence)
            if index % 4 == 3 {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Records `bytes / duration` as the custom `MB/s` metric (1 MB = 10^6 bytes).
    public static func recordThroughput(_ benchmark: Benchmark, bytes: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        benchmark.measurement(megabytesPerSecond, Int((Double(bytes) / 1e6 / seconds).rounded()))
    }

    public static let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

    /// Tolerances for `swift package benchmark thresholds check`, which compares each metric's p90
    /// with the checked-in `Thresholds/` files. This VM is noisy: speed (throughput, MB/s) may drift
    /// 20 % and peak memory 15 % either way before the check fails (a large gain fails too: update
    /// the files then); wall-clock p90, which swings most here, only catches gross changes (50 %);
    /// allocation counts may move by 2 (the harness's own). A metric without a tolerance here
    /// would be checked with none.
    /// Benchmark names have no spaces or slashes: benchmark 1.38.1 writes a threshold file with `_`
    /// for those but looks it up by the raw name, so a benchmark named with a space is never checked.
    public static var thresholds: [BenchmarkMetric: BenchmarkThresholds] {
        speedThresholds.merging([.mallocCountTotal: .init(absolute: [.p90: 2])]) { $1 }
    }

    /// The same tolerances for benchmarks that do not count allocations.
    public static var speedThresholds: [BenchmarkMetric: BenchmarkThresholds] {
        [
            megabytesPerSecond: .init(relative: [.p90: 20.0]),
            .throughput: .init(relative: [.p90: 20.0]),
            .wallClock: .init(relative: [.p90: 50.0]),
            .peakMemoryResident: .init(relative: [.p90: 15.0]),
        ]
    }

    private static func lines(of path: String) -> [[UInt8]] {
        let data = try! Data(contentsOf: root.appendingPathComponent(path))
        return data.split(separator: 0x0A).map { Array($0) }
    }
}
