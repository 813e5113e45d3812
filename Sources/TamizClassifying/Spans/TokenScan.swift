/// The span detector's single pass over a text: the classifier's features and weights
/// (`HotLoopState`, `FeatureExtractor.decode`), with each whitespace token's sums recorded
/// instead of only the text's. Each token starts from an all-space register, so its n-grams are
/// its own, as if it were classified alone: carried over from the word before, a short word's
/// first n-grams took that word's language and hid switches. Context comes back, symmetric, in
/// `decode`.
extension LanguageSpanDetector {
    func scan(_ text: UnsafeBufferPointer<UInt8>, into scratch: inout SpanScratch) {
        scratch.tokens.removeAll(keepingCapacity: true)
        let model = classifier.model
        guard let p = text.baseAddress, text.count > 0 else {
            scratch.sentenceScores = model.bias
            scratch.sentenceLetters = 0
            scratch.sentenceForeignLetters = 0
            scratch.sentenceCodeMarks = 0
            return
        }
        defer { withExtendedLifetime(model.storage) {}; withExtendedLifetime(table.storage) {} }
        let n = text.count
        var s = HotLoopState(table: model.wideTable, extractor: model.extractor, bias: model.bias,
                             temperature: model.temperature, temperatureSlope: model.temperatureSlope)
        let english = model.englishClass, spanish = model.spanishClass
        let tableBase = table.storage.base + SpanTable.headerSize, tableShift = table.shift
        var tokenStart = -1
        var odds: Int32 = 0
        var listed = false
        var capitalised = false
        // A `#` starting a token is a hashtag: its words are scored for the token (`#sorrynotsorry`),
        // though the classifier drops such tokens (their features stay out of the text's sums).
        var hashtag = false
        let isolate = isolateTokens
        var i = 0

        @inline(__always) func endWord(_ s: inout HotLoopState) {
            let key = SpanTable.wordKey(s.reg, s.wordLength)
            let (index, fingerprint) = SpanTable.bucket(ofKey: key, shift: tableShift)
            let entry = (tableBase + 2 &* index).loadUnaligned(as: UInt16.self)
            if UInt8(truncatingIfNeeded: entry &>> 8) == fingerprint {
                odds &+= Int32(Int8(truncatingIfNeeded: entry))
                listed = true
            }
            s.endWord()
        }
        @inline(__always) func endToken(_ s: inout HotLoopState, at end: Int, _ scratch: inout SpanScratch) {
            var sums = s.widenedLanes
            if s.spilled { sums.0 &+= s.tokenEven; sums.1 &+= s.tokenOdd }
            let total = SIMD8(sums.0[0], sums.1[0], sums.0[1], sums.1[1], sums.0[2], sums.1[2], sums.0[3], sums.1[3])
            scratch.tokens.append(SpanToken(start: tokenStart, end: end, letters: s.junk ? 0 : s.tokenLetters,
                                            ngram: total[english] &- total[spanish], odds: odds, listed: listed,
                                            capitalised: capitalised))
            if hashtag { s.junk = true }
            s.endToken()
            hashtag = false
            tokenStart = -1
            odds = 0
            listed = false
        }

        while i < n {
            let b = p[i]
            if (b | 0x20) &- 0x61 < 26 {
                if tokenStart < 0 { tokenStart = i; capitalised = b < 0x61; if isolate { s.reg = FeatureExtractor.allSpaces } }
                if s.pending > 128 { s.spill() }
                let start = i
                let end = min(n, i &+ 64)
                repeat {
                    s.push(UInt64(p[i] | 0x20))
                    i &+= 1
                } while i < end && (p[i] | 0x20) &- 0x61 < 26
                s.pending &+= i &- start
                s.wordLength &+= i &- start
                continue
            }
            s.pending &+= 2
            if s.pending > 200 { s.spill() }
            if FeatureExtractor.isCodeMark(p, i, n) { s.evidence.codeMarks &+= 1 }
            let at = i
            let kind: Int, sym: UInt8
            if b < 0x80 {
                sym = 0
                if b == 0x20 || (b &- 9) < 5 {
                    kind = 3
                } else if b == 0x23, at == tokenStart || tokenStart < 0 {
                    kind = 2
                    hashtag = true
                } else if (b < 64 ? (FeatureExtractor.junkLow &>> UInt64(b)) : (FeatureExtractor.junkHigh &>> UInt64(b &- 64))) & 1 != 0 {
                    kind = 4
                } else if b == 0x2E, i == s.tokenStart &+ 3, i >= 3,
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
                if isolate { s.reg = FeatureExtractor.allSpaces }
                capitalised = kind == 0 && b == 0xC3 && at &+ 1 < n && p[at &+ 1] < 0x9F
            }
            if kind == 0 {
                s.push(UInt64(sym))
                s.wordLength &+= 1
                continue
            }
            if kind == 6 { continue }
            if s.wordLength > 0 {
                endWord(&s)
                s.push(kind == 1 ? UInt64(sym) : 0x20)
            } else if kind == 1 {
                s.push(UInt64(sym))
            }
            if kind == 3 {
                s.tokenStart = i
                if tokenStart >= 0 { endToken(&s, at: at, &scratch) } else { s.endToken() }
            } else if kind == 4 {
                s.junk = true
            } else if kind == 5 {
                s.evidence.foreignLetters &+= 1
            }
        }
        if s.wordLength > 0 {
            endWord(&s)
            s.push(0x20)
        }
        if tokenStart >= 0 { endToken(&s, at: n, &scratch) } else { s.endToken() }
        scratch.sentenceScores = s.total &+ model.bias
        scratch.sentenceLetters = s.evidence.letters
        scratch.sentenceForeignLetters = s.evidence.foreignLetters
        scratch.sentenceCodeMarks = s.evidence.codeMarks
    }
}
