/// Finds the maximal runs of English and Spanish inside a text (code-switched sentences such as
/// `I told her que no me importa, she can do whatever she wants`).
///
/// One pass scores every whitespace token with the classifier's n-gram model and looks its words
/// up in the span table's word-list log-odds (`scan`); each word's evidence is then weighed with
/// its neighbours' and decoded over the text by a two-state Viterbi with a switch penalty
/// (`decode`), so that one ambiguous word (`no`, `me`, `a`, a name) does not flip a span.
/// `SpanParameters` says how; they are fitted on sentences spliced from the licensed training
/// corpus. Tokens without letters join the span around them. Allocation-free once `SpanScratch`
/// has grown (the span benchmark counts mallocs); safe to share across threads (each thread its own scratch).
///
/// `SpanDetectorTests` shows the spans of real code-switched sentences; `MixedAwareTests` the mixed-aware confidence.
public struct LanguageSpanDetector: Sendable {
    public let classifier: LanguageClassifier
    package let table: SpanTable
    /// The model's English-minus-Spanish weight per bucket, for the scan's word loop.
    let differences: NgramDifferences
    package var parameters: SpanParameters
    /// Tooling: false carries the register across tokens as the classifier does (for comparisons).
    package var isolateTokens = true

    /// A detector with the built-in span table.
    public init(classifier: LanguageClassifier = LanguageClassifier()) {
        self.init(classifier: classifier, table: .embedded)
    }

    package init(classifier: LanguageClassifier, table: SpanTable) {
        self.classifier = classifier
        self.table = table
        self.parameters = table.parameters
        differences = NgramDifferences(classifier.model)
    }

    /// The spans of `utf8`, in order, in `scratch.spans`.
    public func detect(_ utf8: UnsafeBufferPointer<UInt8>, into scratch: inout Scratch) {
        scratch.ownBuffers()
        scan(utf8, into: &scratch)
        Self.decode(parameters, scratch.buffers)
        Self.makeSpans(utf8, parameters, &scratch)
    }

    /// The spans of `text` (allocates; `detect(_:into:)` with a kept `SpanScratch` does not).
    public func spans(in text: String) -> [Span] {
        var text = text
        var scratch = SpanScratch()
        text.withUTF8 { detect($0, into: &scratch) }
        return scratch.spans
    }

    /// Tooling: the scanned tokens of `utf8` (for fitting `SpanParameters` without rescanning).
    package func tokens(_ utf8: UnsafeBufferPointer<UInt8>) -> [SpanToken] {
        var scratch = SpanScratch()
        scan(utf8, into: &scratch)
        let b = scratch.buffers
        return (0..<b.count).map { k in
            let r = b.tokens[k]
            return SpanToken(start: r.start, end: r.end, letters: Int(r.letters), ngram: r.ngram, odds: r.odds,
                             listed: r.flags & 1 != 0, capitalised: r.flags & 2 != 0)
        }
    }

    /// Tooling: per-token languages for scanned `tokens` under `parameters` (`und`: no
    /// evidence), with each evidence token's evidence (`nil` for the others).
    package static func labels(_ tokens: [SpanToken], _ parameters: SpanParameters, scratch: inout SpanScratch) -> [(Language, Float?)] {
        scratch.ownBuffers()
        let b = scratch.buffers
        b.reserve(tokens.count)
        for (k, t) in tokens.enumerated() {
            b.tokens[k] = TokenRecord(start: t.start, end: t.end, letters: Int32(t.letters), ngram: t.ngram, odds: t.odds,
                                      flags: (t.listed ? 1 : 0) | (t.capitalised ? 2 : 0))
        }
        b.count = tokens.count
        weigh(parameters, b)
        decode(parameters, b)
        labelTokens(b)
        var evidence = [Float?](repeating: nil, count: tokens.count)
        for e in 0..<b.evidenceCount { evidence[Int(b.evidenceIndex[e])] = b.evidence[e] }
        return (0..<tokens.count).map { (SpanBuffers.language(b.label[$0]), evidence[$0]) }
    }

    /// Tests: the runs `decode` finds for `evidence` (each run's first index, the first run's
    /// language), and those of the Viterbi always run (`decodeFully`).
    package static func runs(_ evidence: [Float], _ parameters: SpanParameters) -> (decoded: [Int32], english: Bool, viterbi: [Int32], viterbiEnglish: Bool) {
        let b = SpanBuffers()
        b.reserve(evidence.count)
        for (k, e) in evidence.enumerated() { b.evidence[k] = e }
        b.evidenceCount = evidence.count
        decode(parameters, b)
        let decoded = (0..<b.runCount).map { b.runStart[$0] }, english = b.firstRunEnglish
        decodeFully(parameters, b)
        return (decoded, english, (0..<b.runCount).map { b.runStart[$0] }, b.firstRunEnglish)
    }

