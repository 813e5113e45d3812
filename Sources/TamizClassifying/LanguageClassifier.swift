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

extension LanguageModel {
    /// Raw class scores (bias + summed weights) and the evidence counts for `utf8`.
    @inlinable
    func score(_ utf8: UnsafeBufferPointer<UInt8>) -> (SIMD8<Int32>, TextEvidence) {
        withExtendedLifetime(storage) { scoreInPlace(utf8, earlyExit: false) }
    }

    /// The hot loop: the same features as `FeatureExtractor.extract` (a test checks that they sum
    /// to the same scores), written out as one loop with local state; through the generic sink
    /// the compiler kept the accumulators in memory and copied them between paths.
    ///
    /// The weights (Int8 in the file, read from the model's Int16 copy so that a row is one
    /// `paddw`: +5 % on the dev bench for 2 MB more memory) are summed in Int16 lanes and
    /// widened into Int32 at least every 256 features (256 · 127 < Int16.max). The Int32 sums are kept as even and odd classes in two SIMD4
    /// halves: the Int16 lanes seen as four Int32 words widen with two shifts (pslld/psrad on
    /// SSE2), where the generic SIMD8 conversion was an out-of-line call. A junk token (URL,
    /// address) is undone by restoring a copy of the sums taken at the previous token end.
    ///
    /// With `earlyExit`, a text of 40+ letters stops at a token end (checked every 20 letters)
    /// once the best class leads every other by 13.8 temperatures (e^13.8 ≈ 10^6): its
    /// probability is then above 0.99999, so what it reports is what it read. Measured on the dev
    /// sets: 2 answers of 16,565 change (a French sentence ending in a list of Italian place
    /// names, a Dutch one ending in an English name), mean confidence moves < 0.0001; classify
    /// instructions on the dev bench −21 % at the first setting (64 letters, every 32), MB/s +7 %
    /// more at this one.
    @inlinable @inline(__always)
    func scoreInPlace(_ text: UnsafeBufferPointer<UInt8>, earlyExit: Bool) -> (SIMD8<Int32>, TextEvidence) {
        var evidence = TextEvidence()
        guard let p = text.baseAddress, text.count > 0 else { return (bias, evidence) }
        let n = text.count
        let t = wideTable
        let shift = extractor.shift, mask = extractor.mask
        let wordFeatures = extractor.wordFeatures
        let m = FeatureExtractor.multiplier
        let salt = FeatureExtractor.wordSalt
        var lanes = SIMD8<Int16>(repeating: 0)
        var even = SIMD4<Int32>(repeating: 0), odd = SIMD4<Int32>(repeating: 0)
        var savedLanes = lanes, savedEven = even, savedOdd = odd
        var reg = FeatureExtractor.allSpaces
        var wordLength = 0
        var tokenLetters = 0
        var junk = false
        var tokenStart = 0
        var pending = 0
        var nextCheck = earlyExit ? 40 : Int.max
        var i = 0

        @inline(__always) func flush() {
            let words = unsafeBitCast(lanes, to: SIMD4<Int32>.self)
            even &+= (words &<< 16) &>> 16
            odd &+= words &>> 16
            lanes = SIMD8<Int16>(repeating: 0)
            pending = 0
        }
        @inline(__always) func push(_ symbol: UInt64) {
            reg = (reg &<< 8) | symbol
            lanes &+= t[Int(truncatingIfNeeded: ((reg & mask) &* m) &>> shift)]
        }
        @inline(__always) func endWord() {
            if wordFeatures {
                let key = wordLength < 8 ? (reg & (UInt64.max &>> UInt64(64 &- 8 &* wordLength))) | (UInt64(wordLength) &<< 56) : reg
                lanes &+= t[Int(truncatingIfNeeded: ((key ^ salt) &* m) &>> shift)]
            }
            tokenLetters &+= wordLength
            wordLength = 0
        }
        /// Ends a token; true when the answer is already decided.
        @inline(__always) func endToken() -> Bool {
            if junk {
                // The copy's lanes may hold up to 256 features: flush before adding more.
                (lanes, even, odd) = (savedLanes, savedEven, savedOdd)
                flush()
                junk = false
            } else {
                (savedLanes, savedEven, savedOdd) = (lanes, even, odd)
                evidence.letters &+= tokenLetters
            }
            tokenLetters = 0
            if evidence.letters >= nextCheck {
                nextCheck = evidence.letters &+ 20
                flush()
                (savedLanes, savedEven, savedOdd) = (lanes, even, odd)
                return isDecided(interleave(even, odd) &+ bias, letters: evidence.letters)
            }
            return false
        }

        scan: while i < n {
            var b = p[i]
            if (b | 0x20) &- 0x61 < 26 {
                if pending > 128 { flush() }
                // A run of at most 64 ASCII letters: one lookup per byte, nothing else. (Taking
                // eight bytes at a time with a SWAR letter test measured no faster.)
                let start = i
                let end = min(n, i &+ 64)
                repeat {
                    push(UInt64(b | 0x20))
                    i &+= 1
                    if i == end { break }
                    b = p[i]
                } while (b | 0x20) &- 0x61 < 26
                pending &+= i &- start
                wordLength &+= i &- start
                // The common word end, a plain space, without the general decoder.
                if b == 0x20, i < n {
                    endWord()
                    push(0x20)
                    i &+= 1
                    tokenStart = i
                    if endToken() { break scan }
                }
                continue
            }
            pending &+= 2
            if pending > 200 { flush() }
            if FeatureExtractor.isCodeMark(p, i, n) { evidence.codeMarks &+= 1 }
            let kind: Int, sym: UInt8
            if b < 0x80 {
                // ASCII non-letters inline (the decoder's first branch; calling it for every
                // comma and space cost more than the decoding).
                sym = 0
                if b == 0x20 || (b &- 9) < 5 {
                    kind = 3
                } else if (b < 64 ? (FeatureExtractor.junkLow &>> UInt64(b)) : (FeatureExtractor.junkHigh &>> UInt64(b &- 64))) & 1 != 0 {
                    kind = 4
                } else if b == 0x2E, i == tokenStart &+ 3, i >= 3,
                          p[i - 3] | 0x20 == 0x77, p[i - 2] | 0x20 == 0x77, p[i - 1] | 0x20 == 0x77 {
                    kind = 4  // "www."
                } else {
                    kind = 2
                }
                i &+= 1
            } else {
                (kind, sym) = FeatureExtractor.decode(p, n, &i, tokenStart: tokenStart)
            }
            if kind == 0 {
                push(UInt64(sym))
                wordLength &+= 1
                continue
            }
            if kind == 6 { continue }
            if wordLength > 0 {
                endWord()
                push(kind == 1 ? UInt64(sym) : 0x20)  // a mark right after a word stands for its end
            } else if kind == 1 {
                push(UInt64(sym))
            }
            if kind == 3 {
                tokenStart = i
                if endToken() { break scan }
            } else if kind == 4 {
                junk = true
            } else if kind == 5 {
                evidence.foreignLetters &+= 1
            }
        }
        if i >= n {
            if wordLength > 0 {
                endWord()
                push(0x20)
            }
            if junk {
                (lanes, even, odd) = (savedLanes, savedEven, savedOdd)
            } else {
                evidence.letters &+= tokenLetters
            }
            flush()
        }
        return (interleave(even, odd) &+ bias, evidence)
    }

