import TamizBytes
/// The span detector's single pass over a text: the classifier's features and weights
/// (`HotLoopState`, `FeatureExtractor.decode`), with each whitespace token's sums recorded
/// instead of only the text's. Each token starts from an all-space register, so its n-grams are
/// its own, as if it were classified alone: carried over from the word before, a short word's
/// first n-grams took that word's language and hid switches. Context comes back, symmetric, in
/// `decode`.
extension LanguageSpanDetector {
    /// Fills `buffers` with the tokens of `text` and their evidence (a text of n bytes has at
    /// most n/2 + 1 tokens).
    func scan(_ text: UnsafeBufferPointer<UInt8>, into scratch: inout SpanScratch) {
        let b = scratch.buffers
        b.count = 0
        b.evidenceCount = 0
        guard let p = text.baseAddress, text.count > 0 else { return }
        b.reserve(text.count / 2 + 2)
        let model = classifier.model
        withExtendedLifetime((model.storage, differences)) {
            withExtendedLifetime(table.storage) {
                if model.extractor.mask == 0xFFFF_FFFF && model.extractor.shift == 47 {
                    Self.scanTokens(p, text.count, model, table, differences, parameters, b, isolate: isolateTokens, mask: 0xFFFF_FFFF, shift: 47)
                } else {
                    Self.scanTokens(p, text.count, model, table, differences, parameters, b, isolate: isolateTokens, mask: model.extractor.mask, shift: model.extractor.shift)
                }
            }
        }
    }

    /// The last byte of the text that is not an ASCII letter (-1 if none): a run of letters
    /// that starts before it ends at it at the latest, so `wordTokens` needs no bound check in it.
    @inline(__always)
    static func lastNonLetter(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var k = n &- 1
        while k >= 0 && (p[k] | 0x20) &- 0x61 < 26 { k &-= 1 }
        return k
    }

    /// The loop, with the model's n-gram mask and bucket shift as arguments (constants for the
    /// shipped shape, as in `LanguageModel.scanWords`). Runs of plain words (`wordTokens`) go
    /// out of line; this loop takes every other byte.
    @inline(__always)
    static func scanTokens(_ p: UnsafePointer<UInt8>, _ n: Int, _ model: LanguageModel, _ table: SpanTable, _ differences: NgramDifferences,
                           _ q: SpanParameters, _ b: SpanBuffers, isolate: Bool, mask: UInt64, shift: UInt64) {
        var t = TokenScanState(
            hot: HotLoopState(table: model.wideTable, extractor: model.extractor, bias: model.bias,
                              temperature: model.temperature, temperatureSlope: model.temperatureSlope),
            columns: TokenColumns(b), isolate: isolate, english: model.englishClass, spanish: model.spanishClass,
            tableBase: table.storage.base + SpanTable.headerSize, tableShift: table.shift, weights: EvidenceWeights(q),
            differences: differences, lastNonLetter: Self.lastNonLetter(p, n))
        let shippedShape = mask == 0xFFFF_FFFF && shift == 47 && t.hasShippedShape
        var i = 0

        while i < n {
            let c = p[i]
            if (c | 0x20) &- 0x61 < 26 {
                if shippedShape { wordTokens(p, n, &i, &t) } else { wordTokensOfAnyShape(p, n, &i, &t) }
                continue
            }
            t.hot.pending &+= 2
            if t.hot.pending > 200 { t.hot.spill() }
            if FeatureExtractor.isCodeMark(p, i, n) { t.hot.evidence.codeMarks &+= 1 }
            let at = i
            let kind: Int, sym: UInt8
            if c < 0x80 {
                sym = 0
                if c == 0x20 || (c &- 9) < 5 {
                    kind = 3
                } else if c == 0x23, t.tokenStart < 0 {
                    // A `#` starting a token is a hashtag: its words are scored for the token
                    // (`#sorrynotsorry`), though the classifier drops such tokens (they stay out
                    // of the sums).
                    kind = 2
                    t.hashtag = true
                } else if FeatureExtractor.isJunkASCII(c) {
                    kind = 4
                } else if c == 0x2E, i == t.hot.tokenStart &+ 3, i >= 3,
                          URLBytes.isWWW(p + i - 3) {
                    kind = 4
                } else {
                    kind = 2
                }
                i &+= 1
            } else {
                (kind, sym) = FeatureExtractor.decode(p, n, &i, tokenStart: t.hot.tokenStart)
                t.nonASCII = true
            }
            if kind != 3, t.tokenStart < 0 {
                t.tokenStart = at
                if kind == 0 && c == 0xC3 && p[at &+ 1] < 0x9F { t.flags = 2 }
                if isolate { t.hot.reg = FeatureExtractor.allSpaces }
            }
            if kind == 0 {
                t.hot.push(UInt64(sym), mask: mask, shift: shift)
                t.hot.wordLength &+= 1
                continue
            }
            if kind == 6 { continue }
            if t.hot.wordLength > 0 {
                t.endWord(shift: shift)
                t.hot.push(kind == 1 ? UInt64(sym) : 0x20, mask: mask, shift: shift)
            } else if kind == 1 {
                t.hot.push(UInt64(sym), mask: mask, shift: shift)
            }
            if kind == 3 {
                t.hot.tokenStart = i
                if t.tokenStart >= 0 { t.endToken(at) } else { t.hot.endToken() }
            } else if kind == 4 {
                t.hot.junk = true
            } else if kind == 5 {
                t.hot.evidence.foreignLetters &+= 1
            }
        }
        if t.hot.wordLength > 0 {
            t.endWord(shift: shift)
            t.hot.push(0x20, mask: mask, shift: shift)
        }
        if t.tokenStart >= 0 { t.endToken(n) } else { t.hot.endToken() }
        b.count = t.count
        b.evidenceCount = t.evidenceCount
        b.nonASCII = t.nonASCII
    }

