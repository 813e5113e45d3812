import CTamizSegmentationData

/// The frequent short words that `tamiz-train segmentation build` takes from the word lists
/// (Data/segmentation/short-words.txt, embedded in the binary): words of two to four letters that
/// can end a sentence before a lower-case word ("call me. i will"). A short lower-case word that
/// is not among them reads as an abbreviation there ("el párr. 3", "del cte. mes";
/// `SentenceSegmenterTests`). `AbbreviationTableTests` checks the file equals a rebuild.
package enum ShortWords {
    /// The words of a `short-words.txt` text (one a line; `#` lines are comments).
    package static func parse(_ text: String) -> [String] {
        text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }

    /// Whether the `count` bytes at `start` (lower-case) are one of the embedded words.
    static func contains(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        embedded.contains(WordEvidence.fingerprint(UnsafeBufferPointer(start: start, count: count), lowercasing: false))
    }

    /// The embedded words' fingerprints, read when first needed.
    static let embedded: Set<UInt64> = {
        let bytes = UnsafeBufferPointer(start: tamiz_embedded_short_words_bytes(), count: tamiz_embedded_short_words_size)
        var set = Set<UInt64>()
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd > lineStart && bytes[lineStart] != UInt8(ascii: "#") {
                set.insert(WordEvidence.fingerprint(bytes[lineStart ..< lineEnd], lowercasing: false))
            }
            lineStart = lineEnd + 1
        }
        return set
    }()

    /// The embedded file's words (for tests).
    package static var embeddedWords: [String] {
        let bytes = UnsafeBufferPointer(start: tamiz_embedded_short_words_bytes(), count: tamiz_embedded_short_words_size)
        return parse(String(decoding: bytes, as: UTF8.self))
    }
}