    /// Tests: the evidence of `text` as the scan weighs it.
    package func evidence(_ text: String) -> [Float] {
        var text = text
        var scratch = SpanScratch()
        text.withUTF8 { scan($0, into: &scratch) }
        let b = scratch.buffers
        return (0..<b.evidenceCount).map { b.evidence[$0] }
    }

    /// The evidence of every token with letters, from its columns (as the scan records it:
    /// `TokenColumns.record`).
    static func weigh(_ q: SpanParameters, _ b: SpanBuffers) {
        let weights = EvidenceWeights(q)
        var m = 0
        for k in 0..<b.count {
            let r = b.tokens[k]
            guard r.letters > 0 else { continue }
            b.evidenceIndex[m] = Int32(truncatingIfNeeded: k)
            b.evidence[m] = weights.evidence(ngram: r.ngram, odds: r.odds, flags: r.flags, first: m == 0)
            m &+= 1
        }
        b.evidenceCount = m
    }

    /// Decodes the evidence tokens' languages (context, Viterbi) as runs of one language:
    /// `b.runStart` holds each run's first evidence index, in order, and `b.firstRunEnglish`
    /// the first run's language (runs alternate: there are two states).
    static func decode(_ q: SpanParameters, _ b: SpanBuffers) {
        let m = b.evidenceCount
        b.runCount = 0
        guard m > 0 else { return }
        if let english = oneRun(q, b.evidence, m) {
            b.runStart[0] = 0
            b.runCount = 1
            b.firstRunEnglish = english
            return
        }
        decodeFully(q, b)
    }

    /// The language of the single run the Viterbi below decodes when every word's evidence has
    /// the same sign (a one-language sentence, most of them), found without running it; nil when
    /// that is not certain, and the Viterbi runs. What makes it certain, in floating point too:
    /// with a switch penalty p ≥ 0 and every smoothed evidence ≥ 0 (finite), each step keeps
    /// en ≥ es (en only gains, es − p ≤ es ≤ en, and rounding is monotone), so no back pointer
    /// into English is set and the end state is English (ties go to English). Every evidence
    /// ≤ 0 keeps es ≥ en the same way, but a tie at the end would still go to English: the end
    /// is checked as the Viterbi would compute it (its es is the plain sum, its en at most
    /// es + the last half). A context weight w ≥ 0 keeps each smoothed value's sign (e + w · (l + r)).
    /// Bounds (evidence ≤ 1e30, w ≤ 1e6) keep every value finite; `SpanDetectorTests` checks
    /// it against `decodeFully` on random evidence and texts.
    @inline(__always)
    static func oneRun(_ q: SpanParameters, _ evidence: UnsafeMutablePointer<Float>, _ m: Int) -> Bool? {
        let w = q.contextWeight, penalty = q.switchPenalty
        guard w >= 0, w <= 1e6, penalty >= 0, penalty.isFinite else { return nil }
        // Non-negative floats order like their bit patterns: one unsigned compare per word
        // (NaN, negative zero and anything above the bound fail it; they take the Viterbi).
        let bound = Float(1e30).bitPattern
        if evidence[0].bitPattern <= bound {
            for k in 1..<max(m, 1) where evidence[k].bitPattern > bound { return nil }
            return true
        }
        for k in 0..<m where evidence[k].bitPattern &- 0x8000_0001 >= bound { return nil }  // -1e30 ≤ e < 0
        // es as the Viterbi computes it (it never switches), with the same smoothed values.
        @inline(__always) func spanishEnds(_ smoothed: (Int) -> Float) -> Bool? {
            let en = smoothed(0) * 0.5
            var es = -en
            guard m > 1 else { return es > en ? false : nil }
            for k in 1..<(m - 1) { es = es - smoothed(k) * 0.5 }
            let half = smoothed(m - 1) * 0.5
            return es - half > es + half ? false : nil
        }
        if w == 0 { return spanishEnds { evidence[$0] } }
        return spanishEnds { k in
            let left = k > 0 ? evidence[k - 1] : 0
            let right = k + 1 < m ? evidence[k + 1] : 0
            return evidence[k] + w * (left + right)
        }
    }

