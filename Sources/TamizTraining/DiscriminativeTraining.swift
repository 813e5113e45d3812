#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TamizClassifying

/// Multinomial logistic regression over the hashed features, started from the naive Bayes
/// weights and trained by SGD on whole sentences, random word spans (1, 2, 3–5 words) and the
/// frequency-list words, so that the weights are fitted to short text as well as to sentences.
///
/// Deterministic: a fixed-seed SplitMix64 drives the shuffles and spans, arithmetic runs in a
/// fixed order, and `exp` is our own polynomial (libm's may differ between systems), so the same
/// corpus gives the same bytes.
struct DiscriminativeTrainer {
    struct Example {
        var classIndex: Int
        var bytes: [UInt8]
        /// The target distribution when it is not all `classIndex` (a list word frequent in both
        /// languages: its English and Spanish shares of the two lists' frequencies).
        var target: SIMD8<Float>? = nil
    }

    let extractor: FeatureExtractor
    let buckets: Int
    var weights: [SIMD8<Float>]
    var bias = SIMD8<Float>(repeating: 0)

    init(extractor: FeatureExtractor, bucketBits: Int, initial: [SIMD8<Float>]) {
        self.extractor = extractor
        buckets = 1 << bucketBits
        weights = initial
    }

    /// One epoch's examples: every sentence whole, plus spans, plus the list words.
    static func examples(corpus: TrainingCorpus, rng: inout TrainingRandom, config: ModelTrainer.Configuration,
                         words: [Example]) -> [Example] {
        var out: [Example] = []
        for (c, lines) in corpus.sentences.enumerated() {
            let english = TrainingCorpus.classes[c].code == "en"
            let stripRate = english ? 0 : config.accentStripRate
            let deleteRate = english ? 0 : config.accentDeleteRate
            // One draw decides: accents stripped, deleted (`deleteAccents`) or kept.
            func damaged(_ bytes: [UInt8]) -> [UInt8] {
                let r = rng.unit()
                return r < stripRate ? stripAccents(bytes) : r < stripRate + deleteRate ? deleteAccents(bytes) : bytes
            }
            // Small classes pass more than once (with other spans and strips): a class seen
            // rarely is otherwise outvoted on short text.
            let passes = max(1, (config.balancedClassSentences + lines.count - 1) / max(lines.count, 1))
            for _ in 0..<passes { for line in lines {
                out.append(Example(classIndex: c, bytes: damaged(line)))
                // Word start offsets (a word = a maximal run of non-space bytes).
                var starts: [Int] = [], ends: [Int] = []
                var i = 0
                while i < line.count {
                    while i < line.count, line[i] == 0x20 { i += 1 }
                    if i >= line.count { break }
                    starts.append(i)
                    while i < line.count, line[i] != 0x20 { i += 1 }
                    ends.append(i)
                }
                let n = starts.count
                guard n >= 2 else { continue }
                for _ in 0..<config.spansPerSentence {
                    let r = rng.unit()
                    let length = r < 0.4 ? 1 : r < 0.7 ? 2 : 3 + Int(rng.next() % 3)
                    let k = min(length, n)
                    let first = Int(rng.next() % UInt64(n - k + 1))
                    var span = Array(line[starts[first]..<ends[first + k - 1]])
                    if k == 1 { span = trimPunctuation(span) }
                    if span.isEmpty { continue }
                    out.append(Example(classIndex: c, bytes: damaged(span)))
                }
            } }
        }
        if config.listWordVariants {
            // Every accented non-English list word also trains as it reads stripped and deleted.
            for word in words {
                out.append(word)
                guard TrainingCorpus.classes[word.classIndex].code != "en", word.bytes.contains(where: { $0 >= 0x80 }) else { continue }
                var variant = word
                variant.bytes = stripAccents(word.bytes)
                out.append(variant)
                variant.bytes = deleteAccents(word.bytes)
                out.append(variant)
            }
        } else {
            out += words
        }
        // Fisher–Yates with the seeded generator.
        if out.count > 1 {
            for i in stride(from: out.count - 1, to: 0, by: -1) {
                let j = Int(rng.next() % UInt64(i + 1))
                out.swapAt(i, j)
            }
        }
        return out
    }

