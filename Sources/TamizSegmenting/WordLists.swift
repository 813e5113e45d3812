import CTamizSegmentationData
import TamizBytes

/// A word list that `tamiz-train segmentation build` writes into Data/segmentation and the build
/// embeds in the binary: one word a line, sorted by UTF-8 bytes, after `#` comment lines. Lookups
/// search the embedded bytes in place, so no table is built when a process starts.
/// `AbbreviationTableTests` checks each file equals a rebuild and that every word is found.
package struct EmbeddedWordList: @unchecked Sendable {  // Immutable bytes of the binary itself.
    /// Frequent words of two to four letters (short-words.txt): a period after one of them can end
    /// a sentence before a lower-case word ("call me. i will"), after another short lower-case word
    /// it reads as an abbreviation ("el párr. 3", "del cte. mes"; `SentenceSegmenterTests`).
    package static let shortWords = EmbeddedWordList(tamiz_embedded_short_words_bytes(), count: tamiz_embedded_short_words_size)

    /// Words the training sentences write in lower case inside a sentence and seldom capitalise there
    /// (lowercase-words.txt). Capitalised after an ambiguous abbreviation, one of them begins a new
    /// sentence ("near Harbor Rd. Expect delays"); names and the words of names do not ("U.S. Army").
    package static let lowercaseWords = EmbeddedWordList(tamiz_embedded_lowercase_words_bytes(), count: tamiz_embedded_lowercase_words_size)

    /// Frequent words of the word lists that no training sentence writes (unseen-words.txt): the
    /// training sentences cannot say how text capitalises them, and most are common words, so
    /// capitalised after an ambiguous abbreviation that is not an initial, one of them begins a
    /// sentence too ("late Aug. Organizers blamed"; `SegmentationPatternTests`).
    package static let unseenWords = EmbeddedWordList(tamiz_embedded_unseen_words_bytes(), count: tamiz_embedded_unseen_words_size)

    /// Words of two to five letters that end a training sentence with their period (final-words.txt).
    /// Before a number, a period after a short word that is none of them reads as an abbreviation's:
    /// "Eq. 12", "la secc. 5" (`SegmentationPatternTests`).
    package static let finalWords = EmbeddedWordList(tamiz_embedded_final_words_bytes(), count: tamiz_embedded_final_words_size)

    /// The list's lines after the comments.
    private let lines: UnsafeBufferPointer<UInt8>

    init(_ start: UnsafePointer<UInt8>, count: Int) {
        let bytes = UnsafeBufferPointer(start: start, count: count)
        var first = 0
        while first < count && bytes[first] == UInt8(ascii: "#") {
            while first < count && bytes[first] != 0x0A { first += 1 }
            first += 1
        }
        lines = UnsafeBufferPointer(rebasing: bytes[min(first, count)...])
    }

    /// Whether the `count` bytes at `start`, with ASCII and Latin-1 capitals lowercased, are a word of
    /// the list: a binary search over the sorted lines, no allocation.
    package func contains(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard count > 0 && count <= 64 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { word in
            var previous: UInt8 = 0
            for i in 0 ..< count {
                word[i] = Latin1.lowercased(start[i], after: previous)
                previous = word[i]
            }
            var low = 0, high = lines.count  // Both always at the start of a line.
            while low < high {
                var lineStart = (low + high) / 2
                while lineStart > low && lines[lineStart - 1] != 0x0A { lineStart -= 1 }
                var lineEnd = lineStart
                while lineEnd < high && lines[lineEnd] != 0x0A { lineEnd += 1 }
                switch compare(UnsafeBufferPointer(word), lines[lineStart ..< lineEnd]) {
                case 0: return true
                case ..<0: high = lineStart
                default: low = lineEnd + 1
                }
            }
            return false
        }
    }

    /// Byte-wise comparison: negative, zero or positive as `a` sorts before, equal to or after `b`.
    private func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>.SubSequence) -> Int {
        var i = 0, j = b.startIndex
        while i < a.count && j < b.endIndex {
            if a[i] != b[j] { return Int(a[i]) - Int(b[j]) }
            i += 1
            j += 1
        }
        return (a.count - i) - (b.endIndex - j)
    }

    /// The list's words, in file order.
    package var words: [String] {
        lines.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The words of a word-list text (one a line; `#` lines are comments).
    package static func parse(_ text: String) -> [String] {
        text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }
}
