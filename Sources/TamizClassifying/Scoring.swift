import TamizBytes
/// The scoring hot loop over raw UTF-8 bytes and the softmax that turns its sums into probabilities.

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
    /// The weights (Int8 in the file) are read from the model's Int16 copy so that a row is one
    /// `paddw`, for 2 MB more memory (Docs/Measurements.md). How they are summed:
    /// `HotLoopState`. Words of ASCII letters and their common ends run in `scanWords`; this
    /// loop takes every other byte.
    ///
    /// With `earlyExit`, a text of 40+ letters stops at a token end (checked every 20 letters)
    /// once the best class leads every other by 13.8 temperatures (e^13.8 ≈ 10^6): its
    /// probability is then above 0.99999, so what it reports is what it read (on the dev sets it
    /// changes 2 answers of 16,565: Docs/Measurements.md).
    @inlinable @inline(__always)
    func scoreInPlace(_ text: UnsafeBufferPointer<UInt8>, earlyExit: Bool) -> (SIMD8<Int32>, TextEvidence) {
        guard let p = text.baseAddress, text.count > 0 else { return (bias, TextEvidence()) }
        let n = text.count
        // All loop state in one local struct with mutating methods: as variables captured by
        // nested functions, `lanes` lived in memory (a store per letter).
        var s = HotLoopState(table: wideTable, extractor: extractor, bias: bias, temperature: temperature, temperatureSlope: temperatureSlope)
        s.nextCheck = earlyExit ? 40 : Int.max
        let shippedShape = s.mask == 0xFFFF_FFFF && s.shift == 47
        var i = 0

        scan: while i < n {
            if (p[i] | 0x20) &- 0x61 < 26 {
                if shippedShape ? Self.scanWords(p, n, &i, &s) : Self.scanWordsOfAnyShape(p, n, &i, &s) { break scan }
                continue
            }
            let b = p[i]
            s.pending &+= 2
            if s.pending > 200 { s.spill() }
            if FeatureExtractor.isCodeMark(p, i, n) { s.evidence.codeMarks &+= 1 }
            let kind: Int, sym: UInt8
            if b < 0x80 {
                // ASCII non-letters inline (the decoder's first branch; calling it for every
                // comma and space cost more than the decoding).
                sym = 0
                if b == 0x20 || (b &- 9) < 5 {
                    kind = 3
                } else if FeatureExtractor.isJunkASCII(b) {
                    kind = 4
                } else if b == 0x2E, i == s.tokenStart &+ 3, i >= 3,
                          URLBytes.isWWW(p + i - 3) {
                    kind = 4  // "www."
                } else {
                    kind = 2
                }
                i &+= 1
            } else {
                (kind, sym) = FeatureExtractor.decode(p, n, &i, tokenStart: s.tokenStart)
            }
            if kind == 0 {
                s.push(UInt64(sym))
                s.wordLength &+= 1
                continue
            }
            if kind == 6 { continue }
            if s.wordLength > 0 {
                s.endWord()
                s.push(kind == 1 ? UInt64(sym) : 0x20)  // a mark right after a word stands for its end
            } else if kind == 1 {
                s.push(UInt64(sym))
            }
            if kind == 3 {
                s.tokenStart = i
                s.endToken()
                if s.evidence.letters >= s.nextCheck {
                    s.nextCheck = s.evidence.letters &+ 20
                    if s.isDecided { break scan }
                }
            } else if kind == 4 {
                s.junk = true
            } else if kind == 5 {
                s.evidence.foreignLetters &+= 1
            }
        }
        if i >= n {
            if s.wordLength > 0 {
                s.endWord()
                s.push(0x20)
            }
            s.endToken()
        }
        return (s.total &+ bias, s.evidence)
    }

    /// Words of ASCII letters, their Latin-1 letters and their common ends (a space, or `,` `.`
    /// `?` `!` before a space or at the end), from the letter at `i` up to the first other
    /// byte; true when the answer is decided. Out of line, so that its loop has the registers
    /// to itself: inlined into `scoreInPlace`, the rarely used state was stored back to the
    /// stack at every word (60 moves per word).
    ///
    /// This copy has the shipped model's shape (4-grams, 2^17 buckets) as constants: the mask
    /// is then a 32-bit move and the shift an immediate, which frees two registers in the
    /// letter loop; `scanWordsOfAnyShape` takes the others. One copy per function: with both
    /// copies behind one branch here, the body stopped being inlined and lost the constants
    /// (19.3 instead of 17.0 instructions per byte).
    ///
    /// Static, with the early-exit constants in `s`: as a method, each call took the model by
    /// address, and `classify` copied the 144-byte model to its stack for it (a memcpy per
    /// sentence).
    @usableFromInline @inline(never)
    static func scanWords(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ s: inout HotLoopState) -> Bool {
        scanWords(p, n, &i, &s, mask: 0xFFFF_FFFF, shift: 47)
    }

    /// `scanWords` for a model of another shape.
    @usableFromInline @inline(never)
    static func scanWordsOfAnyShape(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ s: inout HotLoopState) -> Bool {
        scanWords(p, n, &i, &s, mask: s.mask, shift: s.shift)
    }

    @inline(__always)
    static func scanWords(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ s: inout HotLoopState, mask: UInt64, shift: UInt64) -> Bool {
        var j = i
        var folded = p[j] | 0x20
        if s.pending > 128 { s.spill() }
        while true {
            // A run of at most 64 ASCII letters: one lookup per byte, nothing else. (Taking
            // eight bytes at a time with a SWAR letter test measured no faster; tried again with
            // a test-free counted loop per run: 22.1 instead of 18.4 instructions per byte.)
            let start = j
            let end = min(n, j &+ 64)
            repeat {
                s.push(UInt64(folded), mask: mask, shift: shift)
                j &+= 1
                if j == end { break }
                folded = p[j] | 0x20
            } while folded &- 0x61 < 26
            s.pending &+= j &- start
            s.wordLength &+= j &- start
            // The common word ends without the general decoder: a plain space, or `,` `.` `?` `!`
            // before a space or at the end of the text. (Not a `.` 3 bytes into a token: it may
            // be `www.`)
            guard j < n else { break }
            var b = p[j]
            if b == 0xC3 {
                // A Latin-1 letter (á, ñ, ü: `C3 xx`) inside the word, decoded as
                // `FeatureExtractor.decode` does, without leaving the loop: through the general
                // loop each one cost a return, a decode and a new call.
                guard j &+ 1 < n else { break }
                let c = p[j &+ 1]
                guard c & 0xC0 == 0x80, c != 0x97, c != 0xB7 else { break }
                s.push(UInt64(c < 0x9F ? c | 0x20 : c), mask: mask, shift: shift)
                s.wordLength &+= 1
                s.pending &+= 1
                if s.pending > 128 { s.spill() }
                j &+= 2
                guard j < n else { break }
                folded = p[j] | 0x20
                if folded &- 0x61 < 26 { continue }
                b = p[j]
            }
            if b != 0x20 {
                let marks: UInt64 = (1 << 0x21) | (1 << 0x2C) | (1 << 0x2E) | (1 << 0x3F)
                guard b < 64, (marks &>> UInt64(b)) & 1 != 0, b != 0x2E || j != s.tokenStart &+ 3 else { break }
                if j &+ 1 == n {
                    s.endWord(shift: shift)
                    s.push(0x20, mask: mask, shift: shift)
                    j = n
                    break
                }
                guard p[j &+ 1] == 0x20 else { break }
                j &+= 1
            }
            s.endWord(shift: shift)
            s.push(0x20, mask: mask, shift: shift)
            j &+= 1
            s.tokenStart = j
            s.endToken()
            if s.evidence.letters >= s.nextCheck {
                s.nextCheck = s.evidence.letters &+ 20
                if s.isDecided {
                    i = j
                    return true
                }
            }
            guard j < n else { break }
            folded = p[j] | 0x20
            guard folded &- 0x61 < 26 else { break }
        }
        i = j
        return false
    }

    /// True when the best class leads every other by 13.8 temperatures (e^13.8 ≈ 10^6, so its
    /// probability is above 0.99999; `scoreInPlace` stops there). Out of line: a
    /// few calls per text.
    func isDecided(_ scores: SIMD8<Int32>, letters: Int) -> Bool {
        Self.isDecided(scores, letters: letters, temperature: temperature, temperatureSlope: temperatureSlope)
    }

    @usableFromInline @inline(never)
    static func isDecided(_ scores: SIMD8<Int32>, letters: Int, temperature: Float, temperatureSlope: Float) -> Bool {
        let top = maximumLane(scores)
        let lead = Int32(13.8 * (temperature + temperatureSlope * Float(letters)))
        // -1 in the lanes less than `lead` behind the top (behind − lead < 0; no overflow, both
        // are small), summed in halves: SIMD `.<` and a loop over `scores[c]` both went lane by
        // lane through the stack.
        let close = ((SIMD8(repeating: top) &- scores) &- lead) &>> 31
        let quarter = close.lowHalf &+ close.highHalf
        let pair = quarter.lowHalf &+ quarter.highHalf
        return pair[0] &+ pair[1] == -1
    }

    /// Softmax over the 8 class scores; returns the English and Spanish probabilities.
    @inlinable
    func softmax(_ scores: SIMD8<Int32>, letters: Int) -> (english: Float, spanish: Float) {
        Self.softmax(scores, letters: letters, temperature: temperature, temperatureSlope: temperatureSlope,
                     englishClass: englishClass, spanishClass: spanishClass)
    }

    /// `softmax` with the model's constants as arguments: `LanguageClassifier.decide` calls
    /// this one, because calling the method made it copy the 144-byte model to its stack each
    /// time (a memcpy, ~29 instructions per sentence on the benchmark).
    @inlinable
    static func softmax(_ scores: SIMD8<Int32>, letters: Int, temperature: Float, temperatureSlope: Float,
                        englishClass: Int, spanishClass: Int) -> (english: Float, spanish: Float) {
        let inverseTemperature = 1 / (temperature + temperatureSlope * Float(letters))
        let top = maximumLane(scores)
        let d = SIMD8<Float>(SIMD8(repeating: top) &- scores) * inverseTemperature
        // exp(-30) < 1e-13: classes that far behind change nothing visible.
        let all = fastExpNegative(d, zeroAbove: 30)
        // The same order of additions as ((e0 + e1) + (e2 + e3)) + ((e4 + e5) + (e6 + e7)).
        let pairs = all.evenHalf + all.oddHalf
        let quads = pairs.evenHalf + pairs.oddHalf
        let sum = quads[0] + quads[1]
        return (all[englishClass] / sum, all[spanishClass] / sum)
    }
}

