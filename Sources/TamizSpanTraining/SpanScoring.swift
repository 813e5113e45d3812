import Foundation
import TamizClassifying

/// A text scanned once (`LanguageSpanDetector.tokens`) next to its gold labels, so that
/// parameters can be tried without rescanning.
package struct PreparedText: Sendable {
    package var tokens: [SpanToken]
    /// Per gold token: the scanned token starting where it starts (-1: none), and its gold label.
    package var gold: [(token: Int, language: Language?)]
}

/// Token accuracy on English and Spanish tokens, mixed texts found mixed, switch points:
/// the measures of `../shared/corpus/codeswitch/score.py`, computed the same way (a token takes
/// the language of the span covering its start).
package struct SpanScore: Sendable, CustomStringConvertible {
    package var right: [Language: Int] = [:]
    package var total: [Language: Int] = [:]
    package var mixed = 0, mixedFound = 0
    package var switchTP = 0, switchFP = 0, switchFN = 0
    package var texts = 0

    package init() {}

    package var accuracy: Double { Double(right.values.reduce(0, +)) / Double(max(1, total.values.reduce(0, +))) }
    package func accuracy(_ l: Language) -> Double { Double(right[l] ?? 0) / Double(max(1, total[l] ?? 0)) }
    package var mixedShare: Double { Double(mixedFound) / Double(max(1, mixed)) }
    package var precision: Double { Double(switchTP) / Double(max(1, switchTP + switchFP)) }
    package var recall: Double { Double(switchTP) / Double(max(1, switchTP + switchFN)) }
    package var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    /// What the parameter search maximises.
    package var objective: Double { accuracy + f1 + 0.5 * mixedShare }

    package var description: String {
        func p(_ x: Double) -> String { String(Int((x * 10000).rounded())).withDecimal(2) }
        func f(_ x: Double) -> String { String(Int((x * 1000).rounded())).withDecimal(3) }
        return "tokens \(total.values.reduce(0, +)) in \(texts) texts: accuracy \(p(accuracy))% (en \(p(accuracy(.english))), es \(p(accuracy(.spanish)))); "
            + "mixed found \(p(mixedShare))%; switch points P \(f(precision)) R \(f(recall)) F1 \(f(f1))"
    }

    /// Adds one text: `predicted` per gold token, `gold` its labels (nil: not scored).
    mutating func add(predicted: [Language], gold: [Language?]) {
        texts += 1
        var sequence: [(Language, Language)] = []
        for (p, g) in zip(predicted, gold) {
            guard let g, g != .undetermined else { continue }
            total[g, default: 0] += 1
            if p == g { right[g, default: 0] += 1 }
            sequence.append((g, p))
        }
        let goldLanguages = Set(sequence.map(\.0))
        let predictedLanguages = Set(sequence.map(\.1).filter { $0 != .undetermined })
        if goldLanguages.count == 2 {
            mixed += 1
            if predictedLanguages.count == 2 { mixedFound += 1 }
        }
        for (a, b) in zip(sequence, sequence.dropFirst()) {
            let goldSwitch = a.0 != b.0
            let predictedSwitch = a.1 != .undetermined && b.1 != .undetermined && a.1 != b.1
            if goldSwitch && predictedSwitch { switchTP += 1 }
            if predictedSwitch && !goldSwitch { switchFP += 1 }
            if goldSwitch && !predictedSwitch { switchFN += 1 }
        }
    }
}

extension String {
    func withDecimal(_ places: Int) -> String {
        var s = self
        while s.count <= places { s = "0" + s }
        s.insert(".", at: s.index(s.endIndex, offsetBy: -places))
        return s
    }
}

