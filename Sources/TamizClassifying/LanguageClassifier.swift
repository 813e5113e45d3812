/// Labels UTF-8 text `en`, `es` or `und`. Allocation-free; safe to use from many threads.
///
/// Any bytes are accepted (invalid UTF-8, NUL, binary junk, empty input): they never crash,
/// they just carry no letters. Text with no Latin letters outside URLs and similar tokens,
/// mostly letters of another script, or whose best class is another language (French,
/// Portuguese, Italian, Catalan, Galician, German/Dutch) is `und`; so is code-like text (two or
/// more of `; = < > [ ] { }` or `()`, at least one per five letters), and an English or Spanish
/// answer whose confidence is below `minimumConfidence` (below 0.8 when no word starts lower-case:
/// see `capitalisedOnlyMinimumConfidence`).
public struct LanguageClassifier: Sendable {
    public let model: LanguageModel
    /// English or Spanish answers below this confidence become `und`.
    public let minimumConfidence: Float

    /// Stop reading a long text once the answer is decided (see `LanguageModel.scoreInPlace`).
    @usableFromInline let earlyExit: Bool

    public init(model: LanguageModel = .embedded, minimumConfidence: Float = 0.5) {
        self.init(model: model, minimumConfidence: minimumConfidence, earlyExit: true)
    }

    init(model: LanguageModel, minimumConfidence: Float, earlyExit: Bool) {
        self.model = model
        self.minimumConfidence = minimumConfidence
        self.earlyExit = earlyExit
    }

    /// Classifies raw UTF-8 bytes (the hot loop).
    @inlinable
    public func classify(_ utf8: UnsafeBufferPointer<UInt8>) -> LanguageGuess {
        let (scores, evidence) = withExtendedLifetime(model.storage) { model.scoreInPlace(utf8, earlyExit: earlyExit) }
        let guess = decide(scores: scores, evidence: evidence)
        // A merely likely answer for a text with no lower-case word (names, initials, one
        // all-caps word) is `und`. Checked here, after scoring, and only for such answers
        // (a few per cent of short items): counting in the hot loop cost 15 % of its speed; this
        // costs about 3 % on the sentence bench's best sample (p0 316 → 305 MB/s, medians within
        // noise), the scan kept out of line.
        if guess.language != .undetermined, guess.confidence < Self.capitalisedOnlyMinimumConfidence,
           !Self.hasLowerCaseWord(utf8) {
            return LanguageGuess(language: .undetermined, confidence: 1 - guess.confidence)
        }
        return guess
    }

    /// True when a word outside junk tokens (URLs, addresses: see `FeatureExtractor`) starts with
    /// a lower-case letter: ASCII `a`...`z`, or a Latin-1 one (`á`, `ñ`, `ü`: `C3 9F`...`C3 BF`).
    /// A word starts after a byte that is not an ASCII letter, not part of a multi-byte character,
    /// not an apostrophe and not a full stop (so `señor` is one word, and `Macy's` and a file
    /// name such as `API.pdf` have no lower-case word).
    @usableFromInline @inline(never)
    static func hasLowerCaseWord(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false, junk = false
        var previous: UInt8 = 0x20
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b == 0x20 || (b &- 9) < 5 {
                if found && !junk { return true }
                found = false
                junk = false
            } else if (previous | 0x20) &- 0x61 >= 26, previous < 0x80, previous != 0x27, previous != 0x2E {
                if b < 0x80 {
                    if (b < 64 ? (FeatureExtractor.junkLow &>> UInt64(b)) : (FeatureExtractor.junkHigh &>> UInt64(b &- 64))) & 1 != 0 {
                        junk = true
                    } else if b &- 0x61 < 26 {
                        found = true
                    }
                } else if b == 0xC3, i + 1 < n, utf8[i + 1] >= 0x9F, utf8[i + 1] != 0xB7 {
                    found = true
                }
            } else if b < 0x80, (b < 64 ? (FeatureExtractor.junkLow &>> UInt64(b)) : (FeatureExtractor.junkHigh &>> UInt64(b &- 64))) & 1 != 0 {
                junk = true
            }
            previous = b
            i += 1
        }
        return found && !junk
    }

    public func classify(_ text: String) -> LanguageGuess {
        var text = text
        return text.withUTF8 { classify($0) }
    }

    /// Classifies any collection of UTF-8 bytes (copies it only if it is not contiguous).
    public func classify(_ bytes: some Collection<UInt8>) -> LanguageGuess {
        if let guess = bytes.withContiguousStorageIfAvailable({ classify($0) }) { return guess }
        return Array(bytes).withUnsafeBufferPointer { classify($0) }
    }

    /// The per-language probabilities behind a guess: P(en), P(es), and P(other language).
    public func probabilities(_ utf8: UnsafeBufferPointer<UInt8>) -> (english: Float, spanish: Float, other: Float) {
        let (scores, evidence) = model.score(utf8)
        let p = model.softmax(scores, letters: evidence.letters)
        return (p.english, p.spanish, 1 - p.english - p.spanish)
    }

    /// The confidence an English or Spanish answer needs when no word of the text starts with an
    /// ASCII lower-case letter (`hasLowerCaseWord` is false): bare names, initials, one
    /// all-caps word. Nearly all English dev lines labelled Spanish were such items (`Sean`,
    /// `Priscilla,`, `MIRAMAR`, `V K Choudhry`) at confidence 0.6–0.85, and so were most Dutch
    /// lines labelled English or Spanish (`Bart De Wever`, `Kiesdrempel`). Measured on the dev sets
    /// (0.5 → 0.8 → 0.9): en wrong-language 0.75 → 0.32 → 0.27 %, en und 2.51 → 4.70 → 5.92 %
    /// (with a word after `.` not counting, 0.8 gives 0.27 % and 4.75 %),
    /// es 99.77 → 99.64 → 99.54 % right, nl und 93.7 → 96.4 → 97.3 %. 0.8 takes most of the
    /// gain for about half the English `und` cost; a title-case headline with strong evidence
    /// (`The Alaskan Knight`, 0.98) and all-caps headlines of several words keep their language.
    @inlinable static var capitalisedOnlyMinimumConfidence: Float { 0.8 }

    @inlinable
    func decide(scores: SIMD8<Int32>, evidence: TextEvidence) -> LanguageGuess {
        if evidence.letters < max(model.minimumLetters, 1) || evidence.foreignLetters > evidence.letters {
            return LanguageGuess(language: .undetermined, confidence: 1)
        }
        // Code-like text (`x = f(y);`, `main() {`): at least 2 code marks and one per 5 letters.
        if evidence.codeMarks >= 2 && evidence.codeMarks &* 5 >= evidence.letters {
            return LanguageGuess(language: .undetermined, confidence: 1)
        }
        let p = model.softmax(scores, letters: evidence.letters)
        // The best class decides; a weak English or Spanish winner becomes `und`, and so does a
        // merely likely one when no word starts lower-case (names, initials, one all-caps word).
        let top = maximumLane(scores)
        if scores[model.englishClass] == top, p.english >= minimumConfidence {
            return LanguageGuess(language: .english, confidence: p.english)
        }
        if scores[model.spanishClass] == top, p.spanish >= minimumConfidence {
            return LanguageGuess(language: .spanish, confidence: p.spanish)
        }
        return LanguageGuess(language: .undetermined, confidence: min(1, max(0, 1 - max(p.english, p.spanish))))
    }
}