/// The largest of the 8 lanes (`SIMD.max()` is an out-of-line generic reduction).
@inlinable @inline(__always)
func maximumLane(_ v: SIMD8<Int32>) -> Int32 {
    Swift.max(Swift.max(Swift.max(v[0], v[1]), Swift.max(v[2], v[3])), Swift.max(Swift.max(v[4], v[5]), Swift.max(v[6], v[7])))
}

/// exp(-x) for x in [0, 30], relative error < 2e-3 (exp2 split into an exponent and a
/// polynomial): much cheaper than libm's expf, and calibration needs nothing finer. Lanes above
/// `limit` (at most 30) are 0; `x` must not be negative. Eight lanes at once, each the same
/// operations as one scalar would take, so the results are the same bits.
@inlinable @inline(__always)
func fastExpNegative(_ x: SIMD8<Float>, zeroAbove limit: Float) -> SIMD8<Float> {
    let t = -x * 1.442_695_04  // log2(e), t in [-44, 0]
    // floor(t) with the 1.5 · 2^23 rounding trick: `rounded(.down)` is a libm call without
    // SSE4.1, and `Int32(t)` adds range checks; together they were most of the softmax.
    let magic = SIMD8<Float>(repeating: 12_582_912)
    var shifted = t + magic  // t rounded to an integer, in the low mantissa bits
    // Minus one where the rounding went up (minus 0 elsewhere changes nothing).
    let up = unsafeBitCast((shifted - magic) .> t, to: SIMD8<UInt32>.self)
    shifted -= unsafeBitCast(up & Float(1).bitPattern, to: SIMD8<Float>.self)
    let whole = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
    let f = t - (shifted - magic)  // [0, 1)
    // 2^f on [0, 1): degree-4 Taylor polynomial.
    let p = 1 + f * (0.693_147_2 + f * (0.240_226_5 + f * (0.055_504_11 + f * 0.009_618_13)))
    // For x ≤ 30 the exponent is at least 83: no lane that is kept underflows.
    let scale = unsafeBitCast((whole &+ 127) &<< 23, to: SIMD8<Float>.self)
    // x > limit as -1, from the bits (non-negative floats order like their bit patterns):
    // SIMD `.>` against a constant went lane by lane through the stack.
    let bits = unsafeBitCast(x, to: SIMD8<Int32>.self)
    let keep = ~((Int32(bitPattern: limit.bitPattern) &- bits) &>> 31)
    return unsafeBitCast(unsafeBitCast(p * scale, to: SIMD8<Int32>.self) & keep, to: SIMD8<Float>.self)
}