    /// Plain words from the ASCII letter at `i`: runs of ASCII letters with their Latin-1
    /// letters (`C3 xx`), each word ended by a space or by `,` `.` `?` `!` before a space or at
    /// the end, each recorded as its token; stops before any other byte (the general loop takes
    /// it), leaving `i` there. The same features, sums and tokens as the general loop (a letter
    /// run is one lookup per byte, as in `LanguageModel.scanWords`). Out of line, so that its
    /// loop has the registers to itself; this copy has the shipped model's shape as constants
    /// (4-grams in 2^17 buckets, word features, classes en, es first) and isolated tokens,
    /// `wordTokensOfAnyShape` takes the others.
    @inline(never)
    static func wordTokens(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ t: inout TokenScanState) {
        wordTokens(p, n, &i, &t, mask: 0xFFFF_FFFF, shift: 47, tableShift: 47, shipped: true)
    }

    @inline(never)
    static func wordTokensOfAnyShape(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ t: inout TokenScanState) {
        wordTokens(p, n, &i, &t, mask: t.hot.mask, shift: t.hot.shift, tableShift: t.tableShift, shipped: false)
    }

    /// `shipped`: the caller checked `TokenScanState.hasShippedShape` (which includes the span
    /// table's shape, so `tableShift` is a constant here too).
    ///
    /// Each letter adds its bucket's English-minus-Spanish weight (`NgramDifferences`) to one
    /// Int32, not a row to the lanes: the first token's lanes (begun in the general loop) are
    /// folded into that sum on the way in, and a token left unfinished hands it back in
    /// `TokenScanState.difference`. The first token may have been begun in the general loop
    /// (with its letters, odds, flags and junk); every later one starts here, right after the
    /// previous one's end, from a known state: the loop over those keeps only what they need
    /// (the same code, inlined twice). A run that starts before the text's last non-letter
    /// byte stops at it at the latest: that loop has no bound check.
    @inline(__always)
    static func wordTokens(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ t: inout TokenScanState,
                           mask: UInt64, shift: UInt64, tableShift: UInt64, shipped: Bool) {
        let differences = t.differences, fold = t.fold, keyMasks = t.keyMasks, columns = t.columns, tableBase = t.tableBase
        let wordFeatures = shipped || t.hot.wordFeatures, isolate = shipped || t.isolate
        let weights = t.weights
        let safe = t.lastNonLetter
        let m = FeatureExtractor.multiplier
        // The token so far: the general loop's lanes (and spills) as one difference.
        var sum = t.difference
        let lanes = unsafeBitCast(t.hot.lanes, to: SIMD2<UInt64>.self)
        if lanes[0] | lanes[1] != 0 || t.hot.spilled {
            var (even, odd) = t.hot.widenedLanes
            if t.hot.spilled { even &+= t.hot.tokenEven; odd &+= t.hot.tokenOdd }
            let total = SIMD8(even[0], odd[0], even[1], odd[1], even[2], odd[2], even[3], odd[3])
            sum &+= total[t.english] &- total[t.spanish]
            t.hot.lanes = SIMD8(repeating: 0)
            t.hot.pending = 0
            t.hot.tokenEven = SIMD4(repeating: 0)
            t.hot.tokenOdd = SIMD4(repeating: 0)
            t.hot.spilled = false
        }
        var reg = t.hot.reg
        var count = t.count, evidenceCount = t.evidenceCount
        var j = i
        // The word's letters so far are `j + lengthBase`: ASCII letters are one byte each,
        // Latin-1 letters two (each takes one off), so a run does not count its letters.
        var lengthBase = t.hot.wordLength &- j

        /// The rest of the current word from the letter at `j` (`folded`): its runs of ASCII
        /// letters, one lookup per byte, and its Latin-1 letters. False: the text ends in it, or
        /// a byte other than a letter or a word end follows (the general loop takes it there).
        @inline(__always) func word(_ folded: UInt64) -> Bool {
            var folded = folded
            while true {
                if j < safe {
                    repeat {
                        reg = (reg &<< 8) | folded
                        sum &+= differences[Int(truncatingIfNeeded: ((reg & mask) &* m) &>> shift)]
                        j &+= 1
                        folded = UInt64(fold[Int(p[j])])
                    } while folded != 0
                } else {
                    repeat {
                        reg = (reg &<< 8) | folded
                        sum &+= differences[Int(truncatingIfNeeded: ((reg & mask) &* m) &>> shift)]
                        j &+= 1
                        if j == n { break }
                        folded = UInt64(fold[Int(p[j])])
                    } while folded != 0
                    guard j < n else { return false }
                }
                guard p[j] == 0xC3 else { return true }
                t.nonASCII = true
                // A Latin-1 letter inside the word, as `FeatureExtractor.decode` reads it.
                guard j &+ 1 < n else { return false }
                let c = p[j &+ 1]
                guard c & 0xC0 == 0x80, c != 0x97, c != 0xB7 else { return false }
                reg = (reg &<< 8) | UInt64(c < 0x9F ? c | 0x20 : c)
                sum &+= differences[Int(truncatingIfNeeded: ((reg & mask) &* m) &>> shift)]
                lengthBase &-= 1
                j &+= 2
                guard j < n else { return false }
                folded = UInt64(fold[Int(p[j])])
                guard folded != 0 else { return true }
            }
        }

        /// Where the token ends if the word at `j` ends it: at this space, or at the space or
        /// text end after a mark (not a `.` three bytes after `afterSpace`: `www.`); nil if not.
        @inline(__always) func tokenEnd(afterSpace: Int) -> Int? {
            let b = p[j]
            if b == 0x20 { return j }
            let marks: UInt64 = (1 << 0x21) | (1 << 0x2C) | (1 << 0x2E) | (1 << 0x3F)
            guard b < 64, (marks &>> UInt64(b)) & 1 != 0, b != 0x2E || j != afterSpace &+ 3 else { return nil }
            if j &+ 1 == n { return n }
            guard p[j &+ 1] == 0x20 else { return nil }
            return j &+ 1
        }

        /// The word's end: its word-list odds (0 if it is not listed) and whether it is listed
        /// (1, the flag), its word feature, the end space.
        @inline(__always) func endWord(_ wordLength: Int) -> (odds: Int32, listed: UInt8) {
            // `SpanTable.wordKey` from a table, without a branch (a word's length is as
            // unpredictable as its language): the mask and the length byte for its length, or
            // for 8 letters and more all of the register and no length.
            let c = 2 &* min(wordLength, 8)
            let key = (reg & keyMasks[c]) | keyMasks[c &+ 1]
            let (index, fingerprint) = SpanTable.bucket(ofKey: key, shift: tableShift)
            let entry = (tableBase + 2 &* index).loadUnaligned(as: UInt16.self)
            if wordFeatures {
                sum &+= differences[Int(truncatingIfNeeded: ((key ^ FeatureExtractor.wordSalt) &* m) &>> shift)]
            }
            reg = (reg &<< 8) | 0x20
            sum &+= differences[Int(truncatingIfNeeded: ((reg & mask) &* m) &>> shift)]
            let hit = UInt8(truncatingIfNeeded: entry &>> 8) == fingerprint
            return (hit ? Int32(Int8(truncatingIfNeeded: entry)) : 0, hit ? 1 : 0)
        }

        /// The token's record (`TokenScanState.endToken` with the state in locals; the text's
        /// own sums, which the classifier keeps, are not needed here).
        @inline(__always) func record(start: Int, end: Int, letters: Int32, odds: Int32, flags: UInt8) {
            columns.record(count, start: start, end: end, letters: letters, ngram: sum, odds: odds, flags: flags,
                           weights, evidenceCount: &evidenceCount)
            count &+= 1
            sum = 0
        }

        // The first token, perhaps begun in the general loop.
        var tokenStart = t.tokenStart, flags = t.flags
        if tokenStart < 0 {
            tokenStart = j
            if p[j] < 0x61 { flags = 2 }
            if isolate { reg = FeatureExtractor.allSpaces }
        }
        guard word(UInt64(p[j] | 0x20)), let firstEnd = tokenEnd(afterSpace: t.hot.tokenStart) else {
            // Unfinished: the general loop goes on with it.
            i = j
            t.hot.reg = reg
            t.hot.wordLength = j &+ lengthBase
            t.difference = sum
            t.tokenStart = tokenStart
            t.flags = flags
            return
        }
        let wordLength = j &+ lengthBase
        let listed = endWord(wordLength)
        let odds = t.odds &+ listed.odds
        let letters = t.hot.tokenLetters &+ wordLength
        record(start: tokenStart, end: firstEnd, letters: t.hot.junk ? 0 : Int32(truncatingIfNeeded: letters), odds: odds,
               flags: flags | listed.listed)
        t.hot.junk = false
        t.hot.tokenLetters = 0
        t.hashtag = false
        t.odds = 0
        t.flags = 0
        t.tokenStart = -1
        var end = firstEnd
        var afterSpace = t.hot.tokenStart
        // Every later token: a word of its own from right after a space, so it has letters and
        // evidence, and its evidence columns are written through pointers that advance with it.
        let firstEvidence = columns.evidence
        var index = columns.evidenceIndex + evidenceCount, evidence = columns.evidence + evidenceCount
        while end < n {
            j = end &+ 1
            afterSpace = j
            guard j < n else { break }
            let folded = UInt64(fold[Int(p[j])])
            guard folded != 0 else { break }
            let start = j
            lengthBase = -start
            let capital: UInt8 = p[j] < 0x61 ? 2 : 0
            if isolate { reg = FeatureExtractor.allSpaces }
            guard word(folded), let e = tokenEnd(afterSpace: start) else {
                t.tokenStart = start
                t.flags = capital
                t.difference = sum
                t.hot.reg = reg
                t.hot.wordLength = j &+ lengthBase
                t.hot.tokenStart = afterSpace
                t.count = count
                t.evidenceCount = evidence - firstEvidence
                i = j
                return
            }
            let wordLength = j &+ lengthBase
            let (odds, listed) = endWord(wordLength)
            let flags = capital | listed
            // `TokenColumns.record` for a token with letters.
            columns.tokens[count] = TokenRecord(start: start, end: e, letters: Int32(truncatingIfNeeded: wordLength), ngram: sum,
                                                odds: odds, flags: flags)
            index.pointee = Int32(truncatingIfNeeded: count)
            evidence.pointee = weights.evidence(ngram: sum, odds: odds, flags: flags, first: evidence == firstEvidence)
            index += 1
            evidence += 1
            count &+= 1
            sum = 0
            end = e
        }
        // Between tokens: the next byte is not a letter (or the text ended).
        i = end < n ? end &+ 1 : n
        t.hot.tokenStart = afterSpace
        t.hot.reg = reg
        t.hot.wordLength = 0
        t.difference = 0
        t.count = count
        t.evidenceCount = evidence - firstEvidence
    }
}

