import CTamizSegmentationData
import TamizBytes

/// Where a paragraph ends in text given to `SentenceSegmenter.appendSentences(of:paragraphs:to:)`.
public enum ParagraphBreaks: String, Sendable, CaseIterable {
    /// Every line break ends a paragraph, so no sentence spans lines (ICU's own rule; the default).
    case lineBreak = "line"
    /// A paragraph ends at a blank line (only spaces and tabs between two line breaks); a single
    /// line break is a soft wrap inside a sentence, as in hard-wrapped PDF and e-mail text.
    case blankLine = "blank-line"
}

extension SentenceSegmenter {
    /// Appends, in order, the byte ranges of the sentences in `text`, which may hold several lines.
    /// With `.lineBreak` each line is segmented on its own; with `.blankLine` the lines between
    /// blank lines are segmented as one paragraph in which each line break reads as a space, so a
    /// range can span lines (`softWrappedText(of:)` gives it on one line). Ranges are trimmed and
    /// capped as in `appendSentences(of:to:)`. Shown by `SegmentationPatternTests`.
    public func appendSentences(of text: UnsafeBufferPointer<UInt8>, paragraphs: ParagraphBreaks, to ranges: inout [Range<Int>]) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        var scratch: [UInt8] = []
        var lineStart = 0
        var paragraphStart = 0
        var paragraphHasText = false
        func flush(_ end: Int) {
            defer { paragraphHasText = false }
            guard paragraphHasText else { return }
            let first = ranges.count
            if paragraphs == .lineBreak {
                appendSentences(of: UnsafeBufferPointer(start: base + paragraphStart, count: end - paragraphStart), to: &ranges)
            } else {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + paragraphStart, count: end - paragraphStart))
                for i in scratch.indices where scratch[i] == 0x0A || scratch[i] == 0x0D { scratch[i] = 0x20 }
                scratch.withUnsafeBufferPointer { appendSentences(of: $0, to: &ranges) }
            }
            for k in first ..< ranges.count { ranges[k] = ranges[k].lowerBound + paragraphStart ..< ranges[k].upperBound + paragraphStart }
        }
        var i = 0
        while i <= text.count {
            guard i == text.count || base[i] == 0x0A else { i += 1; continue }
            // The line lineStart..<i (without its CR).
            var lineIsBlank = true
            for j in lineStart ..< i where !(base[j] == 0x20 || base[j] == 0x09 || base[j] == 0x0D) { lineIsBlank = false; break }
            if paragraphs == .lineBreak || lineIsBlank {
                if !lineIsBlank { paragraphHasText = true }
                flush(i)
                paragraphStart = i + 1
            } else {
                paragraphHasText = true
            }
            lineStart = i + 1
            i += 1
        }
        flush(text.count)
    }

    /// The sentences of `text` with the given paragraph breaks, each on one line (see `softWrappedText(of:)`).
    public func sentences(in text: String, paragraphs: ParagraphBreaks) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            appendSentences(of: bytes, paragraphs: paragraphs, to: &ranges)
            return ranges.map { String(decoding: SoftWraps.joined(UnsafeBufferPointer(rebasing: bytes[$0])), as: UTF8.self) }
        }
    }
}

/// Turns a sentence that spans soft-wrapped lines into one line: each line break, with the spaces
/// and tabs around it, becomes one space, except after a hyphen that ends a line inside a word
/// ("propor-" / "tion"): there the break goes, and the hyphen too when the joined word is in the
/// English or Spanish word frequency lists (Data/corpus/words), so "propor-" + "tion" gives
/// "proportion" but "well-" + "known" stays "well-known". `SegmentationPatternTests` shows both.
package enum SoftWraps {
    /// `bytes` with its line breaks replaced as described; bytes without a line break come back unchanged.
    package static func joined(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x0A || b == 0x0D else { out.append(b); i += 1; continue }
            while let last = out.last, last == 0x20 || last == 0x09 { out.removeLast() }
            var j = i
            while j < bytes.count, bytes[j] == 0x0A || bytes[j] == 0x0D || bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            if out.count >= 2 && out[out.count - 1] == UInt8(ascii: "-") && isWordByte(out[out.count - 2]) {
                // "propor-" + "tion": the word's two halves.
                var head = out.count - 1
                while head > 0 && isWordByte(out[head - 1]) { head -= 1 }
                var tail = j
                while tail < bytes.count && isWordByte(bytes[tail]) { tail += 1 }
                if tail > j && WordEvidence.contains(Array(out[head ..< out.count - 1]) + Array(bytes[j ..< tail])) {
                    out.removeLast()
                }
            } else if j < bytes.count {
                out.append(0x20)
            }
            i = j
        }
        return out
    }

    /// Letters of a word as bytes: ASCII letters and any byte of a multi-byte UTF-8 character.
    static func isWordByte(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 }
}

/// The words of the embedded frequency lists, by fingerprint, read when first needed.
enum WordEvidence {
    /// Whether `word` (UTF-8, any case) is a listed English or Spanish word.
    static func contains(_ word: [UInt8]) -> Bool {
        fingerprints.contains(fingerprint(word, lowercasing: true))
    }

    /// FNV-1a over the bytes, with ASCII and Latin-1 capitals ("É" = C3 89) lowercased if asked.
    static func fingerprint(_ bytes: some Collection<UInt8>, lowercasing: Bool) -> UInt64 {
        FNV1a.hash(bytes, folding: lowercasing)
    }

    static let fingerprints: Set<UInt64> = {
        var set = Set<UInt64>()
        set.reserveCapacity(100_000)
        for (start, count) in [(tamiz_embedded_english_words_bytes(), tamiz_embedded_english_words_size),
                               (tamiz_embedded_spanish_words_bytes(), tamiz_embedded_spanish_words_size)] {
            let bytes = UnsafeBufferPointer(start: start, count: count)
            var lineStart = 0
            var firstLine = true
            while lineStart < bytes.count {
                var tab = lineStart
                while tab < bytes.count && bytes[tab] != 0x09 && bytes[tab] != 0x0A { tab += 1 }
                var lineEnd = tab
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if !firstLine && tab > lineStart { set.insert(fingerprint(bytes[lineStart ..< tab], lowercasing: false)) }
                firstLine = false
                lineStart = lineEnd + 1
            }
        }
        return set
    }()
}
