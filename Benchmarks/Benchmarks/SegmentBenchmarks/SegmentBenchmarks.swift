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

    Benchmark("segment-1MB-paragraphs", configuration: configuration) { benchmark in
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
    Benchmark("clean-1MB-paragraph-lines", configuration: configuration) { benchmark in
        let start = ContinuousClock.now
        text.withUnsafeBufferPointer { blackHole(cleaner.debris(ofLines: lines, in: $0)) }
        BenchmarkInputs.recordThroughput(benchmark, bytes: bytes, since: start)
    }

    // Scrape-shaped: pages of a menu (short title-case labels, the same on every page), a headline,
    // a byline, paragraphs of corpus sentences, a link list and a footer, blank lines between
    // blocks, about 1 MB in all, as one document. Most lines are short, as in real scrapes.
    let menu = ["Home", "World News", "Politics", "Business And Markets", "Science", "Health", "Sport",
                "Culture And Arts", "Opinion", "Subscribe", "Sign in", "Search"]
    let footer = ["About us", "Contact", "Privacy policy", "Terms of use", "Cookie settings",
                  "© 2025 Example Media. All rights reserved."]
    let sentences = BenchmarkInputs.sentences()
    var scrape: [UInt8] = []
    var scrapeLines: [Range<Int>] = []
    func appendLine(_ line: some Sequence<UInt8>) {
        let start = scrape.count
        scrape.append(contentsOf: line)
        scrapeLines.append(start..<scrape.count)
        scrape.append(0x0A)
    }
    var next = 0
    while scrape.count < BenchmarkInputs.megabyte - 4_000 {
        for label in menu { appendLine(label.utf8); appendLine([UInt8]()) }
        appendLine(sentences[next % sentences.count]); next += 1
        appendLine("By Ann Example · March 4, 2025".utf8)
        for _ in 0..<6 {
            var paragraph: [UInt8] = []
            for _ in 0..<3 {
                if !paragraph.isEmpty { paragraph.append(0x20) }
                paragraph.append(contentsOf: sentences[next % sentences.count])
                next += 1
            }
            appendLine(paragraph)
            appendLine([UInt8]())
        }
        appendLine("Read more".utf8)
        for _ in 0..<4 { appendLine(sentences[next % sentences.count].prefix(60)); next += 1 }
        for label in footer { appendLine(label.utf8) }
    }
    let scrapeBytes = scrape.count
    Benchmark("clean-1MB-scrape-shaped-lines", configuration: configuration) { benchmark in
        let start = ContinuousClock.now
        scrape.withUnsafeBufferPointer { blackHole(cleaner.debris(ofLines: scrapeLines, in: $0)) }
        BenchmarkInputs.recordThroughput(benchmark, bytes: scrapeBytes, since: start)
    }
}