/// Where the scan writes each token's record and evidence (`SpanBuffers`' pointers, taken once per text).
struct TokenColumns {
    let tokens: UnsafeMutablePointer<TokenRecord>
    let evidenceIndex: UnsafeMutablePointer<Int32>
    let evidence: UnsafeMutablePointer<Float>

    @inline(__always)
    init(_ b: SpanBuffers) {
        (tokens, evidenceIndex, evidence) = (b.tokens, b.evidenceIndex, b.evidence)
    }

    /// Writes token `k`'s columns and, if it has letters, its evidence (weighed here rather
    /// than in a pass of its own over the columns: `LanguageSpanDetector.weigh`).
    @inline(__always)
    func record(_ k: Int, start: Int, end: Int, letters: Int32, ngram: Int32, odds: Int32, flags: UInt8,
                _ weights: EvidenceWeights, evidenceCount: inout Int) {
        tokens[k] = TokenRecord(start: start, end: end, letters: letters, ngram: ngram, odds: odds, flags: flags)
        if letters > 0 {
            evidenceIndex[evidenceCount] = Int32(truncatingIfNeeded: k)
            evidence[evidenceCount] = weights.evidence(ngram: ngram, odds: odds, flags: flags, first: evidenceCount == 0)
            evidenceCount &+= 1
        }
    }
}

