/// Labels UTF-8 text `en`, `es` or `und`. Allocation-free; safe to use from many threads.
///
/// Any bytes are accepted (invalid UTF-8, NUL, binary junk, empty input): they never crash,
/// they just carry no letters. Text with no Latin letters outside URLs and similar tokens,
/// mostly letters of another script, or whose best class is another language (French,
/// Portuguese, Italian, Catalan, Galician, German/Dutch) is `und`; so is an English or Spanish
/// answer whose confidence is below `minimumConfidence`.
public struct LanguageClassifier: Sendable {
    public let model: LanguageModel
    /// English or Spanish answers below this confidence become `und`.
    public let minimumConfidence: Float

    public init(model: LanguageModel = .embedded, minimumConfidence: Float = 0.5) {
        self.model = model
        self.minimumConfidence = minimumConfidence
    }

    /// Classifies raw UTF-8 bytes (the hot loop).
    @inlinable
    public func classify(_ utf8: UnsafeBufferPointer<UInt8>) -> LanguageGuess {
        let (scores, evidence) = model.score(utf8)
        return decide(scores: scores, evidence: evidence)
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

    @inlinable
    func decide(scores: SIMD8<Int32>, evidence: TextEvidence) -> LanguageGuess {
        if evidence.letters < max(model.minimumLetters, 1) || evidence.foreignLetters > evidence.letters {
            return LanguageGuess(language: .undetermined, confidence: 1)
        }
        let p = model.softmax(scores, letters: evidence.letters)
        // The best class decides; a weak English or Spanish winner becomes `und`.
        let top = scores.max()
        if scores[model.englishClass] == top, p.english >= minimumConfidence {
            return LanguageGuess(language: .english, confidence: p.english)
        }
        if scores[model.spanishClass] == top, p.spanish >= minimumConfidence {
            return LanguageGuess(language: .spanish, confidence: p.spanish)
        }
        return LanguageGuess(language: .undetermined, confidence: min(1, max(0, 1 - max(p.english, p.spanish))))
    }
}

/// Sums Int8 weights in Int16 lanes, widened into Int32 at every `flush` (the extractor
/// flushes at least every 256 features, and 256 · 127 < Int16.max).
///
/// The Int32 sums are kept as even and odd classes in two SIMD4 halves: the Int16 lanes seen as
/// four Int32 words widen with two shifts (pslld/psrad on SSE2), where the generic SIMD8
/// conversion was an out-of-line call.
@usableFromInline
struct ScoreSink: FeatureSink {
    @usableFromInline let table: UnsafePointer<SIMD8<Int8>>
    @usableFromInline var lanes16 = SIMD8<Int16>(repeating: 0)
    @usableFromInline var tokenEven = SIMD4<Int32>(repeating: 0)
    @usableFromInline var tokenOdd = SIMD4<Int32>(repeating: 0)
    @usableFromInline var even = SIMD4<Int32>(repeating: 0)
    @usableFromInline var odd = SIMD4<Int32>(repeating: 0)

    @inlinable init(table: UnsafePointer<SIMD8<Int8>>) { self.table = table }

    @inlinable @inline(__always)
    mutating func feature(_ bucket: Int) {
        lanes16 &+= SIMD8<Int16>(truncatingIfNeeded: table[bucket])
    }

    @inlinable @inline(__always)
    mutating func flush() {
        let words = unsafeBitCast(lanes16, to: SIMD4<Int32>.self)
        tokenEven &+= (words &<< 16) &>> 16
        tokenOdd &+= words &>> 16
        lanes16 = SIMD8<Int16>(repeating: 0)
    }

    @inlinable @inline(__always)
    mutating func endToken(keep: Bool) {
        flush()
        if keep {
            even &+= tokenEven
            odd &+= tokenOdd
        }
        tokenEven = SIMD4<Int32>(repeating: 0)
        tokenOdd = SIMD4<Int32>(repeating: 0)
    }

    /// The class sums in class order (after the final `endToken`).
    @inlinable var total: SIMD8<Int32> {
        SIMD8(even[0], odd[0], even[1], odd[1], even[2], odd[2], even[3], odd[3])
    }
}

extension LanguageModel {
    /// Raw class scores (bias + summed weights) and the evidence counts for `utf8`.
    @inlinable
    func score(_ utf8: UnsafeBufferPointer<UInt8>) -> (SIMD8<Int32>, TextEvidence) {
        var sink = ScoreSink(table: table)
        let evidence = withExtendedLifetime(storage) { extractor.extract(utf8, into: &sink) }
        return (sink.total &+ bias, evidence)
    }

    /// Softmax over the 8 class scores; returns the English and Spanish probabilities.
    @inlinable
    func softmax(_ scores: SIMD8<Int32>, letters: Int) -> (english: Float, spanish: Float) {
        let inverseTemperature = 1 / (temperature + temperatureSlope * Float(letters))
        let top = scores.max()
        var sum: Float = 0
        var pEn: Float = 0, pEs: Float = 0
        for c in 0..<8 {
            let d = Float(top &- scores[c]) * inverseTemperature
            // exp(-30) < 1e-13: classes that far behind change nothing visible.
            let e: Float = d > 30 ? 0 : fastExpNegative(d)
            sum += e
            if c == englishClass { pEn = e }
            if c == spanishClass { pEs = e }
        }
        return (pEn / sum, pEs / sum)
    }
}

/// exp(-x) for x in [0, 30], relative error < 2e-3 (exp2 split into an exponent and a
/// polynomial): much cheaper than libm's expf, and calibration needs nothing finer.
@inlinable @inline(__always)
func fastExpNegative(_ x: Float) -> Float {
    let t = -x * 1.442_695_04  // log2(e)
    let fi = t.rounded(.down)
    let f = t - fi  // [0, 1)
    // 2^f on [0, 1): degree-4 Taylor polynomial.
    let p = 1 + f * (0.693_147_2 + f * (0.240_226_5 + f * (0.055_504_11 + f * 0.009_618_13)))
    let exponent = Int32(fi) + 127
    if exponent <= 0 { return 0 }
    return p * Float(bitPattern: UInt32(exponent) << 23)
}