    /// The two-state Viterbi of `decode`, always run (tests compare the shortcut with it).
    static func decodeFully(_ q: SpanParameters, _ b: SpanBuffers) {
        let m = b.evidenceCount
        b.runCount = 0
        guard m > 0 else { return }
        let evidence = b.evidence, back = b.back
        let smoothed: UnsafeMutablePointer<Float>
        if q.contextWeight == 0 {
            smoothed = evidence
        } else {
            smoothed = b.smoothed
            for k in 0..<m {
                let left = k > 0 ? evidence[k - 1] : 0
                let right = k + 1 < m ? evidence[k + 1] : 0
                smoothed[k] = evidence[k] + q.contextWeight * (left + right)
            }
        }
        // Two states, English and Spanish; `back` bit 0: the best path into English came from
        // Spanish, bit 1: into Spanish from English.
        var en = smoothed[0] * 0.5, es = -en
        back[0] = 0
        let penalty = q.switchPenalty
        for k in 1..<m {
            let half = smoothed[k] * 0.5
            let enFromEs = es - penalty, esFromEn = en - penalty
            let switchToEn = enFromEs > en, switchToEs = esFromEn > es
            let newEn = (switchToEn ? enFromEs : en) + half
            let newEs = (switchToEs ? esFromEn : es) - half
            // (A Bool's byte is 0 or 1: set from the flags, where `? 1 : 0` became two branches
            // that a mixed sentence mispredicts.)
            back[k] = unsafeBitCast(switchToEn, to: UInt8.self) | unsafeBitCast(switchToEs, to: UInt8.self) &<< 1
            en = newEn
            es = newEs
        }
        // Back from the best end state; each switch ends a run (its start is stored from the
        // end of `runStart` down, then moved to the front).
        let runStart = b.runStart
        var english = en >= es
        var runs = 0
        var k = m - 1
        while k > 0 {
            if back[k] & (english ? 1 : 2) != 0 {
                english.toggle()
                runs &+= 1
                runStart[m &- runs] = Int32(truncatingIfNeeded: k)
            }
            k &-= 1
        }
        runs &+= 1
        runStart[m &- runs] = 0
        if m != runs { for r in 0..<runs { runStart[r] = runStart[m &- runs &+ r] } }  // forward: the source is above
        b.runCount = runs
        b.firstRunEnglish = english
    }

    /// Tooling: each token's label from the decoded runs (0 und, 1 English, 2 Spanish) in `b.label`.
    static func labelTokens(_ b: SpanBuffers) {
        for k in 0..<b.count { b.label[k] = 0 }
        var english = b.firstRunEnglish
        for r in 0..<b.runCount {
            let end = r + 1 < b.runCount ? Int(b.runStart[r + 1]) : b.evidenceCount
            for e in Int(b.runStart[r])..<end { b.label[Int(b.evidenceIndex[e])] = english ? 1 : 2 }
            english.toggle()
        }
    }

    /// Makes the decoded runs spans: tokens without evidence join the span around them (the
    /// first span takes those before it, the last those after it), or make an `und` span
    /// between two languages; a text without evidence is one `und` span. Measures them in code
    /// points. A span's confidence is from its evidence summed in order.
    static func makeSpans(_ utf8: UnsafeBufferPointer<UInt8>, _ q: SpanParameters, _ scratch: inout SpanScratch) {
        // (`removeAll(keepingCapacity:)` is a generic replaceSubrange, 87 instructions a text;
        // a text has one or two spans.)
        while scratch.spans.popLast() != nil {}
        let b = scratch.buffers
        let n = b.count
        guard n > 0 else { return }
        let tokens = b.tokens, evidence = b.evidence, index = b.evidenceIndex
        let runs = b.runCount, runStart = b.runStart, m = b.evidenceCount
        if runs == 0 {
            scratch.spans.append(LanguageSpan(language: .undetermined, confidence: 1, bytes: tokens[0].start..<tokens[n &- 1].end, scalars: 0..<0, letters: 0))
        } else {
            var english = b.firstRunEnglish
            var first = 0  // the run's first evidence index
            for r in 0..<runs {
                let next = r &+ 1 < runs ? Int(runStart[r &+ 1]) : m
                let firstToken = Int(index[first]), lastToken = Int(index[next &- 1])
                var sum: Float = 0
                for e in first..<next { sum += evidence[e] }
                var count = 0
                for k in firstToken...lastToken { count &+= Int(tokens[k].letters) }
                let start = r == 0 ? tokens[0].start : tokens[firstToken].start
                let end = r &+ 1 == runs ? tokens[n &- 1].end : tokens[lastToken].end
                scratch.spans.append(span(english ? 1 : 2, sum, start, end, count, q, ascii: !b.nonASCII))
                if r &+ 1 < runs {
                    let nextToken = Int(index[next])
                    if nextToken &- lastToken > 1 {
                        scratch.spans.append(LanguageSpan(language: .undetermined, confidence: 1, bytes: tokens[lastToken &+ 1].start..<tokens[nextToken &- 1].end,
                                                          scalars: 0..<0, letters: 0))
                    }
                }
                english.toggle()
                first = next
            }
        }
        // Code points: one pass up to the last span's end. In a text of ASCII only (the scan
        // saw no other byte) they are the bytes, and the spans were made with them.
        guard b.nonASCII else {
            for s in scratch.spans.indices where scratch.spans[s].language == .undetermined { scratch.spans[s].scalars = scratch.spans[s].bytes }
            return
        }
        guard let p = utf8.baseAddress else { return }
        var scalars = 0, at = 0
        for s in scratch.spans.indices {
            let r = scratch.spans[s].bytes
            scalars &+= scalarCount(p + at, r.lowerBound &- at)
            let start = scalars
            scalars &+= scalarCount(p + r.lowerBound, r.count)
            at = r.upperBound
            scratch.spans[s].scalars = start..<scalars
        }
    }

