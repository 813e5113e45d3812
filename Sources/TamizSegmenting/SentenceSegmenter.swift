import CICUSentenceBreak

/// Splits one paragraph of UTF-8 text into sentences (ICU + Tamiz's own abbreviation rules, EN and ES).
///
/// ICU's sentence rules (root, without its `@ss=standard` abbreviation suppressions) propose the breaks;
/// Tamiz then drops the ones after abbreviations, initials and list numbers, and adds the ones ICU
/// misses in Spanish (`¿`, `¡`, dialogue dashes) and after `…`.
///
/// Holds an ICU break iterator: use one instance per thread. Not `Sendable`.
public final class SentenceSegmenter {
    /// The default cap on a sentence's length in bytes: 4096.
    public static let defaultMaxSentenceBytes: Int = 4096

    /// No returned sentence is longer than this many bytes.
    public let maxSentenceBytes: Int

    /// ICU reports boundaries as Int32, so longer paragraphs are segmented in windows of this size
    /// (cut at whitespace); a sentence straddling two windows is split there.
    let windowBytes: Int

    /// Whether ICU reads only the spans around terminators (see `segmentWindow`); false has it read
    /// whole windows, to check that both give the same sentences.
    let readsOnlyNearTerminators: Bool

    /// Abbreviations before their final period: the hand-written list plus the generated table.
    let abbreviations: [WordKey: AbbreviationKind]

    private let breaker: OpaquePointer

    /// Opens ICU's sentence break iterator.
    /// - Parameter maxSentenceBytes: must be at least 4 (room for any UTF-8 character).
    /// - Throws: `OpenError` if ICU fails to open (e.g. its data is missing).
    public convenience init(maxSentenceBytes: Int = SentenceSegmenter.defaultMaxSentenceBytes) throws(OpenError) {
        try self.init(maxSentenceBytes: maxSentenceBytes, windowBytes: 1 << 30)
    }

    /// A segmenter with another abbreviation list, for tools that measure one (`tamiz-train segmentation`).
    package convenience init(abbreviations: [WordKey: AbbreviationKind]) throws(SegmenterError) {
        try self.init(maxSentenceBytes: SentenceSegmenter.defaultMaxSentenceBytes, windowBytes: 1 << 30, abbreviations: abbreviations)
    }

    init(
        maxSentenceBytes: Int, windowBytes: Int, readsOnlyNearTerminators: Bool = true,
        abbreviations: [WordKey: AbbreviationKind] = Lexicon.abbreviations
    ) throws(SegmenterError) {
        precondition(maxSentenceBytes >= 4, "maxSentenceBytes must be at least 4")
        precondition(windowBytes >= 64 && windowBytes < Int(Int32.max), "windowBytes out of range")
        var error: Int32 = 0
        guard let breaker = tz_sentence_breaker_open(&error) else {
            throw SegmenterError(icuErrorCode: error)
        }
        self.breaker = breaker
        self.maxSentenceBytes = maxSentenceBytes
        self.windowBytes = windowBytes
        self.readsOnlyNearTerminators = readsOnlyNearTerminators
        self.abbreviations = abbreviations
    }

    deinit {
        tz_sentence_breaker_close(breaker)
    }