/// The span scan's state: the classifier's loop state plus the current token's word-list odds
/// and flags, and where its columns go.
struct TokenScanState {
    var hot: HotLoopState
    let columns: TokenColumns
    /// True: each token starts from an all-space register (see `LanguageSpanDetector.isolateTokens`).
    let isolate: Bool
    let english: Int
    let spanish: Int
    let tableBase: UnsafeRawPointer
    let tableShift: UInt64
    let weights: EvidenceWeights
    /// `NgramDifferences.table`, and the current token's sum of it from `wordTokens` (added to
    /// the lanes' English minus Spanish at the token's end).
    let differences: UnsafePointer<Int32>
    var difference: Int32 = 0
    /// `NgramDifferences.fold` and `.keyMasks`.
    let fold: UnsafePointer<UInt8>
    let keyMasks: UnsafePointer<UInt64>
    /// See `LanguageSpanDetector.lastNonLetter`.
    let lastNonLetter: Int
    var count = 0
    var evidenceCount = 0
    /// The current token's first byte (-1 between tokens).
    var tokenStart = -1
    var odds: Int32 = 0
    var flags: UInt8 = 0
    var hashtag = false
    /// A byte ≥ 0x80 was read (`SpanBuffers.nonASCII`).
    var nonASCII = false

    /// Word features on, classes en and es first, isolated tokens, a span table of 2^17
    /// buckets: what `wordTokens` takes as constants (with the n-gram mask and shift).
    var hasShippedShape: Bool { hot.wordFeatures && english == 0 && spanish == 1 && isolate && tableShift == 47 }