    @inline(__always)
    static func span(_ label: UInt8, _ sum: Float, _ start: Int, _ end: Int, _ letters: Int, _ q: SpanParameters, ascii: Bool) -> LanguageSpan {
        let confidence = 1 / (1 + fastExpNegativeScalar(q.confidenceScale * abs(sum)))
        return LanguageSpan(language: SpanBuffers.language(label), confidence: confidence, bytes: start..<end, scalars: ascii ? start..<end : 0..<0,
                            letters: letters)
    }

    /// Code points in `count` bytes (bytes that are not UTF-8 continuation bytes `10xxxxxx`),
    /// eight bytes at a time. The filter counts its span and attribute offsets with it too.
    /// The continuation bytes of a word are summed by one multiply (each byte 0 or 1, so the
    /// top byte of the product is their count), not a bit count: the build targets x86-64
    /// without POPCNT, where `nonzeroBitCount` is a software loop.
    @inline(__always)
    package static func scalarCount(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var c = count
        var k = 0
        while k &+ 8 <= count {
            let w = UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)
            let continuation = (w & ~(w &<< 1) & 0x8080_8080_8080_8080) &>> 7
            c &-= Int(truncatingIfNeeded: (continuation &* 0x0101_0101_0101_0101) &>> 56)
            k &+= 8
        }
        while k < count {
            if p[k] & 0xC0 == 0x80 { c &-= 1 }
            k &+= 1
        }
        return c
    }
}

/// A token's evidence from its scan (see `SpanParameters`): the same operations in the same
/// order wherever it is computed, so the same bits.
struct EvidenceWeights {
    let ngramScale: Float
    let wordScale: Float
    let spanishPrior: Float
    let cap: Float
    let capitalisedWeight: Float

    @inline(__always)
    init(_ q: SpanParameters) {
        wordScale = q.wordWeight * 2.302_585 / SpanTable.oddsPerLog10
        ngramScale = q.ngramWeight * 0.125
        spanishPrior = q.spanishPrior
        cap = q.evidenceCap
        capitalisedWeight = q.capitalisedWeight
    }

    /// `first`: no token before it in the text had letters.
    @inline(__always)
    func evidence(ngram: Int32, odds: Int32, flags: UInt8, first: Bool) -> Float {
        var x = ngramScale * Float(ngram) + wordScale * Float(odds) - spanishPrior
        x = min(cap, max(-cap, x))
        if flags == 2, !first { x *= capitalisedWeight }  // capitalised, unlisted, not first: a name
        return x
    }
}

/// exp(-x) for one x ≥ 0 (0 above 30): `fastExpNegative`'s operations on one lane, so the same
/// bits as its lane 0 (`ScalarCountTests` compares them); through the eight lanes it was most of
/// the cost of a span.
@inline(__always)
func fastExpNegativeScalar(_ x: Float) -> Float {
    let x = min(x, 31)
    let t = -x * 1.442_695_04
    let magic: Float = 12_582_912
    var shifted = t + magic
    if shifted - magic > t { shifted -= 1 }
    let whole = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000
    let f = t - (shifted - magic)
    let p = 1 + f * (0.693_147_2 + f * (0.240_226_5 + f * (0.055_504_11 + f * 0.009_618_13)))
    let scale = Float(bitPattern: UInt32(bitPattern: (whole &+ 127) &<< 23))
    let keep = ~((Int32(bitPattern: Float(30).bitPattern) &- Int32(bitPattern: x.bitPattern)) &>> 31)
    return Float(bitPattern: (p * scale).bitPattern & UInt32(bitPattern: keep))
}

extension LanguageSpanDetector {
    /// Tests: `fastExpNegativeScalar(x)` and lane 0 of `fastExpNegative` for it.
    package static func exponentials(_ x: Float) -> (scalar: Float, lanes: Float) {
        (fastExpNegativeScalar(x), fastExpNegative(SIMD8(repeating: min(x, 31)), zeroAbove: 30)[0])
    }
}