/// Everything `LanguageModel.scoreInPlace` changes while it reads a text, next to the constants
/// of its lookups, so that the loop's helpers are mutating methods on one local value.
///
/// The current token's rows are summed in Int16 `lanes` and moved into the Int32 sums of the
/// kept tokens at its end, or dropped if it was junk (URL, address): nothing to copy and
/// restore. The Int32 sums are kept as even and odd classes in two SIMD4 halves: the Int16 lanes
/// seen as four Int32 words widen with two shifts (pslld/psrad on SSE2), where the generic SIMD8
/// conversion was an out-of-line call. A token of more than 128 features (256 · 127 <
/// Int16.max) spills its lanes into its own Int32 sums on the way.
@usableFromInline
struct HotLoopState {
    @usableFromInline let table: UnsafePointer<SIMD8<Int16>>
    @usableFromInline let shift: UInt64
    @usableFromInline let mask: UInt64
    @usableFromInline let wordFeatures: Bool
    /// The model's bias and temperature, for the early-exit test (`isDecided`).
    @usableFromInline let bias: SIMD8<Int32>
    @usableFromInline let temperature: Float
    @usableFromInline let temperatureSlope: Float
    /// The current token's rows since its start or its last spill.
    @usableFromInline var lanes = SIMD8<Int16>(repeating: 0)
    /// The kept tokens' sums, even and odd classes.
    @usableFromInline var even = SIMD4<Int32>(repeating: 0)
    @usableFromInline var odd = SIMD4<Int32>(repeating: 0)
    /// A long token's spilled sums (zero unless `spilled`).
    @usableFromInline var tokenEven = SIMD4<Int32>(repeating: 0)
    @usableFromInline var tokenOdd = SIMD4<Int32>(repeating: 0)
    @usableFromInline var spilled = false
    @usableFromInline var reg = FeatureExtractor.allSpaces
    @usableFromInline var wordLength = 0
    @usableFromInline var tokenLetters = 0
    /// Features in `lanes` (counted per letter run, at most 2 per other character).
    @usableFromInline var pending = 0
    @usableFromInline var junk = false
    @usableFromInline var evidence = TextEvidence()
    /// Where the current token started (for `www.`).
    @usableFromInline var tokenStart = 0
    /// The letter count at which early exit next checks whether the answer is decided.
    @usableFromInline var nextCheck = Int.max