    @inline(__always)
    init(hot: HotLoopState, columns: TokenColumns, isolate: Bool, english: Int, spanish: Int, tableBase: UnsafeRawPointer,
         tableShift: UInt64, weights: EvidenceWeights, differences: NgramDifferences, lastNonLetter: Int) {
        self.weights = weights
        self.differences = UnsafePointer(differences.table)
        fold = UnsafePointer(differences.fold)
        keyMasks = UnsafePointer(differences.keyMasks)
        self.lastNonLetter = lastNonLetter
        self.hot = hot
        self.columns = columns
        self.isolate = isolate
        self.english = english
        self.spanish = spanish
        self.tableBase = tableBase
        self.tableShift = tableShift
    }

    /// The word that just ended: its word-list odds, then the classifier's word feature.
    @inline(__always)
    mutating func endWord(shift: UInt64) {
        let key = SpanTable.wordKey(hot.reg, hot.wordLength)
        let (index, fingerprint) = SpanTable.bucket(ofKey: key, shift: tableShift)
        let entry = (tableBase + 2 &* index).loadUnaligned(as: UInt16.self)
        if UInt8(truncatingIfNeeded: entry &>> 8) == fingerprint {
            odds &+= Int32(Int8(truncatingIfNeeded: entry))
            flags |= 1
        }
        hot.endWord(shift: shift)
    }

