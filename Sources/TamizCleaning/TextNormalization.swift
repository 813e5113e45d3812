/// Folds a line to the form the phrase lists are written in: ASCII and Latin-1 capitals lowered,
/// every run of non-letter, non-digit bytes turned into one space, no leading or trailing space.
/// Words are what remains between spaces. Accents are kept: `menú` and `menu` are different words.
struct TextNormalizer {
    /// Writes the normalized form of `line` into `output` (cleared first).
    static func normalize(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        var pendingSpace = false
        var index = 0
        while index < line.count {
            var byte = line[index]
            if byte < 0x80 {
                let lower = byte | 0x20
                let isLetter = lower >= 0x61 && lower <= 0x7A
                let isDigit = byte >= 0x30 && byte <= 0x39
                if isLetter || isDigit {
                    if pendingSpace && !output.isEmpty { output.append(0x20) }
                    pendingSpace = false
                    output.append(isLetter ? lower : byte)
                } else {
                    pendingSpace = true
                }
                index += 1
                continue
            }
            // Non-ASCII: keep letters (lowering Latin-1 capitals À–Þ), treat symbols as separators.
            let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let isSymbol = byte == 0xC2 || byte == 0xE2 || byte == 0xEF || byte >= 0xF0 || byte < 0xC2
            if isSymbol || index + width > line.count {
                pendingSpace = true
                index += width
                continue
            }
            if pendingSpace && !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            output.append(byte)
            for offset in 1..<width {
                byte = line[index + offset]
                if width == 2 && line[index] == 0xC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97 {
                    byte += 0x20
                }
                output.append(byte)
            }
            index += width
        }
    }

    /// FNV-1a over bytes: a stable 64-bit key for phrase and line lookups.
    static func hash<S: Sequence<UInt8>>(_ bytes: S) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}
