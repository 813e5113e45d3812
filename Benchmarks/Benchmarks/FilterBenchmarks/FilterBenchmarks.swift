import Benchmark
import BenchmarkInputs
import Foundation
import Tamiz

/// The whole filter, file to /dev/null, as `tamiz label` and `tamiz keep en` run it,
/// over 32 MB of paragraph lines (plain, and gzip-compressed for `keep en`, decoded by ISA-L and by zlib),
/// at one thread and at every core; `-spans` runs the same action with `--unit span` beside its
/// sentence-unit twin, so one run gives the span mode's speed ratio (issue 14: at least 0.5).
let benchmarks: @Sendable () -> Void = {
    let paragraphs = BenchmarkInputs.paragraphs()
    var oneCopy: [UInt8] = []
    for paragraph in paragraphs {
        oneCopy.append(contentsOf: paragraph)
        oneCopy.append(0x0A)
    }
    let copies = 32
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tamiz-benchmark-input.txt").path
    FileManager.default.createFile(atPath: path, contents: Data(Array([[UInt8]](repeating: oneCopy, count: copies).joined())))
    let bytes = oneCopy.count * copies
    let devNull = open("/dev/null", O_WRONLY)

    let metrics: [BenchmarkMetric] = [BenchmarkInputs.megabytesPerSecond, .wallClock, .peakMemoryResident, .throughput]
    let configuration = Benchmark.Configuration(metrics: metrics, maxDuration: .seconds(10), maxIterations: 20, thresholds: BenchmarkInputs.speedThresholds)
    let cores = ProcessInfo.processInfo.activeProcessorCount

    // The same bytes gzip-compressed: `filter-keep-en-N-threads-32MB-gzip` against its plain
    // twin in one run shows what decompression (on the reading thread) costs.
    let gzipPath = path + ".gz"
    do {
        // The system's gzip, as a user's files would be made.
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -c -6 \"$0\" > \"$1\"", path, gzipPath]
        try gzip.run()
        gzip.waitUntilExit()
        guard gzip.terminationStatus == 0 else { fatalError("gzip exited \(gzip.terminationStatus)") }
    } catch {
        fatalError("cannot write the gzip benchmark input: \(error)")
    }
    // `-gzip` decodes with ISA-L where it loads (else zlib, as `-gzip-zlib` always does).
    let decoders: [(String, FilterOptions.GzipDecoder)] = [("gzip", .automatic), ("gzip-zlib", .zlib)]
    for threads in Set([1, cores]).sorted() {
        for (suffix, decoder) in decoders {
            Benchmark("filter-keep-en-\(threads)-threads-32MB-\(suffix)", configuration: configuration) { benchmark in
                var options = FilterOptions(action: .keep([.english]))
                options.threads = threads
                options.gzipDecoder = decoder
                let start = ContinuousClock.now
                blackHole(try TamizFilter(options: options).run(inputs: [gzipPath], outputDescriptor: devNull))
                BenchmarkInputs.recordThroughput(benchmark, bytes: bytes, since: start)
            }
        }
    }

    let actions: [(String, FilterAction)] = [("label", .label(.tsv)), ("keep-en", .keep([.english]))]
    let units: [(String, UnitKind)] = [("", .sentence), ("-spans", .span)]
    for (name, action) in actions {
        for threads in Set([1, cores]).sorted() {
            for (suffix, unit) in units {
                Benchmark("filter-\(name)-\(threads)-threads-32MB\(suffix)", configuration: configuration) { benchmark in
                    var options = FilterOptions(action: action)
                    options.threads = threads
                    options.unit = unit
                    let start = ContinuousClock.now
                    blackHole(try TamizFilter(options: options).run(inputs: [path], outputDescriptor: devNull))
                    BenchmarkInputs.recordThroughput(benchmark, bytes: bytes, since: start)
                }
            }
        }
    }
}
