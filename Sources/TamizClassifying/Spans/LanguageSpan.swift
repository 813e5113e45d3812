/// `LanguageSpanDetector.Span` under the name our own targets use.
package typealias LanguageSpan = LanguageSpanDetector.Span

extension LanguageSpanDetector {
    /// One maximal run of one language inside a text, as `LanguageSpanDetector` finds it.
    ///
    /// `bytes` are UTF-8 offsets into the text the detector read, `scalars` the same span in Unicode
    /// code points (so Python's `line[start:end]` is the span); both are end-exclusive and cover
    /// whole whitespace tokens, without the whitespace around them. Punctuation, numbers, @handles,
    /// URLs and emoji belong to the span around them; between two languages, a run of them is an
    /// `und` span of its own. `letters` counts the letters the languages were judged on.
    ///
    /// `SpanDetectorTests` checks the offsets (`codePointOffsetsCountCharactersNotBytes`, `spansAreOrderedAndDoNotOverlap`).
    public struct Span: Sendable, Equatable {
        public var language: Language
        /// For English and Spanish, the probability of this language against the other, from the
        /// span's summed word evidence; 1 for an `und` span without letters.
        public var confidence: Float
        public var bytes: Range<Int>
        public var scalars: Range<Int>
        public var letters: Int

        public init(language: Language, confidence: Float, bytes: Range<Int>, scalars: Range<Int>, letters: Int) {
            self.language = language
            self.confidence = confidence
            self.bytes = bytes
            self.scalars = scalars
            self.letters = letters
        }
    }
}

/// What the detector's scan records for one whitespace token.
package struct SpanToken: Sendable, Equatable {
    /// Byte range in the text.
    package var start: Int
    package var end: Int
    /// Letters outside junk tokens (0: the token carries no language evidence).
    package var letters: Int
    /// English minus Spanish n-gram score of the token's features (`LanguageModel` units).
    package var ngram: Int32
    /// Summed word-list log-odds of its words (`SpanTable` units), and whether any word was listed.
    package var odds: Int32
    package var listed: Bool
    /// The token starts with an upper-case letter.
    package var capitalised: Bool

    package init(start: Int, end: Int, letters: Int, ngram: Int32, odds: Int32, listed: Bool, capitalised: Bool) {
        self.start = start
        self.end = end
        self.letters = letters
        self.ngram = ngram
        self.odds = odds
        self.listed = listed
        self.capitalised = capitalised
    }
}

/// `LanguageSpanDetector.Scratch` under the name our own targets use.
package typealias SpanScratch = LanguageSpanDetector.Scratch

extension LanguageSpanDetector {
    /// Reusable buffers for `LanguageSpanDetector`: after the first few texts, detecting spans
    /// allocates nothing (the span benchmark counts mallocs). One per thread: a copy shares the
    /// buffers until the next `detect`, which then gives the copy its own.
    ///
    /// `SpanDetectorTests` detects into one (`invalidUTF8AndNULAreReadWithoutCrashing`); the span benchmark counts its mallocs.
    public struct Scratch: Sendable {
        /// The spans of the last text passed to `LanguageSpanDetector.detect(_:into:)`.
        public internal(set) var spans: [LanguageSpanDetector.Span] = []
        var buffers = SpanBuffers()

        public init() { spans.reserveCapacity(16) }

        /// Makes the buffers this scratch's own (a copy shared them) before they are written.
        mutating func ownBuffers() {
            if !isKnownUniquelyReferenced(&buffers) { buffers = SpanBuffers() }
        }
    }
}

/// The per-token columns behind `SpanScratch`, as raw memory: the scan and the decoder write
/// them through pointers (as Swift arrays, every append checked uniqueness and capacity).
final class SpanBuffers: @unchecked Sendable {
    private(set) var capacity = 0
    var count = 0
    /// Per token, in one record (one pointer for the scan to keep, not six).
    var tokens = UnsafeMutablePointer<TokenRecord>.allocate(capacity: 1)
    /// Per token: 0 und, 1 English, 2 Spanish (tooling only: `LanguageSpanDetector.labelTokens`).
    var label = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    /// Per evidence token (tokens with letters): its index, evidence, context evidence, back pointers.
    var evidenceCount = 0
    var evidenceIndex = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    var evidence = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    var smoothed = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    var back = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    /// The decoded runs of one language: each one's first evidence index, and the first one's language.
    /// The scan saw a byte ≥ 0x80 (else code points are bytes).
    var nonASCII = false
    var runCount = 0
    var runStart = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    var firstRunEnglish = false

    /// Room for `count` tokens (contents are not kept).
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        release()
        capacity = max(count, 2 * capacity, 64)
        tokens = .allocate(capacity: capacity)
        label = .allocate(capacity: capacity)
        evidenceIndex = .allocate(capacity: capacity)
        evidence = .allocate(capacity: capacity)
        smoothed = .allocate(capacity: capacity)
        back = .allocate(capacity: capacity)
        runStart = .allocate(capacity: capacity)
    }

    private func release() {
        tokens.deallocate(); label.deallocate(); evidenceIndex.deallocate(); evidence.deallocate()
        smoothed.deallocate(); back.deallocate(); runStart.deallocate()
    }

    deinit { release() }

    static func language(_ code: UInt8) -> Language { code == 1 ? .english : code == 2 ? .spanish : .undetermined }
}

/// What the scan records for one token (`SpanToken` as the buffers hold it).
struct TokenRecord {
    /// Byte range in the text.
    var start: Int
    var end: Int
    /// Letters outside junk tokens (0: no evidence).
    var letters: Int32
    /// English minus Spanish n-gram score.
    var ngram: Int32
    /// Summed word-list log-odds.
    var odds: Int32
    /// Bit 0: a word of the token is in the span table; bit 1: it starts upper case.
    var flags: UInt8
}
