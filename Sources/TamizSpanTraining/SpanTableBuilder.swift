import TamizClassifying
import TamizTraining

/// Builds `Data/spans/spans.table` from the licensed corpus, bit for bit (`SpanTableTests`):
/// 1. word log-odds from the frequency lists: log10 frequency in English minus in Spanish, a word
///    missing from one list taken at that list's lowest frequency less `missingZipfOffset`; where
///    two words share a bucket, the more frequent one keeps it;
/// 2. `SpanParameters` by coordinate search (fixed candidate grids, fixed order, ties keep the
///    current value) maximising `SpanScore.objective` on `SyntheticMixing` texts.
package enum SpanTableBuilder {
    package static let bucketBits = 17
    package static let missingZipfOffset = 0.5
    package static let syntheticTexts = 4000
    package static let seed: UInt64 = 0x5350_414E_5300_0001

    package static let start = SpanParameters(ngramWeight: 0.5, wordWeight: 0.5, contextWeight: 0.2, switchPenalty: 2,
                                             evidenceCap: 6, capitalisedWeight: 0.5, spanishPrior: 0, confidenceScale: 0.5)
    /// Candidates per parameter, in `SpanParameters.values` order (confidence scale: fitted apart).
    package static let grids: [[Float]] = [
        [0.25, 0.35, 0.5, 0.7, 1.0, 1.4],
        [0, 0.25, 0.5, 0.75, 1.0, 1.5, 2, 2.5, 3],
        [0, 0.1, 0.2, 0.3, 0.45],
        [0.5, 1, 1.5, 2, 3, 4, 6],
        [2, 3, 4, 6, 8, 12],
        [0, 0.25, 0.5, 1],
        [-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.5],
    ]
    package static let confidenceScales: [Float] = [0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0, 1.5]

    /// The word buckets (file layout: odds in the low byte, fingerprint in the high byte).
    package static func wordBuckets(_ corpus: TrainingCorpus, bits: Int = bucketBits) -> [UInt16] {
        var zipf: [[UInt8]: (en: Double?, es: Double?)] = [:]
        var lowest = [Double.infinity, Double.infinity]
        var order: [[UInt8]] = []
        for (classIndex, word, z) in corpus.words where classIndex < 2 {
            if zipf[word] == nil { order.append(word) }
            var entry = zipf[word] ?? (nil, nil)
            if classIndex == 0 { entry.en = max(entry.en ?? -1, z) } else { entry.es = max(entry.es ?? -1, z) }
            zipf[word] = entry
            lowest[classIndex] = min(lowest[classIndex], z)
        }
        var buckets = [UInt16](repeating: 0, count: 1 << bits)
        var owner = [Double](repeating: -1, count: 1 << bits)
        let shift = UInt64(64 - bits)
        for word in order {
            let keys = SpanTable.wordKeys(word)
            guard keys.count == 1, let (en, es) = zipf[word] else { continue }  // one word of letters only
            let e = en ?? lowest[0] - missingZipfOffset, s = es ?? lowest[1] - missingZipfOffset
            let odds = Int8(max(-127, min(127, ((e - s) * Double(SpanTable.oddsPerLog10)).rounded())))
            let (index, fingerprint) = SpanTable.bucketForBuilding(ofKey: keys[0], shift: shift)
            let frequency = max(e, s)
            if frequency > owner[index] {
                owner[index] = frequency
                buckets[index] = UInt16(UInt8(bitPattern: odds)) | UInt16(fingerprint) << 8
            }
        }
        return buckets
    }

    /// The table's bytes and a report of the search.
    package static func build(corpus: TrainingCorpus, model: LanguageModel = .embedded, log: (String) -> Void = { _ in }) throws -> [UInt8] {
        let buckets = wordBuckets(corpus)
        let provisional = try SpanTable(bytes: SpanTable.encode(bucketBits: bucketBits, parameters: start, buckets: buckets))
        let detector = LanguageSpanDetector(classifier: LanguageClassifier(model: model), table: provisional)
        let texts = SyntheticMixing(corpus: corpus).texts(count: syntheticTexts, seed: seed)
        let prepared = SpanEvaluation.prepare(texts, detector: detector)
        let fitted = fit(prepared, log: log)
        return SpanTable.encode(bucketBits: bucketBits, parameters: fitted, buckets: buckets)
    }

    /// Coordinate search over `grids` (three rounds), then the confidence scale with the least
    /// log-loss of span confidence against token correctness.
    package static func fit(_ prepared: [PreparedText], from initial: SpanParameters = start, rounds: Int = 3, log: (String) -> Void = { _ in }) -> SpanParameters {
        var values = initial.values
        var best = SpanEvaluation.score(prepared, SpanParameters(values)).objective
        for round in 0..<rounds {
            var changed = false
            for (k, grid) in grids.enumerated() {
                for candidate in grid where candidate != values[k] {
                    var trial = values
                    trial[k] = candidate
                    let objective = SpanEvaluation.score(prepared, SpanParameters(trial)).objective
                    if objective > best {
                        best = objective
                        values = trial
                        changed = true
                    }
                }
            }
            log("round \(round + 1): \(values.map { "\($0)" }.joined(separator: " ")) -> \(SpanEvaluation.score(prepared, SpanParameters(values)))")
            if !changed { break }
        }
        var parameters = SpanParameters(values)
        parameters.confidenceScale = SpanEvaluation.bestConfidenceScale(prepared, parameters, candidates: confidenceScales)
        return parameters
    }
}