    /// The frequency-list words as examples. With `listWordShares`, a word in both lists is one
    /// example whose target splits between English and Spanish by their frequencies in the two
    /// lists (10^zipf each: `software` 4.77 / 4.65 is about half Spanish, `web` 4.74 / 5.29
    /// mostly Spanish, `show` 5.68 / 4.64 mostly English), so that a loanword of everyday Spanish
    /// keeps the Spanish share its frequency shows; without, it is one example per list.
    static func listWordExamples(corpus: TrainingCorpus, config: ModelTrainer.Configuration) -> [Example] {
        var examples: [Example] = []
        guard config.listWordShares else {
            for (c, word, zipf) in corpus.words where zipf >= config.wordListMinimumZipf {
                examples.append(Example(classIndex: c, bytes: word))
            }
            return examples
        }
        // The first (most frequent) entry of a word in each list.
        var zipfs: [[UInt8]: SIMD2<Double>] = [:]
        for (c, word, zipf) in corpus.words where c < 2 {
            var z = zipfs[word] ?? SIMD2(-1, -1)
            if z[c] < 0 { z[c] = zipf }
            zipfs[word] = z
        }
        var done = Set<[UInt8]>()
        for (c, word, zipf) in corpus.words where zipf >= config.wordListMinimumZipf {
            guard c < 2, let z = zipfs[word], z[0] >= 0, z[1] >= 0 else {
                examples.append(Example(classIndex: c, bytes: word))
                continue
            }
            guard done.insert(word).inserted else { continue }
            let english = 1 / (1 + pow(10, z[1] - z[0]))
            var target = SIMD8<Float>(repeating: 0)
            target[0] = Float(english)
            target[1] = Float(1 - english)
            examples.append(Example(classIndex: english >= 0.5 ? 0 : 1, bytes: word, target: target))
        }
        return examples
    }

    mutating func train(corpus: TrainingCorpus, config: ModelTrainer.Configuration) {
        var rng = TrainingRandom(state: config.seed)
        let wordExamples = Self.listWordExamples(corpus: corpus, config: config)
        var sink = RecordingSink()
        let epochs = config.epochs
        let totalSteps = Double(max(epochs, 1))
        for epoch in 0..<epochs {
            let examples = Self.examples(corpus: corpus, rng: &rng, config: config, words: wordExamples)
            let count = examples.count
            weights.withUnsafeMutableBufferPointer { w in
                for (k, example) in examples.enumerated() {
                    // Learning rate decays linearly to 0 over the run.
                    let progress = (Double(epoch) + Double(k) / Double(count)) / totalSteps
                    let rate = Float(config.learningRate * (1 - progress))
                    sink.reset()
                    _ = example.bytes.withUnsafeBufferPointer { extractor.extract($0, into: &sink) }
                    if sink.features.isEmpty { continue }
                    var s = bias
                    for f in sink.features { s += w[f] }
                    let top = s.max()
                    var e = SIMD8<Float>(repeating: 0)
                    for c in 0..<8 { e[c] = deterministicExp(s[c] - top) }
                    let p = e / e.sum()
                    var g = p
                    if let target = example.target { g -= target } else { g[example.classIndex] -= 1 }
                    let step = g * rate
                    for f in sink.features { w[f] -= step }
                    bias -= step * Float(config.biasRate)
                }
            }
        }
    }
}

/// exp(x) for x <= 0 from +, *, and exact scaling only (same bits on every IEEE machine).
func deterministicExp(_ x: Float) -> Float {
    if x < -60 { return 0 }
    // exp(x) = (exp(x / 64))^64: a degree-6 Taylor series on [-0.94, 0], then six squarings.
    let y = Double(x) / 64
    var r = 1 + y * (1 + y * (0.5 + y * (1.0 / 6 + y * (1.0 / 24 + y * (1.0 / 120 + y / 720)))))
    for _ in 0..<6 { r *= r }
    return Float(r)
}

/// Drops leading and trailing ASCII punctuation from a single word.
func trimPunctuation(_ word: [UInt8]) -> [UInt8] {
    func isPunct(_ b: UInt8) -> Bool { b < 0x80 && !(b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) && !(b >= 0x30 && b <= 0x39) }
    var lo = 0, hi = word.count
    while lo < hi, isPunct(word[lo]) { lo += 1 }
    while hi > lo, isPunct(word[hi - 1]) { hi -= 1 }
    return Array(word[lo..<hi])
}

/// Text as a scrape that lost its accents would have it: á é í ó ú ü ñ (either case) → a e i o u u n.
package func stripAccents(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        if b == 0xC3, i + 1 < bytes.count {
            let c = bytes[i + 1]
            let plain: UInt8? = switch c | 0x20 {
            case 0xA1: 0x61
            case 0xA9: 0x65
            case 0xAD: 0x69
            case 0xB3: 0x6F
            case 0xBA, 0xBC: 0x75
            case 0xB1: 0x6E
            default: nil
            }
            if let plain {
                out.append(c < 0xA0 ? plain - 0x20 : plain)
                i += 2
                continue
            }
        }
        out.append(b)
        i += 1
    }
    return out
}

/// Text as a scrape that lost every non-ASCII character would have it (a common encoding loss):
/// each multi-byte UTF-8 character is deleted, so `educación` → `educacin`, `número` → `nmero`,
/// `¿Qué?` → `Qu?`. Bytes that do not form a character (a stray continuation byte) go too.
package func deleteAccents(_ bytes: [UInt8]) -> [UInt8] {
    bytes.filter { $0 < 0x80 }
}

/// A small fixed-seed generator (SplitMix64): the trainer's only source of randomness, and the
/// tests' (same sequence on every machine, unlike `SystemRandomNumberGenerator`).
package struct TrainingRandom: RandomNumberGenerator, Sendable {
    package var state: UInt64

    package init(state: UInt64) { self.state = state }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