    /// Records the token that ends at byte `end` and starts the next.
    @inline(__always)
    mutating func endToken(_ end: Int) {
        var (even, odd) = hot.widenedLanes
        if hot.spilled { even &+= hot.tokenEven; odd &+= hot.tokenOdd }
        // The shipped model's classes start en, es: lanes 0 of the even and odd halves.
        let e: Int32, o: Int32
        if english == 0 && spanish == 1 {
            (e, o) = (even[0], odd[0])
        } else {
            let total = SIMD8(even[0], odd[0], even[1], odd[1], even[2], odd[2], even[3], odd[3])
            (e, o) = (total[english], total[spanish])
        }
        columns.record(count, start: tokenStart, end: end, letters: hot.junk ? 0 : Int32(truncatingIfNeeded: hot.tokenLetters),
                       ngram: e &- o &+ difference, odds: odds, flags: flags, weights, evidenceCount: &evidenceCount)
        count &+= 1
        difference = 0
        if hashtag { hot.junk = true }
        hot.endToken()
        hashtag = false
        tokenStart = -1
        odds = 0
        flags = 0
    }
}

/// The model's weight table as the scan's word loop reads it: per bucket, the English weight
/// minus the Spanish one as one Int32, which is all a token's evidence needs of its row. A word's
/// letters then add one Int32 each (one `add` from memory) instead of a row of eight Int16
/// lanes, and the sum cannot overflow within any text (it wraps like the lanes' Int32 sums do,
/// so e − o of the rows and the sum of the differences are the same bits): no 64-letter runs,
/// no spills. Made once per detector (2^17 buckets for the shipped model).
final class NgramDifferences: @unchecked Sendable {
    let table: UnsafeMutablePointer<Int32>
    /// Per byte value: an ASCII letter folded to lower case (`b | 0x20`), 0 for any other byte.
    /// The word loop's letter test is a load from it: its values are not known to the compiler
    /// as the range test's were, which had it mask the register again at every letter.
    let fold: UnsafeMutablePointer<UInt8>
    /// For a word of 0-7 letters, the mask of its bytes in the register and its length in the
    /// top byte, then for 8 and more all bits and 0 (`SpanTable.wordKey` as a table: without a
    /// branch, and without a shift by a variable, which on x86-64 ties up `cl`).
    let keyMasks: UnsafeMutablePointer<UInt64>

    init(_ model: LanguageModel) {
        keyMasks = .allocate(capacity: 18)
        for length in 0...8 {
            (keyMasks + 2 * length).initialize(to: length < 8 ? UInt64.max &>> UInt64(64 &- 8 &* length) : UInt64.max)
            (keyMasks + 2 * length + 1).initialize(to: length < 8 ? UInt64(length) &<< 56 : 0)
        }
        fold = .allocate(capacity: 256)
        for b in 0..<256 {
            let folded = UInt8(b) | 0x20
            (fold + b).initialize(to: folded &- 0x61 < 26 ? folded : 0)
        }
        let rows = 1 << (64 - Int(model.extractor.shift))
        table = .allocate(capacity: rows)
        let wide = model.wideTable, en = model.englishClass, es = model.spanishClass
        withExtendedLifetime(model.storage) {
            for r in 0..<rows { (table + r).initialize(to: Int32(wide[r][en]) &- Int32(wide[r][es])) }
        }
    }

    deinit {
        table.deallocate()
        fold.deallocate()
        keyMasks.deallocate()
    }
}
