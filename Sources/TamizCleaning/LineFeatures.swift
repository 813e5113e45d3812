/// What the cleaning rules need to know about one line, measured in a single pass over its bytes.
///
/// Letters are counted per Unicode scalar from the UTF-8 lead byte alone: ASCII letters, and any
/// non-ASCII scalar except the blocks that hold punctuation and symbols (U+0080–U+00BF, U+2000–U+2BFF,
/// U+3000–U+303F, U+FE00–U+FFFF and the emoji planes). That is exact for Latin text and a safe
/// over-approximation elsewhere; it never reads past the line.
public struct LineFeatures: Sendable, Equatable {
    /// Unicode scalars that count as letters.
    public var letters = 0
    /// Whitespace-separated words that contain at least one letter.
    public var words = 0
    /// Whether the last non-space character is sentence punctuation (`.`, `!`, `?`, `…`, `:`, `;`
    /// or a closing quote or bracket right after one).
    public var endsWithSentencePunctuation = false
    /// Whether the line holds no non-whitespace byte at all.
    public var isBlank: Bool { nonSpaceBytes == 0 }
    /// Bytes other than ASCII whitespace and U+00A0.
    public var nonSpaceBytes = 0

    public init() {}

    /// Measures `line`, which may hold any bytes (invalid UTF-8 is tolerated, not decoded).
    public init(_ line: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var inWord = false
        var wordHasLetter = false
        var lastNonSpace: (UInt8, UInt8, UInt8) = (0, 0, 0)  // the last non-space scalar's first bytes
        var previousNonSpace: (UInt8, UInt8, UInt8) = (0, 0, 0)
        let count = line.count
        while index < count {
            let byte = line[index]
            var width = 1
            var isSpace = false
            var isLetter = false
            if byte < 0x80 {
                isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            } else {
                width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                let second: UInt8 = index + 1 < count ? line[index + 1] : 0
                if byte == 0xC2 {
                    isSpace = second == 0xA0
                } else if byte >= 0xC3 && byte < 0xE0 {
                    isLetter = !(byte == 0xC3 && (second == 0x97 || second == 0xB7))  // × ÷
                } else if byte == 0xE2 || byte == 0xEF || byte >= 0xF0 || byte < 0xC2 {
                    isLetter = false  // punctuation, symbols, arrows, specials, emoji, stray bytes
                } else if byte == 0xE3 {
                    isLetter = second >= 0x81  // U+3000–U+303F is CJK punctuation
                } else {
                    isLetter = true
                }
            }
            if isSpace {
                if inWord && wordHasLetter { words += 1 }
                inWord = false
                wordHasLetter = false
            } else {
                nonSpaceBytes += min(width, count - index)
                inWord = true
                if isLetter {
                    letters += 1
                    wordHasLetter = true
                }
                previousNonSpace = lastNonSpace
                lastNonSpace = (
                    byte,
                    index + 1 < count ? line[index + 1] : 0,
                    index + 2 < count ? line[index + 2] : 0
                )
            }
            index += width
        }
        if inWord && wordHasLetter { words += 1 }
        endsWithSentencePunctuation =
            Punctuation.isSentenceEnd(lastNonSpace)
            || (Punctuation.isClosingMark(lastNonSpace) && Punctuation.isSentenceEnd(previousNonSpace))
    }

}
