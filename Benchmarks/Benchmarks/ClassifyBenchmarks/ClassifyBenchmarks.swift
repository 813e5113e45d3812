import Benchmark
import BenchmarkInputs
import Tamiz

/// The hot loop: `LanguageClassifier.classify` over 1 MB of pre-split sentences in memory,
/// next to a baseline that only reads the same bytes, measured in the same run.
let benchmarks: @Sendable () -> Void = {
    let sentences = BenchmarkInputs.sentences()
    let bytes = sentences.reduce(0) { $0 + $1.count }
    let metrics: [BenchmarkMetric] = [
        BenchmarkInputs.megabytesPerSecond, .wallClock, .instructions, .mallocCountTotal, .throughput,
    ]
    let configuration = Benchmark.Configuration(metrics: metrics, maxDuration: .seconds(5), thresholds: BenchmarkInputs.thresholds)

    Benchmark("baseline-sum-every-byte-1MB-sentences", configuration: configuration) { benchmark in
        let start = ContinuousClock.now
        var sum = 0
        for sentence in sentences {
            sentence.withUnsafeBufferPointer { buffer in
                for byte in buffer { sum &+= Int(byte) }
            }
        }
        blackHole(sum)
        BenchmarkInputs.recordThroughput(benchmark, bytes: bytes, since: start)
    }

    let classifier = LanguageClassifier()
    Benchmark("classify-1MB-sentences", configuration: configuration) { benchmark in
        let start = ContinuousClock.now
        for sentence in sentences {
            sentence.withUnsafeBufferPointer { blackHole(classifier.classify($0)) }
        }
        BenchmarkInputs.recordThroughput(benchmark, bytes: bytes, since: start)
    }

    // Span mode on the same sentences: every word scored and the sentence decoded into spans
    // (`LanguageSpanDetector`), against `classify-1MB-sentences` in the same run.
    let detector = LanguageSpanDetector()
    Benchmark("spans-1MB-sentences", configuration: configuration) { benchmark in
        var scratch = LanguageSpanDetector.Scratch()
        let start = ContinuousClock.now
        for sentence in sentences {
            sentence.withUnsafeBufferPointer { detector.detect($0, into: &scratch) }
            blackHole(scratch.spans.count)
        }
        BenchmarkInputs.recordThroughput(benchmark, bytes: bytes, since: start)
    }

    // What a process pays before its first answer: validating the model's header and checksum
    // (the embedded model is read in place; a model file is read and copied once).
    let modelBytes = LanguageModel.embedded.bytes
    Benchmark("load-model-and-classify-one-sentence",
              configuration: .init(metrics: [.wallClock, .mallocCountTotal], thresholds: BenchmarkInputs.thresholds)) { _ in
        let classifier = LanguageClassifier(model: try! LanguageModel(bytes: modelBytes))
        blackHole(classifier.classify("The model is ready."))
    }
}
