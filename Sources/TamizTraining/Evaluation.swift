#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TamizClassifying
import TamizBytes

/// An evaluation set or word list that cannot be read (`EvaluationTests` checks a missing file).
package struct EvaluationError: Error, CustomStringConvertible, Sendable {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// One labelled unit of an evaluation set.
package struct EvaluationItem: Sendable, Equatable {
    /// The right answer (`.undetermined` for another language or no language).
    package var truth: Language
    package var text: [UInt8]

    package init(truth: Language, text: [UInt8]) {
        self.truth = truth
        self.text = text
    }
}

/// Builds evaluation sets and scores a classifier on them (the logic behind `tamiz eval`).
///
/// Input files are either `lang<TAB>text` lines (`en`, `es`, `und`, or any other code, which
/// expects `und`), or one sentence a line in a file whose name says the language:
/// `en.dev.txt` / `es.*` → `en` / `es`, any other `xx.*` (e.g. `other/fr.dev.txt`) → `und`.
///
/// Derived sets, built deterministically from sentence items (`Derivation`). A *word* here is a
/// whitespace token that, after trimming ASCII punctuation, is only letters and starts lower
/// case (capitalised tokens are mostly names, which carry no language: `Boston`, `Warner` in
/// the Spanish dev file). `words` keeps the first occurrence of every word of 3+ letters;
/// `pairs` takes each sentence's tokens two at a time (1st+2nd, 3rd+4th, …) where both are
/// words, first occurrence only; `allWords` is `words` with capitalised tokens too;
/// `accentsStripped` replaces á é í ó ú ü ñ with a e i o u u n; `accentsDeleted` deletes every
/// non-ASCII character (`educación` → `educacin`, see `deleteAccents`).
package enum Evaluation {
    /// Which set to build from sentence items (see the type's documentation).
    package enum Derivation: String, Sendable, CaseIterable {
        case sentences, words, pairs, allWords = "allwords", accentsStripped = "stripped"
        case accentsDeleted = "deleted"
    }

    /// The items of one file: `lang<TAB>text` lines if every non-empty line has a tab and a
    /// 2–3 letter code before it, else one sentence per line labelled by the file name.
    package static func items(fileName: String, contents: [UInt8]) -> [EvaluationItem] {
        let lines = contents.split(separator: 0x0A, omittingEmptySubsequences: true).map { line in
            line.last == 0x0D ? Array(line.dropLast()) : Array(line)
        }
        let tabbed = !lines.isEmpty && lines.allSatisfy { line in
            guard let tab = line.firstIndex(of: 0x09) else { return false }
            return (2...3).contains(tab) && line[..<tab].allSatisfy { (0x61...0x7A).contains($0) }
        }
        if tabbed {
            return lines.map { line in
                let tab = line.firstIndex(of: 0x09)!
                return EvaluationItem(truth: language(code: String(decoding: line[..<tab], as: UTF8.self)),
                                      text: Array(line[(tab + 1)...]))
            }
        }
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let code = base.split(separator: ".").first.map(String.init) ?? base
        let truth = language(code: code)
        return lines.map { EvaluationItem(truth: truth, text: $0) }
    }

    /// Reads `path` (see `items(fileName:contents:)`); throws `EvaluationError` if it cannot.
    package static func items(path: String) throws(EvaluationError) -> [EvaluationItem] {
        switch readWholeFile(path) {
        case .success(let bytes): items(fileName: path, contents: bytes)
        case .failure(let failure): throw EvaluationError(failure.description)
        }
    }

    /// `en` → English, `es` → Spanish, anything else → undetermined.
    package static func language(code: String) -> Language {
        switch code {
        case "en": .english
        case "es": .spanish
        default: .undetermined
        }
    }

    /// Derives a set from sentence items (see the type's documentation).
    package static func derive(_ items: [EvaluationItem], as derivation: Derivation) -> [EvaluationItem] {
        switch derivation {
        case .sentences:
            return items
        case .accentsStripped:
            return items.map { EvaluationItem(truth: $0.truth, text: stripAccents($0.text)) }
        case .accentsDeleted:
            return items.map { EvaluationItem(truth: $0.truth, text: deleteAccents($0.text)) }
        case .words, .pairs, .allWords:
            var seen = Set<[UInt8]>()
            var out: [EvaluationItem] = []
            for item in items {
                let words = letterWords(item.text)
                if derivation != .pairs {
                    for w in words.compactMap({ $0 }) where letterCount(w) >= 3
                        && (derivation == .allWords || !startsUpperCase(w)) && seen.insert(lowercased(w)).inserted {
                        out.append(EvaluationItem(truth: item.truth, text: w))
                    }
                } else {
                    for k in stride(from: 0, to: words.count - 1, by: 2) {
                        guard let first = words[k], let second = words[k + 1],
                              !startsUpperCase(first), !startsUpperCase(second) else { continue }
                        let pair = first + [0x20] + second
                        if seen.insert(lowercased(pair)).inserted {
                            out.append(EvaluationItem(truth: item.truth, text: pair))
                        }
                    }
                }
            }
            return out
        }
    }

    /// Each whitespace token: the token if it is only letters once ASCII punctuation is trimmed
    /// from both ends, else nil.
    static func letterWords(_ text: [UInt8]) -> [[UInt8]?] {
        text.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { token in
            let word = trimInvertedMarks(trimPunctuation(Array(token)))
            guard !word.isEmpty else { return nil }
            // Letters only: ASCII letters or multi-byte UTF-8 (Latin letters with accents).
            for b in word where b < 0x80 && !(b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) { return nil }
            return word
        }
    }

    /// Drops `¿ ¡ « »` (and ASCII punctuation next to them) from both ends.
    static func trimInvertedMarks(_ word: [UInt8]) -> [UInt8] {
        func isMark(_ a: UInt8, _ b: UInt8) -> Bool { a == 0xC2 && (b == 0xBF || b == 0xA1 || b == 0xAB || b == 0xBB) }
        var w = word
        var changed = true
        while changed {
            changed = false
            if w.count >= 2, isMark(w[0], w[1]) { w.removeFirst(2); changed = true }
            if w.count >= 2, isMark(w[w.count - 2], w[w.count - 1]) { w.removeLast(2); changed = true }
            if changed { w = trimPunctuation(w) }
        }
        return w
    }

    /// ASCII `A`–`Z` or a Latin-1 capital (`Á`, `Ñ`, …) first.
    static func startsUpperCase(_ word: [UInt8]) -> Bool {
        guard let b = word.first else { return false }
        if b >= 0x41 && b <= 0x5A { return true }
        return b == 0xC3 && word.count > 1 && word[1] >= 0x80 && word[1] <= 0x9E
    }

    static func letterCount(_ word: [UInt8]) -> Int { word.filter { $0 < 0x80 || $0 >= 0xC0 }.count }

    static func lowercased(_ word: [UInt8]) -> [UInt8] {
        String(decoding: word, as: UTF8.self).lowercased().utf8.map { $0 }
    }

    /// Length bucket of a unit by whitespace-separated tokens: 1, 2, 3–5, 6–15, >15.
    package static let bucketNames = ["1 word", "2 words", "3-5", "6-15", ">15"]

    static func bucket(_ text: [UInt8]) -> Int {
        let n = text.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).count
        return n <= 1 ? 0 : n == 2 ? 1 : n <= 5 ? 2 : n <= 15 ? 3 : 4
    }

    /// Classifies every item and measures throughput (best of `timingRuns` passes over all items;
    /// 0: no timing, `seconds` stays 0).
    /// With `evidence`, every `und` answer is also sorted by whether the unit has language
    /// evidence by that model-independent rule (`EvaluationReport.undWithoutEvidence`).
    package static func run(_ items: [EvaluationItem], classifier: LanguageClassifier, timingRuns: Int = 3,
                           evidence: LanguageEvidence? = nil) -> EvaluationReport {
        var report = EvaluationReport()
        report.evidenceRuleApplied = evidence != nil
        for item in items {
            let (guess, forced) = item.text.withUnsafeBufferPointer { buffer in
                let guess = classifier.classify(buffer)
                let p = classifier.probabilities(buffer)
                return (guess, p.english >= p.spanish ? Language.english : .spanish)
            }
            report.add(truth: item.truth, guess: guess, forced: forced, bucket: bucket(item.text))
            if let evidence {
                let absence = evidence.absence(item.text)
                if guess.language == .undetermined, let absence {
                    report.undWithoutEvidence[Language.allCases.firstIndex(of: item.truth)!][absence.rawValue] += 1
                }
                if absence == nil || item.truth == .undetermined {
                    EvaluationReport.addCalibration(&report.evidenceCalibrationBins, guess: guess, right: guess.language == item.truth)
                }
            }
        }
        // Throughput over the same bytes laid out contiguously, as the filter sees them.
        var buffer: [UInt8] = []
        var ranges: [Range<Int>] = []
        for item in items {
            ranges.append(buffer.count..<(buffer.count + item.text.count))
            buffer += item.text
        }
        report.bytes = buffer.count
        var best = timingRuns > 0 ? Double.infinity : 0
        var sink = 0
        for _ in 0..<max(0, timingRuns) {
            let start = monotonicSeconds()
            buffer.withUnsafeBufferPointer { all in
                for r in ranges { sink &+= classifier.classify(UnsafeBufferPointer(rebasing: all[r])).language == .english ? 1 : 0 }
            }
            best = min(best, monotonicSeconds() - start)
        }
        report.seconds = best
        report.checksum = sink
        return report
    }
}

