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
public struct LanguageSpanDetector: Sendable {
    public let classifier: LanguageClassifier
    public let table: SpanTable
    public var parameters: SpanParameters
    /// Tooling: false carries the register across tokens as the classifier does (for comparisons).
    package var isolateTokens = true

    public init(classifier: LanguageClassifier = LanguageClassifier(), table: SpanTable = .embedded) {
        self.classifier = classifier
        self.table = table
        self.parameters = table.parameters
    }

    /// The spans of `utf8`, in order, in `scratch.spans`.
    public func detect(_ utf8: UnsafeBufferPointer<UInt8>, into scratch: inout SpanScratch) {
        scan(utf8, into: &scratch)
        Self.decode(parameters, &scratch)
        Self.makeSpans(utf8, parameters, &scratch)
    }

    /// The spans of `text` (allocates; `detect(_:into:)` with a kept `SpanScratch` does not).
    public func spans(in text: String) -> [LanguageSpan] {
        var text = text
        var scratch = SpanScratch()
        text.withUTF8 { detect($0, into: &scratch) }
        return scratch.spans
    }

    /// Tooling: the scanned tokens of `utf8` (for fitting `SpanParameters` without rescanning).
    package func tokens(_ utf8: UnsafeBufferPointer<UInt8>) -> [SpanToken] {
        var scratch = SpanScratch()
        scan(utf8, into: &scratch)
        return scratch.tokens
    }

    /// Tooling: per-token languages for scanned `tokens` under `parameters` (`und`: no evidence).
    package static func labels(_ tokens: [SpanToken], _ parameters: SpanParameters, scratch: inout SpanScratch) -> [Language] {
        scratch.tokens = tokens
        decode(parameters, &scratch)
        return scratch.labels
    }

    /// A token's English-over-Spanish evidence in nats (see `SpanParameters`); nil without letters.
    @inline(__always)
    static func evidence(_ t: SpanToken, first: Bool, _ q: SpanParameters) -> Float? {
        guard t.letters > 0 else { return nil }
        var x = q.ngramWeight * Float(t.ngram) * 0.125 + q.wordWeight * 2.302_585 / SpanTable.oddsPerLog10 * Float(t.odds) - q.spanishPrior
        x = min(q.evidenceCap, max(-q.evidenceCap, x))
        if t.capitalised, !t.listed, !first { x *= q.capitalisedWeight }
        return x
    }

    /// Labels every token: evidence, context, Viterbi.
    static func decode(_ q: SpanParameters, _ scratch: inout SpanScratch) {
        scratch.labels.removeAll(keepingCapacity: true)
        scratch.evidenceIndex.removeAll(keepingCapacity: true)
        scratch.evidence.removeAll(keepingCapacity: true)
        scratch.smoothed.removeAll(keepingCapacity: true)
        scratch.back.removeAll(keepingCapacity: true)
        for (k, t) in scratch.tokens.enumerated() {
            scratch.labels.append(.undetermined)
            if let x = evidence(t, first: scratch.evidence.isEmpty, q) {
                scratch.evidenceIndex.append(k)
                scratch.evidence.append(x)
            }
        }
        let m = scratch.evidence.count
        guard m > 0 else { return }
        for k in 0..<m {
            let left = k > 0 ? scratch.evidence[k - 1] : 0
            let right = k + 1 < m ? scratch.evidence[k + 1] : 0
            scratch.smoothed.append(scratch.evidence[k] + q.contextWeight * (left + right))
        }
        // Two states, English and Spanish; `back` bit 0: the best path into English came from
        // Spanish, bit 1: into Spanish from English.
        var en = scratch.smoothed[0] * 0.5, es = -en
        scratch.back.append(0)
        for k in 1..<m {
            let half = scratch.smoothed[k] * 0.5
            let enFromEs = es - q.switchPenalty, esFromEn = en - q.switchPenalty
            var bits: UInt8 = 0
            let newEn: Float, newEs: Float
            if enFromEs > en { newEn = enFromEs + half; bits |= 1 } else { newEn = en + half }
            if esFromEn > es { newEs = esFromEn - half; bits |= 2 } else { newEs = es - half }
            en = newEn
            es = newEs
            scratch.back.append(bits)
        }
        var english = en >= es
        var k = m - 1
        while true {
            scratch.labels[scratch.evidenceIndex[k]] = english ? .english : .spanish
            if k == 0 { break }
            let bits = scratch.back[k]
            if english ? bits & 1 != 0 : bits & 2 != 0 { english.toggle() }
            k -= 1
        }
    }

    /// Groups labelled tokens into spans and measures them in code points.
    static func makeSpans(_ utf8: UnsafeBufferPointer<UInt8>, _ q: SpanParameters, _ scratch: inout SpanScratch) {
        scratch.spans.removeAll(keepingCapacity: true)
        let tokens = scratch.tokens
        var current: Language? = nil
        var spanStart = 0, spanEnd = 0, letters = 0
        var sum: Float = 0
        var pendingStart = -1, pendingEnd = 0  // tokens without evidence since the last labelled one
        var e = 0  // next evidence token
        func close() {
            guard let language = current else { return }
            let confidence = 1 / (1 + fastExpNegativeScalar(q.confidenceScale * abs(sum)))
            scratch.spans.append(LanguageSpan(language: language, confidence: confidence, bytes: spanStart..<spanEnd, scalars: 0..<0, letters: letters))
        }
        for (k, t) in tokens.enumerated() {
            let label = scratch.labels[k]
            if label == .undetermined {
                if pendingStart < 0 { pendingStart = t.start }
                pendingEnd = t.end
                continue
            }
            let x = scratch.evidence[e]
            e += 1
            if label == current {
                spanEnd = t.end
                pendingStart = -1
            } else {
                if current == nil {
                    spanStart = pendingStart >= 0 ? pendingStart : t.start
                } else {
                    close()
                    if pendingStart >= 0 {
                        scratch.spans.append(LanguageSpan(language: .undetermined, confidence: 1, bytes: pendingStart..<pendingEnd, scalars: 0..<0, letters: 0))
                    }
                    spanStart = t.start
                }
                pendingStart = -1
                current = label
                spanEnd = t.end
                letters = 0
                sum = 0
            }
            letters += t.letters
            sum += x
        }
        if current == nil {
            if pendingStart >= 0 {
                scratch.spans.append(LanguageSpan(language: .undetermined, confidence: 1, bytes: pendingStart..<pendingEnd, scalars: 0..<0, letters: 0))
            }
        } else {
            if pendingStart >= 0 { spanEnd = pendingEnd }
            close()
        }
        // Code points: one pass up to the last span's end.
        var scalars = 0, at = 0
        for s in scratch.spans.indices {
            let r = scratch.spans[s].bytes
            while at < r.lowerBound { scalars &+= utf8[at] & 0xC0 != 0x80 ? 1 : 0; at &+= 1 }
            let start = scalars
            while at < r.upperBound { scalars &+= utf8[at] & 0xC0 != 0x80 ? 1 : 0; at &+= 1 }
            scratch.spans[s].scalars = start..<scalars
        }
    }
}

/// exp(-x) for one x ≥ 0 (`fastExpNegative`'s lane 0; 0 above 30).
@inline(__always)
func fastExpNegativeScalar(_ x: Float) -> Float {
    fastExpNegative(SIMD8(repeating: min(x, 31)), zeroAbove: 30)[0]
}
