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
/// and tabs around it, becomes one space; a word broken by a hyphen at the end of a line
/// ("propor-" / "tion") keeps its hyphen but loses the break ("propor-tion"), since without a
/// dictionary Tamiz cannot tell a split word from a hyphenated compound ("well-" / "known").
public enum SoftWraps {
    /// `bytes` with its line breaks replaced as described; bytes without a line break come back unchanged.
    public static func joined(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x0A || b == 0x0D else { out.append(b); i += 1; continue }
            while let last = out.last, last == 0x20 || last == 0x09 { out.removeLast() }
            var j = i
            while j < bytes.count, [0x0A, 0x0D, 0x20, 0x09].contains(bytes[j]) { j += 1 }
            let hyphenBreak = out.count >= 2 && out[out.count - 1] == UInt8(ascii: "-") && out[out.count - 2] != 0x20
            if !hyphenBreak && j < bytes.count { out.append(0x20) }
            i = j
        }
        return out
    }
}
