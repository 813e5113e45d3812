#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TamizClassifying
import TamizBytes

/// The training text of every class, read from a corpus directory laid out like `Data/corpus/`:
/// `en.train.txt`, `es.train.txt`, `other/{fr,pt,it,ca,gl,de,nl}.train.txt` (one sentence a line)
/// and `words/{en,es}.words.tsv` (`word<TAB>zipf`, most frequent first).
package struct TrainingCorpus: Sendable {
    /// The classes in model order and the files each one trains on (relative to the corpus).
    package static let classes: [(code: String, files: [String])] = [
        ("en", ["en.train.txt"]),
        ("es", ["es.train.txt"]),
        ("fr", ["other/fr.train.txt"]),
        ("pt", ["other/pt.train.txt"]),
        ("it", ["other/it.train.txt"]),
        ("ca", ["other/ca.train.txt"]),
        ("gl", ["other/gl.train.txt"]),
        // German and Dutch share a class: the format has 8 lanes, and both only need rejecting.
        ("gem", ["other/de.train.txt", "other/nl.train.txt"]),
    ]
    package static let wordLists: [(code: String, file: String)] = [
        ("en", "words/en.words.tsv"), ("es", "words/es.words.tsv"),
    ]

    /// Sentences per class, in `classes` order and file order.
    package var sentences: [[[UInt8]]]
    /// (class index, word, zipf) in file order.
    package var words: [(classIndex: Int, word: [UInt8], zipf: Double)]

    package init(directory: String) throws(TrainingError) {
        sentences = []
        for (_, files) in Self.classes {
            var lines: [[UInt8]] = []
            for file in files {
                lines += try Self.readLines(directory + "/" + file)
            }
            sentences.append(lines)
        }
        words = []
        for (code, file) in Self.wordLists {
            let classIndex = Self.classes.firstIndex { $0.code == code }!
            for (n, line) in try Self.readLines(directory + "/" + file).enumerated() where n > 0 {
                guard let tab = line.firstIndex(of: 0x09),
                      let zipf = Double(String(decoding: line[(tab + 1)...], as: UTF8.self)) else {
                    throw TrainingError("\(file) line \(n + 1): expected word<TAB>zipf")
                }
                words.append((classIndex, Array(line[..<tab]), zipf))
            }
        }
    }

    /// The non-empty lines of a file, without their `\n`.
    package static func readLines(_ path: String) throws(TrainingError) -> [[UInt8]] {
        let bytes = try readFile(path)
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map { Array($0) }
    }

    /// The bytes of the file at `path`.
    package static func readFile(_ path: String) throws(TrainingError) -> [UInt8] {
        switch readWholeFile(path) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw TrainingError(failure.description)
        }
    }
}