    /// Appends, in order, the byte ranges of the sentences in `text` (one paragraph/line, no newline needed;
    /// may contain any bytes incl. invalid UTF-8 and NUL: never crash) to `ranges`. Ranges are trimmed of
    /// surrounding whitespace; whitespace-only text yields none. No sentence is longer than maxSentenceBytes:
    /// longer ones are cut at the last whitespace before the cap (else at a UTF-8 character boundary).
    public func appendSentences(of text: UnsafeBufferPointer<UInt8>, to ranges: inout [Range<Int>]) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        var lo = 0
        while lo < text.count {
            let hi = windowEnd(base, from: lo, count: text.count)
            segmentWindow(TextView(bytes: base, lo: lo, hi: hi), into: &ranges)
            lo = hi
        }
    }

    /// Convenience for library users and tests: the sentences of `text`, trimmed.
    public func sentences(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            appendSentences(of: bytes, to: &ranges)
            return ranges.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// ICU's breaks alone, trimmed: no Tamiz rules, no length cap. Only to measure what the rules add.
    func icuOnlySentences(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress,
                  tz_sentence_breaker_set_text(breaker, base, Int64(bytes.count)) == 0 else { return [] }
            let view = TextView(bytes: base, lo: 0, hi: bytes.count)
            var sentences: [String] = []
            var start = 0
            while true {
                let next = tz_sentence_breaker_next(breaker)
                if next < 0 { break }
                let a = view.skipSpace(from: start, to: Int(next))
                let b = view.trimEnd(a, Int(next))
                if a < b { sentences.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a ..< b]), as: UTF8.self)) }
                start = Int(next)
            }
            return sentences
        }
    }

    // MARK: -

    private func windowEnd(_ base: UnsafePointer<UInt8>, from lo: Int, count: Int) -> Int {
        guard count - lo > windowBytes else { return count }
        let view = TextView(bytes: base, lo: lo, hi: count)
        let limit = lo + windowBytes
        var w = limit
        while w > limit - windowBytes / 2 {
            if view.isSpace(at: w) { return w }
            w -= 1
        }
        var c = limit
        while c > lo && base[c] & 0xC0 == 0x80 && limit - c < 3 { c -= 1 }
        return base[c] & 0xC0 == 0x80 ? limit : c
    }

    /// ICU's boundaries in `text`, each kept or dropped by `SentenceRules`, then the sentences emitted.
    ///
    /// Under UAX #29 a sentence can end before the end of the text only right after a run that starts
    /// with an STerm/ATerm character (`.` `!` `?` `。` …) or a paragraph separator (SB4, SB11; every
    /// other rule says "do not break"), and whether it does depends only on the word before and the
    /// text up to the next letter (SB7, SB8). So ICU segments only the spans around such characters
    /// (`tz_sentence_breaker_span`), never the words between them, and not a final run of terminators,
    /// closing marks and spaces, whose only boundary is the end (SB8a, SB9, SB10): same ICU, same
    /// rules, same boundaries (`TerminatorSpanTests` compares both ways over the shared dev corpora
    /// and scrapes). What it saves: Docs/Measurements.md.
    private func segmentWindow(_ text: TextView, into ranges: inout [Range<Int>]) {
        let rules = SentenceRules(text: text, maxSentenceBytes: maxSentenceBytes, abbreviations: abbreviations)
        var start = text.lo
        forEachICUBoundary(in: text) { boundary in
            if boundary <= start { return }
            switch rules.decide(start: start, boundary: boundary) {
            case .merge:
                // A segment of only whitespace (ICU puts a boundary after every CR, NEL, U+2028 and
                // U+2029) moves the start past it: the rules trim it anyway, and each boundary then
                // looks at new bytes only instead of rescanning the whole run (quadratic before).
                if text.skipSpace(from: start, to: boundary) == boundary { start = boundary }
                return
            case .split:
                rules.emit(start: start, end: boundary, into: &ranges)
                start = boundary
            case .splitAt(let end):
                rules.emit(start: start, end: end, into: &ranges)
                start = end
            }
        }
        rules.emit(start: start, end: text.hi, into: &ranges)
    }

    /// Calls `body` with ICU's boundaries inside `text`, in order (not its end).
    /// On an ICU failure the rest has none (Tamiz's own breaks and the cap still apply).
    @inline(__always)
    private func forEachICUBoundary(in text: TextView, _ body: (Int) -> Void) {
        let base = text.bytes + text.lo
        let count = Int64(text.hi - text.lo)
        var terminator = readsOnlyNearTerminators ? tz_sentence_breaker_next_terminator(breaker, base, 0, count) : 0
        var floor: Int64 = 0
        while terminator >= 0 {
            var spanEnd = count
            var nextTerminator: Int64 = -1
            let spanStart = readsOnlyNearTerminators
                ? tz_sentence_breaker_span(breaker, base, terminator, floor, count, &spanEnd, &nextTerminator) : 0
            guard tz_sentence_breaker_set_text(breaker, base + Int(spanStart), spanEnd - spanStart) == 0 else { return }
            while true {
                let next = tz_sentence_breaker_next(breaker)
                // The end of a span is not a boundary (a letter comes right before it), nor the end of the text.
                if next < 0 || spanStart + next >= spanEnd || spanStart + next >= count { break }
                body(text.lo + Int(spanStart + next))
            }
            floor = spanEnd
            terminator = nextTerminator
        }
    }

    /// ICU's raw boundaries in `text` (byte offsets, not its end): what `SentenceRules` starts from.
    func icuBoundaries(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return [] }
            var boundaries: [Int] = []
            forEachICUBoundary(in: TextView(bytes: base, lo: 0, hi: bytes.count)) { boundaries.append($0) }
            return boundaries
        }
    }
}