    /// Even and odd class sums back in class order.
    @inlinable @inline(__always)
    func interleave(_ even: SIMD4<Int32>, _ odd: SIMD4<Int32>) -> SIMD8<Int32> {
        SIMD8(even[0], odd[0], even[1], odd[1], even[2], odd[2], even[3], odd[3])
    }

    /// True when the best class leads every other by ln(4000) temperatures.
    @inlinable
    func isDecided(_ scores: SIMD8<Int32>, letters: Int) -> Bool {
        let top = maximumLane(scores)
        let lead = Int32(13.8 * (temperature + temperatureSlope * Float(letters)))
        var close = 0
        for c in 0..<8 where top &- scores[c] < lead { close &+= 1 }
        return close == 1
    }

    /// Softmax over the 8 class scores; returns the English and Spanish probabilities.
    @inlinable
    func softmax(_ scores: SIMD8<Int32>, letters: Int) -> (english: Float, spanish: Float) {
        let inverseTemperature = 1 / (temperature + temperatureSlope * Float(letters))
        let top = maximumLane(scores)
        @inline(__always) func weight(_ c: Int) -> Float {
            let d = Float(top &- scores[c]) * inverseTemperature
            // exp(-30) < 1e-13: classes that far behind change nothing visible.
            return d > 30 ? 0 : fastExpNegative(d)
        }
        // Unrolled with constant lane indices: a loop over `scores[c]` went through the stack.
        let e0 = weight(0), e1 = weight(1), e2 = weight(2), e3 = weight(3)
        let e4 = weight(4), e5 = weight(5), e6 = weight(6), e7 = weight(7)
        let sum = ((e0 + e1) + (e2 + e3)) + ((e4 + e5) + (e6 + e7))
        let all = SIMD8<Float>(e0, e1, e2, e3, e4, e5, e6, e7)
        return (all[englishClass] / sum, all[spanishClass] / sum)
    }
}

/// The largest of the 8 lanes (`SIMD.max()` is an out-of-line generic reduction).
@inlinable @inline(__always)
func maximumLane(_ v: SIMD8<Int32>) -> Int32 {
    Swift.max(Swift.max(Swift.max(v[0], v[1]), Swift.max(v[2], v[3])), Swift.max(Swift.max(v[4], v[5]), Swift.max(v[6], v[7])))
}

/// exp(-x) for x in [0, 30], relative error < 2e-3 (exp2 split into an exponent and a
/// polynomial): much cheaper than libm's expf, and calibration needs nothing finer.
@inlinable @inline(__always)
func fastExpNegative(_ x: Float) -> Float {
    let t = -x * 1.442_695_04  // log2(e), t in [-44, 0]
    // floor(t) with the 1.5 · 2^23 rounding trick: `rounded(.down)` is a libm call without
    // SSE4.1, and `Int32(t)` adds range checks; together they were most of the softmax.
    let magic: Float = 12_582_912
    var shifted = t + magic  // t rounded to an integer, in the low mantissa bits
    if shifted - magic > t { shifted -= 1 }
    let whole = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000
    let f = t - (shifted - magic)  // [0, 1)
    // 2^f on [0, 1): degree-4 Taylor polynomial.
    let p = 1 + f * (0.693_147_2 + f * (0.240_226_5 + f * (0.055_504_11 + f * 0.009_618_13)))
    let exponent = whole &+ 127
    if exponent <= 0 { return 0 }
    return p * Float(bitPattern: UInt32(exponent) << 23)
}
