import CTamizSegmentationData

/// The abbreviation table that `tamiz-train segmentation build` learns from the training corpus and
/// ICU's CLDR suppression lists (Data/segmentation/abbreviations.tsv), embedded in the binary.
///
/// One entry per line: `word<TAB>kind<TAB>sources`, the word as written before its final period;
/// lines starting with `#` are comments. `AbbreviationTableTests` checks the committed file equals a
/// rebuild; `SegmentationPatternTests` shows what it adds to the hand-written list.
package enum AbbreviationTable {
    package struct Entry: Equatable, Sendable {
        package var word: String
        package var kind: AbbreviationKind
        /// Where the entry comes from, comma-separated: `learned-en`, `learned-es`, `icu-en`, `icu-es`.
        package var sources: String

        package init(word: String, kind: AbbreviationKind, sources: String) {
            self.word = word
            self.kind = kind
            self.sources = sources
        }
    }

    /// The entries of a table in the TSV format; malformed lines are skipped (the embedded table is
    /// checked by a test, so none are expected).
    package static func parse(_ text: String) -> [Entry] {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// `parse` over UTF-8 bytes, a byte at a time (it runs when the segmenter first opens).
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [Entry] {
        var entries: [Entry] = []
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            guard lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: "#") else { continue }
            var fields: [String] = []
            var fieldStart = lineStart
            for i in lineStart ... lineEnd where i == lineEnd || bytes[i] == 0x09 {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart ..< i]), as: UTF8.self))
                fieldStart = i + 1
            }
            guard fields.count == 3, !fields[0].isEmpty, let kind = AbbreviationKind(rawValue: fields[1]) else { continue }
            entries.append(Entry(word: fields[0], kind: kind, sources: fields[2]))
        }
        return entries
    }

    /// The table built into the binary.
    package static let embedded: [Entry] = {
        let bytes = UnsafeBufferPointer(start: tamiz_embedded_abbreviations_bytes(), count: tamiz_embedded_abbreviations_size)
        return parse(bytes)
    }()
}

extension AbbreviationTable {
    /// The segmenter's lookup table for the hand-written list plus `entries` (see
    /// `SentenceSegmenter.init(abbreviations:)`): lets tools measure what a list changes.
    package static func lexicon(adding entries: [Entry]) -> [WordKey: AbbreviationKind] {
        Lexicon.abbreviations(adding: entries)
    }
}
