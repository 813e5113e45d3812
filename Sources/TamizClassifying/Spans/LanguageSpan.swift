/// One maximal run of one language inside a text, as `LanguageSpanDetector` finds it.
///
/// `bytes` are UTF-8 offsets into the text the detector read, `scalars` the same span in Unicode
/// code points (so Python's `line[start:end]` is the span); both are end-exclusive and cover
/// whole whitespace tokens, without the whitespace around them. Punctuation, numbers, @handles,
/// URLs and emoji belong to the span around them; between two languages, a run of them is an
/// `und` span of its own. `letters` counts the letters the languages were judged on.
public struct LanguageSpan: Sendable, Equatable {
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

/// Reusable buffers for `LanguageSpanDetector`: after the first few texts, detecting spans
/// allocates nothing (the span benchmark counts mallocs). One per thread; not shareable.
public struct SpanScratch: Sendable {
    /// The spans of the last text passed to `LanguageSpanDetector.detect(_:into:)`.
    public internal(set) var spans: [LanguageSpan] = []
    package var tokens: [SpanToken] = []
    /// Per token: its language after decoding (`und` for tokens without evidence).
    package var labels: [Language] = []
    /// Per evidence token: its index in `tokens`, its own and its context evidence, back pointers.
    package var evidenceIndex: [Int] = []
    package var evidence: [Float] = []
    var smoothed: [Float] = []
    var back: [UInt8] = []
    /// The whole text's class scores and evidence, as `LanguageModel.score` sums them.
    var sentenceScores = SIMD8<Int32>(repeating: 0)
    var sentenceLetters = 0, sentenceForeignLetters = 0, sentenceCodeMarks = 0

    public init() {
        for capacity in [64] {
            spans.reserveCapacity(capacity / 4)
            tokens.reserveCapacity(capacity)
            labels.reserveCapacity(capacity)
            evidenceIndex.reserveCapacity(capacity)
            evidence.reserveCapacity(capacity)
            smoothed.reserveCapacity(capacity)
            back.reserveCapacity(capacity)
        }
    }
}