    @inlinable @inline(__always)
    init(table: UnsafePointer<SIMD8<Int16>>, extractor: FeatureExtractor, bias: SIMD8<Int32>, temperature: Float, temperatureSlope: Float) {
        self.table = table
        shift = extractor.shift
        mask = extractor.mask
        wordFeatures = extractor.wordFeatures
        self.bias = bias
        self.temperature = temperature
        self.temperatureSlope = temperatureSlope
    }

    /// True when the scores so far decide the answer (`LanguageModel.isDecided`).
    @inlinable @inline(__always)
    var isDecided: Bool {
        LanguageModel.isDecided(total &+ bias, letters: evidence.letters, temperature: temperature, temperatureSlope: temperatureSlope)
    }

    /// Shifts a symbol into the register and adds its n-gram's row.
    @inlinable @inline(__always)
    mutating func push(_ symbol: UInt64) { push(symbol, mask: mask, shift: shift) }

    @inlinable @inline(__always)
    mutating func push(_ symbol: UInt64, mask: UInt64, shift: UInt64) {
        reg = (reg &<< 8) | symbol
        lanes &+= table[Int(truncatingIfNeeded: ((reg & mask) &* FeatureExtractor.multiplier) &>> shift)]
    }

    /// Adds the word feature of the word that just ended (see `FeatureExtractor`).
    @inlinable @inline(__always)
    mutating func endWord() { endWord(shift: shift) }

    @inlinable @inline(__always)
    mutating func endWord(shift: UInt64) {
        if wordFeatures {
            let key = wordLength < 8 ? (reg & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* wordLength))) | (UInt64(truncatingIfNeeded: wordLength) &<< 56) : reg
            lanes &+= table[Int(truncatingIfNeeded: ((key ^ FeatureExtractor.wordSalt) &* FeatureExtractor.multiplier) &>> shift)]
        }
        tokenLetters &+= wordLength
        wordLength = 0
    }

    /// The Int16 lanes as (even, odd) Int32 classes.
    @inlinable @inline(__always)
    var widenedLanes: (SIMD4<Int32>, SIMD4<Int32>) {
        let words = unsafeBitCast(lanes, to: SIMD4<Int32>.self)
        return ((words &<< 16) &>> 16, words &>> 16)
    }

    /// Moves a long token's lanes into its own Int32 sums.
    @inlinable @inline(__always)
    mutating func spill() {
        let (e, o) = widenedLanes
        tokenEven &+= e
        tokenOdd &+= o
        lanes = SIMD8(repeating: 0)
        pending = 0
        spilled = true
    }

    /// Keeps the token's features and letters, or drops them if it was junk.
    @inlinable @inline(__always)
    mutating func endToken() {
        if !junk {
            let (e, o) = widenedLanes
            even &+= e
            odd &+= o
            evidence.letters &+= tokenLetters
        }
        if spilled {
            if !junk {
                even &+= tokenEven
                odd &+= tokenOdd
            }
            tokenEven = SIMD4(repeating: 0)
            tokenOdd = SIMD4(repeating: 0)
            spilled = false
        }
        lanes = SIMD8(repeating: 0)
        pending = 0
        junk = false
        tokenLetters = 0
    }

    /// The kept tokens' sums in class order.
    @inlinable @inline(__always)
    var total: SIMD8<Int32> {
        SIMD8(even[0], odd[0], even[1], odd[1], even[2], odd[2], even[3], odd[3])
    }
}
