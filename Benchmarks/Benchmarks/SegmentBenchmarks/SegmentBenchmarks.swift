import Benchmark
import BenchmarkInputs
import Tamiz

/// Sentence segmentation (ICU + Tamiz's abbreviation rules) over 1 MB of paragraph lines.
let benchmarks: @Sendable () -> Void = {
    let paragraphs = BenchmarkInputs.paragraphs()
    let bytes = paragraphs.reduce(0) { $0 + $1.count }
    let metrics: [BenchmarkMetric] = [
        BenchmarkInputs.megabytesPerSecond, .wallClock, .instructions, .mallocCountTotal, .throughput,
    ]
    let configuration = Benchmark.Configuration(metrics: metrics, maxDuration: .seconds(5), thresholds: BenchmarkInputs.thresholds)
    let segmenter = try! SentenceSegmenter()

    Benchmark("Segment 1 MB of paragraphs", configuration: configuration) { benchmark in
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(256)
        let start = ContinuousClock.now
        for paragraph in paragraphs {
            ranges.removeAll(keepingCapacity: true)
            paragraph.withUnsafeBufferPointer { segmenter.appendSentences(of: $0, to: &ranges) }
            blackHole(ranges.count)
        }
        BenchmarkInputs.recordThroughput(benchmark, bytes: bytes, since: start)
    }

    let cleaner = LineCleaner()
    var text: [UInt8] = []
    var lines: [Range<Int>] = []
    for paragraph in paragraphs {
        let start = text.count
        text.append(contentsOf: paragraph)
        lines.append(start..<text.count)
    }
    Benchmark("Clean 1 MB of paragraph lines", configuration: configuration) { benchmark in
        let start = ContinuousClock.now
        text.withUnsafeBufferPointer { blackHole(cleaner.debris(ofLines: lines, in: $0)) }
        BenchmarkInputs.recordThroughput(benchmark, bytes: bytes, since: start)
    }
}
