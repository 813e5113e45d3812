/// What the cleaner's model knows about one non-blank line: counts from the line's single scan
/// (``LineScan``) and how often the line occurs in its document. Numbers only, so a table of them
/// (one row per dev-scrape line, `Data/cleaner/lines.tsv`) carries no page text; the model is
/// fitted from that table and reads the same numbers at run time (``CleanerModel``).
package struct LineEvidence: Sendable, Equatable {
    /// UTF-8 bytes of the line.
    package var bytes: Int32 = 0
    /// Whitespace-separated words that hold a letter (``LineFeatures/words``).
    package var spacedWords: Int32 = 0
    /// Folded words with a letter, folded words of digits only, and function words (see ``LineScan``).
    package var words: Int32 = 0
    package var numbers: Int32 = 0
    package var stops: Int32 = 0
    package var englishStops: Int32 = 0
    package var spanishStops: Int32 = 0
    /// Capitalised non-function words, and all non-function words.
    package var capitalized: Int32 = 0
    package var contentWords: Int32 = 0
    /// Glued menu items (`NewsSport`), `|`/`•`/`·` separators, sentence breaks, date words.
    package var glued: Int32 = 0
    package var separators: Int32 = 0
    package var sentenceBreaks: Int32 = 0
    package var dateWords: Int32 = 0
    /// Copies of the line (by its folded words) in the document.
    package var copies: Int32 = 0
    /// Lines of the document that start with the same folded word / end with the same one.
    package var headCopies: Int32 = 0
    package var tailCopies: Int32 = 0
    /// ``Flag`` bits.
    package var flags: UInt16 = 0
    /// Topic words of the line (4+ bytes, not a function word; at most 65,535 are counted), and
    /// how many of them occur in at least one / two other lines of 8+ words in the document
    /// (`LineCleaner.evidence`). Two bytes each, so a window's per-line table stays small
    /// (`ResourceTests`).
    package var topicWords: UInt16 = 0
    package var sharedTopicWords: UInt16 = 0
    package var widelySharedTopicWords: UInt16 = 0
    /// Symbols of program code and calls (`name(`) in the line (``LineScan``), at most 65,535.
    package var codeSymbols: UInt16 = 0
    package var calls: UInt16 = 0

    package init() {}

    /// Bits of ``flags``: line shape and the generic cue classes of ``PhraseLists``.
    package enum Flag {
        package static let punctuated: UInt16 = 1 << 0
        package static let hasLetter: UInt16 = 1 << 1
        /// The whole line is a navigation label.
        package static let navigationLine: UInt16 = 1 << 2
        package static let boilerplateCue: UInt16 = 1 << 3
        package static let commentCue: UInt16 = 1 << 4
        package static let linkCue: UInt16 = 1 << 5
        /// A link cue within the first three words.
        package static let leadingLinkCue: UInt16 = 1 << 6
        package static let creditCue: UInt16 = 1 << 7
        /// The first word opens a byline (`By`, `Por`).
        package static let bylineOpener: UInt16 = 1 << 8
        /// The first copy of a line that occurs more than once.
        package static let firstCopy: UInt16 = 1 << 9
        /// The previous / next non-blank line starts with the same word, or ends with the same word.
        package static let previousSameHead: UInt16 = 1 << 10
        package static let nextSameHead: UInt16 = 1 << 11
        package static let previousSameTail: UInt16 = 1 << 12
        package static let nextSameTail: UInt16 = 1 << 13
        /// The line ends like a line of code (``LineScan/codeEnding``).
        package static let codeEnding: UInt16 = 1 << 14
    }

    /// The numbers of one scanned line (its copies are counted over the document afterwards).
    init(_ scan: LineScan, bytes: Int, lookup: WordLookup) {
        self.bytes = Int32(clamping: bytes)
        spacedWords = Int32(clamping: scan.spacedWords)
        words = Int32(clamping: scan.words)
        numbers = Int32(clamping: scan.numbers)
        stops = Int32(clamping: scan.stops)
        englishStops = Int32(clamping: scan.englishStops)
        spanishStops = Int32(clamping: scan.spanishStops)
        capitalized = Int32(clamping: scan.capitalized)
        contentWords = Int32(clamping: scan.contentWords)
        glued = Int32(clamping: scan.glued)
        separators = Int32(clamping: scan.separators)
        sentenceBreaks = Int32(clamping: scan.sentenceBreaks)
        dateWords = Int32(clamping: scan.dateWords)
        codeSymbols = UInt16(clamping: scan.codeSymbols)
        calls = UInt16(clamping: scan.calls)
        var bits: UInt16 = 0
        if scan.punctuated { bits |= Flag.punctuated }
        if scan.hasLetter { bits |= Flag.hasLetter }
        if lookup.flags(scan.lineKey).contains(.navigationLine) { bits |= Flag.navigationLine }
        if scan.cues.contains(.boilerplateCue) { bits |= Flag.boilerplateCue }
        if scan.cues.contains(.commentCue) { bits |= Flag.commentCue }
        if scan.cues.contains(.linkCue) { bits |= Flag.linkCue }
        if scan.leadingCues.contains(.linkCue) { bits |= Flag.leadingLinkCue }
        if scan.cues.contains(.creditCue) { bits |= Flag.creditCue }
        if scan.firstWord.contains(.bylineOpener) { bits |= Flag.bylineOpener }
        if scan.codeEnding { bits |= Flag.codeEnding }
        flags = bits
    }

    @inline(__always)
    package func has(_ flag: UInt16) -> Bool { flags & flag != 0 }

    /// The evidence fields in table order (``fieldNames``).
    package var fields: [Int32] {
        [bytes, spacedWords, words, numbers, stops, englishStops, spanishStops, capitalized, contentWords,
         glued, separators, sentenceBreaks, dateWords, copies, headCopies, tailCopies, Int32(flags),
         Int32(topicWords), Int32(sharedTopicWords), Int32(widelySharedTopicWords), Int32(codeSymbols), Int32(calls)]
    }

    /// Column names of ``fields`` in the feature table.
    package static let fieldNames = [
        "bytes", "spaced_words", "words", "numbers", "stops", "english_stops", "spanish_stops", "capitalized",
        "content_words", "glued", "separators", "sentence_breaks", "date_words", "copies", "head_copies", "tail_copies",
        "flags", "topic_words", "shared_topic_words", "widely_shared_topic_words", "code_symbols", "calls",
    ]

    /// Rebuilds evidence from ``fields`` (`nil` when the count is wrong).
    package init?(fields: [Int32]) {
        guard fields.count == Self.fieldNames.count, let flagBits = UInt16(exactly: fields[16]) else { return nil }
        bytes = fields[0]; spacedWords = fields[1]; words = fields[2]; numbers = fields[3]; stops = fields[4]
        englishStops = fields[5]; spanishStops = fields[6]; capitalized = fields[7]; contentWords = fields[8]
        glued = fields[9]; separators = fields[10]; sentenceBreaks = fields[11]; dateWords = fields[12]
        copies = fields[13]; headCopies = fields[14]; tailCopies = fields[15]; flags = flagBits
        topicWords = UInt16(clamping: fields[17]); sharedTopicWords = UInt16(clamping: fields[18])
        widelySharedTopicWords = UInt16(clamping: fields[19])
        codeSymbols = UInt16(clamping: fields[20]); calls = UInt16(clamping: fields[21])
    }
}
