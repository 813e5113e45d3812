/// The span detector's single pass over a text: the classifier's features and weights
/// (`HotLoopState`, `FeatureExtractor.decode`), with each whitespace token's sums recorded
/// instead of only the text's. Each token starts from an all-space register, so its n-grams are
/// its own, as if it were classified alone: carried over from the word before, a short word's
/// first n-grams took that word's language and hid switches. Context comes back, symmetric, in
/// `decode`.
extension LanguageSpanDetector {
    /// Fills `buffers` with the tokens of `text` (a text of n bytes has at most n/2 + 1 tokens).
    func scan(_ text: UnsafeBufferPointer<UInt8>, into scratch: inout SpanScratch) {
        let model = classifier.model
        let b = scratch.buffers
        b.count = 0
        guard let p = text.baseAddress, text.count > 0 else {
            scratch.sentenceScores = model.bias
            scratch.sentenceLetters = 0
            return
        }
        b.reserve(text.count / 2 + 2)
        let (total, letters) = withExtendedLifetime(model.storage) {
            withExtendedLifetime(table.storage) {
                model.extractor.mask == 0xFFFF_FFFF && model.extractor.shift == 47
                    ? Self.scanTokens(p, text.count, model, table, b, isolate: isolateTokens, mask: 0xFFFF_FFFF, shift: 47)
                    : Self.scanTokens(p, text.count, model, table, b, isolate: isolateTokens, mask: model.extractor.mask, shift: model.extractor.shift)
            }
        }
        scratch.sentenceScores = total &+ model.bias
        scratch.sentenceLetters = letters
    }

