/// What the cleaning rules measure about one line on its own, as they measure it: the public view
/// of the cleaner's single pass over the line (``LineScan``), so there is one definition of each.
///
/// Letters are judged per Unicode scalar from the UTF-8 lead byte alone: ASCII letters, and any
/// non-ASCII scalar except the blocks that hold punctuation and symbols (U+0080–U+00BF, U+2000–U+2BFF,
/// U+3000–U+303F, U+FE00–U+FFFF and the emoji planes), and `×` `÷`. That is exact for Latin text and
/// a safe over-approximation elsewhere; it never reads past the line.
package struct LineFeatures: Sendable, Equatable {
    /// Whitespace-separated words that contain at least one letter.
    package var words = 0
    /// Whether any scalar is a letter (a line without one is `no-letters` debris).
    package var hasLetter = false
    /// Whether the last non-space character is sentence punctuation (`.`, `!`, `?`, `…`, `:`, `;`
    /// or a closing quote or bracket right after one).
    package var endsWithSentencePunctuation = false
    /// Whether the line holds nothing but ASCII whitespace and U+00A0.
    package var isBlank = true

    package init() {}

    /// Measures `line`, which may hold any bytes (invalid UTF-8 is tolerated, not decoded).
    package init(_ line: UnsafeBufferPointer<UInt8>) {
        // No word list is needed for these counts: an empty table answers every lookup.
        let scan = WordTable(capacity: 1).withLookup { LineScan(line, lookup: $0) }
        words = scan.spacedWords
        hasLetter = scan.hasLetter
        endsWithSentencePunctuation = scan.punctuated
        isBlank = !scan.hasNonSpace
    }
}