/// What `Evaluation.run` measured: counts by true and given label, per length bucket, the
/// forced-choice (English vs Spanish only) accuracy, calibration and throughput.
package struct EvaluationReport: Sendable {
    /// `confusion[truth][guess]`, indices in `Language.allCases` order (en, es, und).
    package var confusion = [[Int]](repeating: [0, 0, 0], count: 3)
    /// `buckets[truth][bucket] = (right, total)`.
    package var buckets = [[(right: Int, total: Int)]](repeating: Array(repeating: (0, 0), count: 5), count: 3)
    /// English and Spanish items whose larger of P(en), P(es) is the truth.
    package var forcedRight = [0, 0, 0]
    /// Ten equal-width confidence bins: (items, summed confidence, right answers).
    package var calibrationBins = Array(repeating: (count: 0, confidence: 0.0, right: 0), count: 10)
    package var bytes = 0
    package var seconds = 0.0
    var checksum = 0
    /// `undWithoutEvidence[truth][absence]`: `und` answers on units with no language evidence by
    /// the `LanguageEvidence` rule, by `LanguageEvidence.Absence` (only if a rule was given).
    package var undWithoutEvidence = [[Int]](repeating: [0, 0, 0], count: 3)
    package var evidenceRuleApplied = false
    /// Calibration bins without the English and Spanish units that have no language evidence
    /// (URLs, bare names: their honest answer `und` counts as wrong in `calibrationBins`).
    package var evidenceCalibrationBins = Array(repeating: (count: 0, confidence: 0.0, right: 0), count: 10)

    package init() {}

    mutating func add(truth: Language, guess: LanguageGuess, forced: Language, bucket: Int) {
        let t = Language.allCases.firstIndex(of: truth)!
        let g = Language.allCases.firstIndex(of: guess.language)!
        confusion[t][g] += 1
        buckets[t][bucket].total += 1
        if t == g { buckets[t][bucket].right += 1 }
        if forced == truth { forcedRight[t] += 1 }
        Self.addCalibration(&calibrationBins, guess: guess, right: t == g)
    }

    package var total: Int { confusion.reduce(0) { $0 + $1.reduce(0, +) } }

    static func addCalibration(_ bins: inout [(count: Int, confidence: Double, right: Int)], guess: LanguageGuess, right: Bool) {
        let bin = min(9, max(0, Int(guess.confidence * 10)))
        bins[bin].count += 1
        bins[bin].confidence += Double(guess.confidence)
        if right { bins[bin].right += 1 }
    }

    static func expectedCalibrationError(_ bins: [(count: Int, confidence: Double, right: Int)]) -> Double {
        let n = bins.reduce(0) { $0 + $1.count }
        guard n > 0 else { return 0 }
        return bins.reduce(0.0) { $0 + abs($1.confidence - Double($1.right)) } / Double(n)
    }

    /// Expected calibration error over ten confidence bins.
    package var expectedCalibrationError: Double { Self.expectedCalibrationError(calibrationBins) }

    /// The same without English and Spanish units that have no language evidence (see
    /// `evidenceCalibrationBins`; 0 without an evidence rule).
    package var expectedCalibrationErrorWithEvidence: Double { Self.expectedCalibrationError(evidenceCalibrationBins) }

    /// Share of `truth` items labelled `truth`.
    package func accuracy(_ truth: Language) -> Double {
        let t = Language.allCases.firstIndex(of: truth)!
        let n = confusion[t].reduce(0, +)
        return n == 0 ? 0 : Double(confusion[t][t]) / Double(n)
    }

    /// Share of English items labelled Spanish, or the reverse.
    package func wrongLanguageRate(_ truth: Language) -> Double {
        guard truth != .undetermined else { return 0 }
        let t = Language.allCases.firstIndex(of: truth)!
        let n = confusion[t].reduce(0, +)
        return n == 0 ? 0 : Double(confusion[t][1 - t]) / Double(n)
    }

    /// Share of English (or Spanish) items whose forced English/Spanish choice is right.
    package func forcedAccuracy(_ truth: Language) -> Double {
        let t = Language.allCases.firstIndex(of: truth)!
        let n = confusion[t].reduce(0, +)
        return n == 0 ? 0 : Double(forcedRight[t]) / Double(n)
    }

    package var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }

    /// The table `tamiz eval` prints.
    package func formatted(title: String) -> String {
        func pct(_ x: Double) -> String { fixed(x * 100, 2) + "%" }
        var lines = ["== \(title): \(total) items, \(bytes) bytes"]
        lines.append("truth  items   right   wrong-lang  und      forced-en/es  " + Evaluation.bucketNames.map { pad($0, 8) }.joined(separator: " "))
        for (t, language) in Language.allCases.enumerated() {
            let n = confusion[t].reduce(0, +)
            guard n > 0 else { continue }
            let und = Double(confusion[t][2]) / Double(n)
            var row = pad(language.rawValue, 6) + " " + pad(String(n), 7) + " " + pad(pct(accuracy(language)), 7)
            if language == .undetermined {
                row += "  " + pad("-", 10) + "  " + pad("-", 7) + "  " + pad("-", 12)
            } else {
                row += "  " + pad(pct(wrongLanguageRate(language)), 10) + "  " + pad(pct(und), 7) + "  " + pad(pct(forcedAccuracy(language)), 12)
            }
            for b in buckets[t] {
                row += " " + pad(b.total == 0 ? "-" : pct(Double(b.right) / Double(b.total)) + "", 8)
            }
            lines.append(row)
        }
        lines.append("bucket sizes: " + Language.allCases.enumerated().compactMap { t, l in
            confusion[t].reduce(0, +) == 0 ? nil : l.rawValue + " " + buckets[t].map { String($0.total) }.joined(separator: "/")
        }.joined(separator: ", "))
        if evidenceRuleApplied {
            // Which `und` answers are debatable: those on units that do carry language evidence.
            for (t, language) in Language.allCases.enumerated() where t < 2 {
                let n = confusion[t].reduce(0, +), und = confusion[t][2]
                guard n > 0 else { continue }
                let none = undWithoutEvidence[t].reduce(0, +)
                let reasons = LanguageEvidence.Absence.allCases.map { "\($0.name) \(undWithoutEvidence[t][$0.rawValue])" }
                lines.append("\(language.rawValue) und: \(und) = \(none) without language evidence (\(reasons.joined(separator: ", "))) + "
                             + "\(und - none) with evidence (\(pct(Double(und - none) / Double(n))) of \(language.rawValue))")
            }
        }
        lines.append("confusion (rows truth, columns answer):   en      es     und")
        for (t, language) in Language.allCases.enumerated() where confusion[t].reduce(0, +) > 0 {
            lines.append("  " + pad(language.rawValue, 38) + confusion[t].map { pad(String($0), 7) }.joined(separator: " "))
        }
        lines.append("calibration: ECE \(fixed(expectedCalibrationError, 4)) (10 bins; bin: items, mean confidence, accuracy)")
        lines.append("  " + calibrationBins.enumerated().compactMap { k, b in
            b.count == 0 ? nil : "[\(fixed(Double(k) / 10, 1))) \(b.count) \(fixed(b.confidence / Double(b.count), 3)) \(fixed(Double(b.right) / Double(b.count), 3))"
        }.joined(separator: "; "))
        if evidenceRuleApplied {
            let n = evidenceCalibrationBins.reduce(0) { $0 + $1.count }
            lines.append("calibration without en/es units that have no language evidence (\(n) items): ECE \(fixed(expectedCalibrationErrorWithEvidence, 4))")
        }
        lines.append("throughput: \(fixed(megabytesPerSecond, 1)) MB/s (classify only, one thread, best of 3)")
        return lines.joined(separator: "\n")
    }
}

func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
}

func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return "\(x)" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let r = Int64((abs(x) * scale).rounded())
    let whole = r / Int64(scale), frac = r % Int64(scale)
    var f = String(frac)
    while f.count < digits { f = "0" + f }
    return (x < 0 && r != 0 ? "-" : "") + String(whole) + (digits > 0 ? "." + f : "")
}