    /// The loop, with the model's n-gram mask and bucket shift as arguments (constants for the
    /// shipped shape, as in `LanguageModel.scanWords`).
    @inline(__always)
    static func scanTokens(_ p: UnsafePointer<UInt8>, _ n: Int, _ model: LanguageModel, _ table: SpanTable, _ b: SpanBuffers,
                           isolate: Bool, mask: UInt64, shift: UInt64) -> (SIMD8<Int32>, Int) {
        var s = HotLoopState(table: model.wideTable, extractor: model.extractor, bias: model.bias,
                             temperature: model.temperature, temperatureSlope: model.temperatureSlope)
        let english = model.englishClass, spanish = model.spanishClass
        let standardClasses = english == 0 && spanish == 1
        let tableBase = table.storage.base + SpanTable.headerSize, tableShift = table.shift
        let starts = b.start, ends = b.end, letterCounts = b.letters, ngrams = b.ngram, oddsOut = b.odds, flagsOut = b.flags
        var count = 0
        var tokenStart = -1
        var odds: Int32 = 0
        var flags: UInt8 = 0
        // A `#` starting a token is a hashtag: its words are scored for the token
        // (`#sorrynotsorry`), though the classifier drops such tokens (they stay out of the sums).
        var hashtag = false
        var i = 0

        @inline(__always) func endWord(_ s: inout HotLoopState, _ odds: inout Int32, _ flags: inout UInt8) {
            let key = SpanTable.wordKey(s.reg, s.wordLength)
            let (index, fingerprint) = SpanTable.bucket(ofKey: key, shift: tableShift)
            let entry = (tableBase + 2 &* index).loadUnaligned(as: UInt16.self)
            if UInt8(truncatingIfNeeded: entry &>> 8) == fingerprint {
                odds &+= Int32(Int8(truncatingIfNeeded: entry))
                flags |= 1
            }
            s.endWord(shift: shift)
        }
        @inline(__always) func endToken(_ s: inout HotLoopState, _ end: Int, _ count: inout Int, _ tokenStart: inout Int,
                                        _ odds: inout Int32, _ flags: inout UInt8, _ hashtag: inout Bool) {
            var (even, odd) = s.widenedLanes
            if s.spilled { even &+= s.tokenEven; odd &+= s.tokenOdd }
            // The shipped model's classes start en, es: lanes 0 of the even and odd halves.
            let e: Int32, o: Int32
            if standardClasses {
                (e, o) = (even[0], odd[0])
            } else {
                let total = SIMD8(even[0], odd[0], even[1], odd[1], even[2], odd[2], even[3], odd[3])
                (e, o) = (total[english], total[spanish])
            }
            starts[count] = tokenStart
            ends[count] = end
            letterCounts[count] = s.junk ? 0 : Int32(truncatingIfNeeded: s.tokenLetters)
            ngrams[count] = e &- o
            oddsOut[count] = odds
            flagsOut[count] = flags
            count &+= 1
            if hashtag { s.junk = true }
            s.endToken()
            hashtag = false
            tokenStart = -1
            odds = 0
            flags = 0
        }

        while i < n {
            let c = p[i]
            if (c | 0x20) &- 0x61 < 26 {
                if tokenStart < 0 {
                    tokenStart = i
                    if c < 0x61 { flags = 2 }
                    if isolate { s.reg = FeatureExtractor.allSpaces }
                }
                if mask == 0xFFFF_FFFF && shift == 47 { letterRun(p, n, &i, &s) } else { letterRunOfAnyShape(p, n, &i, &s) }
                // The common word end, a plain space, without the general path.
                if i < n, p[i] == 0x20 {
                    endWord(&s, &odds, &flags)
                    s.push(0x20, mask: mask, shift: shift)
                    s.tokenStart = i &+ 1
                    endToken(&s, i, &count, &tokenStart, &odds, &flags, &hashtag)
                    i &+= 1
                }
                continue
            }
            s.pending &+= 2
            if s.pending > 200 { s.spill() }
            if FeatureExtractor.isCodeMark(p, i, n) { s.evidence.codeMarks &+= 1 }
            let at = i
            let kind: Int, sym: UInt8
            if c < 0x80 {
                sym = 0
                if c == 0x20 || (c &- 9) < 5 {
                    kind = 3
                } else if c == 0x23, tokenStart < 0 {
                    kind = 2
                    hashtag = true
                } else if (c < 64 ? (FeatureExtractor.junkLow &>> UInt64(c)) : (FeatureExtractor.junkHigh &>> UInt64(c &- 64))) & 1 != 0 {
                    kind = 4
                } else if c == 0x2E, i == s.tokenStart &+ 3, i >= 3,
                          p[i - 3] | 0x20 == 0x77, p[i - 2] | 0x20 == 0x77, p[i - 1] | 0x20 == 0x77 {
                    kind = 4
                } else {
                    kind = 2
                }
                i &+= 1
            } else {
                (kind, sym) = FeatureExtractor.decode(p, n, &i, tokenStart: s.tokenStart)
            }
            if kind != 3, tokenStart < 0 {
                tokenStart = at
                if kind == 0 && c == 0xC3 && p[at &+ 1] < 0x9F { flags = 2 }
                if isolate { s.reg = FeatureExtractor.allSpaces }
            }
            if kind == 0 {
                s.push(UInt64(sym), mask: mask, shift: shift)
                s.wordLength &+= 1
                continue
            }
            if kind == 6 { continue }
            if s.wordLength > 0 {
                endWord(&s, &odds, &flags)
                s.push(kind == 1 ? UInt64(sym) : 0x20, mask: mask, shift: shift)
            } else if kind == 1 {
                s.push(UInt64(sym), mask: mask, shift: shift)
            }
            if kind == 3 {
                s.tokenStart = i
                if tokenStart >= 0 { endToken(&s, at, &count, &tokenStart, &odds, &flags, &hashtag) } else { s.endToken() }
            } else if kind == 4 {
                s.junk = true
            } else if kind == 5 {
                s.evidence.foreignLetters &+= 1
            }
        }
        if s.wordLength > 0 {
            endWord(&s, &odds, &flags)
            s.push(0x20, mask: mask, shift: shift)
        }
        if tokenStart >= 0 { endToken(&s, n, &count, &tokenStart, &odds, &flags, &hashtag) } else { s.endToken() }
        b.count = count
        return (s.total, s.evidence.letters)
    }

    /// A run of at most 64 ASCII letters from `i`: one lookup per byte. Out of line, so that its
    /// loop has the registers to itself (as `LanguageModel.scanWords`), with the shipped model's
    /// shape as constants; `letterRunOfAnyShape` takes the others.
    @inline(never)
    static func letterRun(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ s: inout HotLoopState) {
        letterRun(p, n, &i, &s, mask: 0xFFFF_FFFF, shift: 47)
    }

    @inline(never)
    static func letterRunOfAnyShape(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ s: inout HotLoopState) {
        letterRun(p, n, &i, &s, mask: s.mask, shift: s.shift)
    }

    @inline(__always)
    static func letterRun(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ s: inout HotLoopState, mask: UInt64, shift: UInt64) {
        if s.pending > 128 { s.spill() }
        var j = i
        let end = min(n, j &+ 64)
        var folded = p[j] | 0x20
        repeat {
            s.push(UInt64(folded), mask: mask, shift: shift)
            j &+= 1
            if j == end { break }
            folded = p[j] | 0x20
        } while folded &- 0x61 < 26
        s.pending &+= j &- i
        s.wordLength &+= j &- i
        i = j
    }
}