/// A training failure (a missing or malformed corpus file).
package struct TrainingError: Error, CustomStringConvertible, Sendable {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// Builds a model file from a `TrainingCorpus`, deterministically: the same corpus and
/// configuration give the same bytes (counts are integers or summed in file order; no
/// dictionaries, no randomness).
///
/// The model starts as multinomial naive Bayes over hashed features (n-grams of the configured orders
/// plus whole words): per bucket and class, log((count + α_c) / (total + α_c·buckets)) with α_c proportional to the class total, centred
/// across classes (a per-bucket constant does not change the argmax, and centring keeps the
/// useful range small); `epochs` of logistic-regression SGD (`DiscriminativeTrainer`) then refit
/// those weights on sentences, short word spans and list words; finally they are scaled by
/// `unitsPerNat` and rounded to Int8.
package struct ModelTrainer: Sendable {
    package struct Configuration: Sendable, Equatable {
        package var bucketBits = 17
        package var orders = [4]
        package var wordFeatures = true
        /// Additive smoothing, as a fraction of the class's mean count per bucket.
        package var smoothing = 0.01
        /// Score units per nat of log-likelihood (Int8 weights are clamped to ±127).
        package var unitsPerNat = 8.0
        /// λ in [0, 1]: the share of en/es word-feature mass taken from the frequency lists.
        package var wordListWeight = 0.5
        /// Added to the score of each reject class (negative favours en/es), in score units.
        package var rejectBias: Int32 = -24
        /// Softmax temperature T0 + T1·letters in score units, chosen on the dev sets with
        /// `tamiz-train evaluate --fit` (the pair with the smallest worst-set ECE), one step more
        /// confident where the best pair let bare names pass the 0.98 limit of
        /// `LanguageClassifier.capitalisedOnlyMinimumConfidence` (Docs/Measurements.md).
        package var temperature: Float = 6
        package var temperatureSlope: Float = 0.7
        /// Fewer kept letters than this → `und`.
        package var minimumLetters = 1
        /// Epochs of logistic-regression SGD after naive Bayes (0 = plain naive Bayes).
        package var epochs = 4
        /// Initial SGD step (decays linearly to 0).
        package var learningRate = 0.05
        /// Random word spans (1, 2 or 3–5 words) added per training sentence and epoch.
        package var spansPerSentence = 3
        /// Share of non-English sentences and spans trained with accents stripped (`stripAccents`),
        /// so Spanish typed without accents stays Spanish. How the rate was chosen:
        /// `Data/model/README.md`, "Training settings".
        package var accentStripRate = 0.35
        /// Share of non-English sentences and spans trained with every non-ASCII character deleted
        /// (`deleteAccents`: `educacin`, `nmero`, an encoding loss of scraped text), drawn apart
        /// from the stripped ones.
        package var accentDeleteRate = 0.2
        /// Every accented non-English list word is also an example stripped and deleted, so
        /// single words survive both losses too.
        package var listWordVariants = true
        /// A word in both frequency lists trains towards its English and Spanish shares of the
        /// two frequencies (`DiscriminativeTrainer.listWordExamples`) instead of once per list,
        /// which gives back the English word mass the variants take.
        package var listWordShares = true
        /// Bias step relative to weight steps.
        package var biasRate = 0.01
        /// The naive Bayes weights (nats) are scaled by this before SGD starts.
        package var naiveBayesInitScale = 1.0
        /// Frequency-list words with at least this Zipf value are SGD examples (one per epoch).
        package var wordListMinimumZipf = 0.0
        /// SGD passes over a class's sentences: ⌈this / sentences⌉ (0 = one pass each).
        package var balancedClassSentences = 0
        /// Seed of the SGD shuffles and spans.
        package var seed: UInt64 = 0x5441_4D49_5A00_0001

        package init() {}

        /// The configuration of the shipped `Data/model/tamiz.model`.
        package static let shipped = Configuration()
    }

    package var configuration: Configuration

    package init(configuration: Configuration = .shipped) {
        self.configuration = configuration
    }

    /// Reads `directory` and returns the bytes of the trained model file.
    package func train(corpusDirectory directory: String) throws(TrainingError) -> [UInt8] {
        train(try TrainingCorpus(directory: directory))
    }

    package func train(_ corpus: TrainingCorpus) -> [UInt8] {
        let config = configuration
        let classCount = ModelFormat.classCount
        precondition(TrainingCorpus.classes.count == classCount)
        let buckets = 1 << config.bucketBits
        let extractor = FeatureExtractor(bucketBits: config.bucketBits, orders: config.orders,
                                         wordFeatures: config.wordFeatures)
        let wordsOnly = FeatureExtractor(bucketBits: config.bucketBits, orders: [], wordFeatures: true)

        // Integer counts from the sentences: all features, and the whole-word features alone.
        var counts = [UInt32](repeating: 0, count: buckets * classCount)
        var wordCounts = [UInt32](repeating: 0, count: buckets * classCount)
        var totals = [Double](repeating: 0, count: classCount)
        var wordTokens = [Int](repeating: 0, count: classCount)
        var sink = RecordingSink()
        var wordSink = RecordingSink()
        for (c, lines) in corpus.sentences.enumerated() {
            var total = 0
            for line in lines {
                sink.reset()
                _ = line.withUnsafeBufferPointer { extractor.extract($0, into: &sink) }
                for b in sink.features { counts[b * classCount + c] &+= 1 }
                total += sink.features.count
                if config.wordFeatures {
                    wordSink.reset()
                    _ = line.withUnsafeBufferPointer { wordsOnly.extract($0, into: &wordSink) }
                    for b in wordSink.features { wordCounts[b * classCount + c] &+= 1 }
                    wordTokens[c] += wordSink.features.count
                }
            }
            totals[c] = Double(total)
        }

        // For a class with a frequency list, a fraction λ of its word-feature mass comes from the
        // list (P(word) = 10^(zipf - 9)) instead of its own sentences; the class total stays the
        // same, so the list sharpens word evidence without diluting the n-grams.
        var counted = [Double](repeating: 0, count: buckets * classCount)
        for i in 0..<counted.count { counted[i] = Double(counts[i]) }
        let lambda = config.wordFeatures ? max(0, min(1, config.wordListWeight)) : 0
        if lambda > 0 {
            var listed = [Bool](repeating: false, count: classCount)
            for (c, _, _) in corpus.words { listed[c] = true }
            for c in 0..<classCount where listed[c] {
                for b in 0..<buckets { counted[b * classCount + c] -= lambda * Double(wordCounts[b * classCount + c]) }
            }
            for (c, word, zipf) in corpus.words {
                wordSink.reset()
                _ = word.withUnsafeBufferPointer { wordsOnly.extract($0, into: &wordSink) }
                guard wordSink.features.count == 1 else { continue }  // "ee.uu", "3d", "😂"
                counted[wordSink.features[0] * classCount + c] += lambda * Double(wordTokens[c]) * pow(10, zipf - 9)
            }
        }

        // Smoothing in proportion to each class's size: an unseen bucket then has the same
        // probability in every class, so a small class (Galician) does not win text full of
        // n-grams nobody saw merely because its estimates are flatter.
        var alpha = [Double](repeating: 0, count: classCount)
        var logDenominator = [Double](repeating: 0, count: classCount)
        for c in 0..<classCount {
            alpha[c] = config.smoothing * totals[c] / Double(buckets)
            logDenominator[c] = log(totals[c] + alpha[c] * Double(buckets))
        }
        var nats = [Double](repeating: 0, count: buckets * classCount)
        var lp = [Double](repeating: 0, count: classCount)
        for b in 0..<buckets {
            var mean = 0.0
            for c in 0..<classCount {
                let i = b * classCount + c
                lp[c] = log(max(0, counted[i]) + alpha[c]) - logDenominator[c]
                mean += lp[c]
            }
            mean /= Double(classCount)
            for c in 0..<classCount { nats[b * classCount + c] = lp[c] - mean }
        }

        var learnedBias = SIMD8<Float>(repeating: 0)
        if config.epochs > 0 {
            let scale = Float(config.naiveBayesInitScale)
            var initial = [SIMD8<Float>](repeating: .zero, count: buckets)
            for b in 0..<buckets {
                for c in 0..<classCount { initial[b][c] = Float(nats[b * classCount + c]) * scale }
            }
            var sgd = DiscriminativeTrainer(extractor: extractor, bucketBits: config.bucketBits, initial: initial)
            sgd.train(corpus: corpus, config: config)
            for b in 0..<buckets {
                for c in 0..<classCount { nats[b * classCount + c] = Double(sgd.weights[b][c]) }
            }
            learnedBias = sgd.bias - SIMD8<Float>(repeating: sgd.bias.sum() / 8)
        }
        var table = [Int8](repeating: 0, count: buckets * classCount)
        for b in 0..<buckets {
            for c in 0..<classCount {
                let q = (nats[b * classCount + c] * config.unitsPerNat).rounded()
                table[b * classCount + c] = Int8(max(-127, min(127, q)))
            }
        }

        var bias = [Int32](repeating: config.rejectBias, count: classCount)
        for (c, entry) in TrainingCorpus.classes.enumerated() where entry.code == "en" || entry.code == "es" {
            bias[c] = 0
        }
        for c in 0..<classCount { bias[c] += Int32((Double(learnedBias[c]) * config.unitsPerNat).rounded()) }
        let words = EvidenceWords.fingerprints(corpus)
        return Self.encode(config: config, bias: bias, table: table, english: words.english, spanish: words.spanish)
    }

    /// The model file: header, classes, `table`, then the evidence word lists (`english` and
    /// `spanish`: ascending fingerprints, see `ModelFormat`).
    static func encode(config: Configuration, bias: [Int32], table: [Int8], english: [UInt64], spanish: [UInt64]) -> [UInt8] {
        precondition(zip(english, english.dropFirst()).allSatisfy(<) && zip(spanish, spanish.dropFirst()).allSatisfy(<))
        let size = ModelFormat.tableOffset + table.count + 8 + 8 * (english.count + spanish.count)
        var out: [UInt8] = []
        out.reserveCapacity(size)
        func u8(_ v: Int) { out.append(UInt8(v)) }
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        out += ModelFormat.magic
        u32(ModelFormat.version)
        u32(UInt32(ModelFormat.headerSize))
        u64(UInt64(size))
        u8(ModelFormat.classCount)
        u8(config.bucketBits)
        u8(config.orders.count)
        u8(config.wordFeatures ? 1 : 0)
        for j in 0..<8 { u8(j < config.orders.count ? config.orders[j] : 0) }
        u32(config.temperature.bitPattern)
        u32(UInt32(ModelFormat.classSectionOffset))
        u32(UInt32(ModelFormat.tableOffset))
        u32(UInt32(config.minimumLetters))
        u32(config.temperatureSlope.bitPattern)
        u64(0)  // checksum, filled in below
        for (c, entry) in TrainingCorpus.classes.enumerated() {
            var code = Array(entry.code.utf8)
            code += [UInt8](repeating: 0, count: 4 - code.count)
            out += code
            u32(UInt32(bitPattern: bias[c]))
        }
        precondition(out.count == ModelFormat.tableOffset)
        out += table.map { UInt8(bitPattern: $0) }
        u32(UInt32(english.count))
        u32(UInt32(spanish.count))
        for f in english { u64(f) }
        for f in spanish { u64(f) }
        precondition(out.count == size)
        ModelFormat.seal(&out)
        return out
    }
}

/// Records feature indices, dropping those of junk tokens.
package struct RecordingSink: FeatureSink {
    package var features: [Int] = []
    var tokenStart = 0

    package init() {}

    package mutating func reset() {
        features.removeAll(keepingCapacity: true)
        tokenStart = 0
    }

    package mutating func feature(_ bucket: Int) { features.append(bucket) }

    package mutating func flush() {}

    package mutating func endToken(keep: Bool) {
        if !keep { features.removeSubrange(tokenStart...) }
        tokenStart = features.count
    }
}