package enum SpanEvaluation {
    /// Scans every text once.
    package static func prepare(_ texts: [LabelledText], detector: LanguageSpanDetector) -> [PreparedText] {
        texts.map { text in
            var line = text.line
            let tokens = line.withUTF8 { detector.tokens($0) }
            var gold: [(Int, Language?)] = []
            var offset = 0, k = 0
            for (word, language) in text.tokens {
                while k < tokens.count && tokens[k].start < offset { k += 1 }
                gold.append((k < tokens.count && tokens[k].start == offset ? k : -1, language))
                offset += word.utf8.count + 1
            }
            return PreparedText(tokens: tokens, gold: gold)
        }
    }

    /// Per scanned token, the language of the span covering it (tokens without evidence join
    /// the span around them, or are `und` between two languages), as `LanguageSpanDetector` spans say.
    package static func spanLanguages(_ tokens: [SpanToken], _ q: SpanParameters, _ scratch: inout SpanScratch) -> [Language] {
        var labels = LanguageSpanDetector.labels(tokens, q, scratch: &scratch).map(\.0)
        var previous: Language? = nil
        var k = 0
        while k < labels.count {
            if labels[k] != .undetermined { previous = labels[k]; k += 1; continue }
            var j = k
            while j < labels.count && labels[j] == .undetermined { j += 1 }
            let next: Language? = j < labels.count ? labels[j] : nil
            let fill: Language = switch (previous, next) {
            case let (p?, n?): p == n ? p : .undetermined
            case let (p?, nil): p
            case let (nil, n?): n
            case (nil, nil): .undetermined
            }
            for m in k..<j { labels[m] = fill }
            k = j
        }
        return labels
    }

    package static func score(_ prepared: [PreparedText], _ q: SpanParameters) -> SpanScore {
        var score = SpanScore()
        var scratch = SpanScratch()
        for text in prepared {
            let labels = spanLanguages(text.tokens, q, &scratch)
            score.add(predicted: text.gold.map { $0.token >= 0 ? labels[$0.token] : .undetermined }, gold: text.gold.map(\.language))
        }
        return score
    }

    /// Reads a CoNLL file of `token<TAB>label` lines, `# ...` comments and blank lines between
    /// texts (the LinCE format of `../shared/corpus/codeswitch`); `lang1` is English, `lang2` Spanish.
    package static func readCoNLL(_ path: String) throws -> [LabelledText] {
        var texts: [LabelledText] = []
        var current: [(text: String, language: Language?)] = []
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# sent_enum") || line.trimmingWhitespace.isEmpty {
                if !current.isEmpty { texts.append(LabelledText(tokens: current)); current = [] }
                continue
            }
            var parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            if parts.count != 2 { parts = line.split(separator: " ") }
            guard let label = parts.last, parts.count >= 2 else { continue }
            let word = parts.dropLast().joined(separator: " ")
            current.append((word, label == "lang1" ? .english : label == "lang2" ? .spanish : nil))
        }
        if !current.isEmpty { texts.append(LabelledText(tokens: current)) }
        return texts
    }
}

extension Substring {
    var trimmingWhitespace: Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}


extension SpanEvaluation {
    /// The confidence scale among `candidates` whose span confidences have the least log-loss
    /// against whether each scored token's language is right.
    package static func bestConfidenceScale(_ prepared: [PreparedText], _ q: SpanParameters, candidates: [Float]) -> Float {
        // (|summed evidence| of the token's span, right) per scored token.
        var samples: [(Float, Bool)] = []
        var scratch = SpanScratch()
        for text in prepared {
            let labelled = LanguageSpanDetector.labels(text.tokens, q, scratch: &scratch)
            var spanSum = [Float](repeating: 0, count: labelled.count)
            let evidence = labelled.indices.filter { labelled[$0].1 != nil }
            var k = 0
            while k < evidence.count {
                var j = k, sum: Float = 0
                let language = labelled[evidence[k]].0
                while j < evidence.count && labelled[evidence[j]].0 == language { sum += labelled[evidence[j]].1!; j += 1 }
                for m in k..<j { spanSum[evidence[m]] = abs(sum) }
                k = j
            }
            for (token, language) in text.gold where token >= 0 && language != nil && labelled[token].0 != .undetermined {
                samples.append((spanSum[token], labelled[token].0 == language))
            }
        }
        var best = candidates[0], bestLoss = Double.infinity
        for scale in candidates {
            var loss = 0.0
            for (sum, right) in samples {
                let p = min(max(1 / (1 + exp(-Double(scale * sum))), 1e-6), 1 - 1e-6)
                loss -= right ? log(p) : log(1 - p)
            }
            if loss < bestLoss { (best, bestLoss) = (scale, loss) }
        }
        return best
    }
}
