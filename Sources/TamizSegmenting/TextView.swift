/// Read-only byte view of a window `lo..<hi` of a paragraph, with the UTF-8 decoding and
/// character classes the segmentation rules need. Offsets are absolute (relative to `bytes`).
/// Invalid UTF-8 decodes as U+FFFD, one byte at a time, so every step makes progress.
struct TextView {
    let bytes: UnsafePointer<UInt8>
    let lo: Int
    let hi: Int

    @inline(__always) subscript(_ i: Int) -> UInt8 { bytes[i] }

    /// The scalar starting at `i` (`lo <= i < hi`).
    @inline(__always)
    func scalar(at i: Int) -> (value: UInt32, length: Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        return decodeMultibyte(at: i, lead: b0)
    }

    @inline(never)
    private func decodeMultibyte(at i: Int, lead b0: UInt8) -> (value: UInt32, length: Int) {
        let invalid: (UInt32, Int) = (0xFFFD, 1)
        @inline(__always) func cont(_ j: Int) -> UInt32? {
            guard j < hi else { return nil }
            let b = bytes[j]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        if b0 < 0xC2 { return invalid }
        if b0 < 0xE0 {
            guard let c1 = cont(i + 1) else { return invalid }
            return ((UInt32(b0 & 0x1F) << 6) | c1, 2)
        }
        if b0 < 0xF0 {
            guard let c1 = cont(i + 1), let c2 = cont(i + 2) else { return invalid }
            let v = (UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2
            return v < 0x800 || (v >= 0xD800 && v <= 0xDFFF) ? invalid : (v, 3)
        }
        if b0 < 0xF5 {
            guard let c1 = cont(i + 1), let c2 = cont(i + 2), let c3 = cont(i + 3) else { return invalid }
            let v = (UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            return v < 0x10000 || v > 0x10FFFF ? invalid : (v, 4)
        }
        return invalid
    }

    /// The scalar ending just before `i` (`lo < i <= hi`).
    @inline(__always)
    func scalar(before i: Int) -> (value: UInt32, length: Int) {
        let b = bytes[i - 1]
        if b < 0x80 { return (UInt32(b), 1) }
        var j = i - 1
        var steps = 0
        while j > lo && steps < 3 && bytes[j] & 0xC0 == 0x80 { j -= 1; steps += 1 }
        let decoded = scalar(at: j)
        return j + decoded.length == i ? decoded : (0xFFFD, 1)
    }

    // MARK: Whitespace

    @inline(__always)
    func isSpace(at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        return TextView.isSpace(scalar(at: i).value)
    }

    /// First non-space offset in `i..<limit` (or `limit`).
    func skipSpace(from i: Int, to limit: Int) -> Int {
        var i = i
        while i < limit {
            let (v, n) = scalar(at: i)
            guard TextView.isSpace(v) else { break }
            i += n
        }
        return i
    }

    /// End of `start..<end` with trailing whitespace removed.
    func trimEnd(_ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start {
            let (v, n) = scalar(before: e)
            guard TextView.isSpace(v) else { break }
            e -= n
        }
        return e
    }

    // MARK: Character classes

    /// Unicode White_Space.
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Uppercase letters of Latin, Greek and Cyrillic (enough to see a capitalised next word).
    static func isUpper(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A: true
        case 0xC0...0xDE: v != 0xD7
        case 0x100...0x17F: v & 1 == 0
        case 0x391...0x3A9, 0x400...0x42F: true
        default: false
        }
    }

    static func isLower(_ v: UInt32) -> Bool {
        switch v {
        case 0x61...0x7A: true
        case 0xDF...0xFF: v != 0xF7
        case 0x100...0x17F: v & 1 == 1
        case 0x3AC...0x3CE, 0x430...0x45F: true
        default: false
        }
    }

    static func isLetter(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA: true
        case 0xC0...0x2AF: v != 0xD7 && v != 0xF7
        case 0x370...0x52F: true
        default: false
        }
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Lowercase vowels of English and Spanish, with "y" and accented forms.
    static func isVowel(_ v: UInt32) -> Bool {
        switch v {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0xE0...0xE6, 0xE8...0xEF, 0xF2...0xF6, 0xF9...0xFC: true
        default: false
        }
    }

    /// Whether `byte` occurs in `range`.
    func contains(_ byte: UInt8, in range: Range<Int>) -> Bool {
        for i in range where bytes[i] == byte { return true }
        return false
    }

    /// Characters that may follow a sentence's final punctuation: closing quotes and brackets.
    static func isCloser(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201D, 0x203A: true
        default: false
        }
    }

    /// Characters that may open a sentence before its first word: quotes and brackets.
    static func isOpener(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x28, 0x5B, 0xAB, 0x2018, 0x201C, 0x201E, 0x2039: true
        default: false
        }
    }

    /// Sentence-final punctuation: . ? ! …
    static func isTerminal(_ v: UInt32) -> Bool {
        v == 0x2E || v == 0x3F || v == 0x21 || v == 0x2026
    }

    /// Dialogue and parenthetical dashes, including a hyphen-minus used as one.
    static func isDash(_ v: UInt32) -> Bool {
        v == 0x2D || v == 0x2013 || v == 0x2014 || v == 0x2015
    }

    static func isInvertedMark(_ v: UInt32) -> Bool { v == 0xBF || v == 0xA1 }  // ¿ ¡

    static func isBullet(_ v: UInt32) -> Bool {
        switch v {
        case 0x2A, 0x2D, 0xB7, 0x2022, 0x2023, 0x2043, 0x25AA, 0x25CF, 0x25E6: true
        default: false
        }
    }
}
