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
