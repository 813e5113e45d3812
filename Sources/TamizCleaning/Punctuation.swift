/// Sentence-final punctuation and closing marks, judged from a scalar's first three UTF-8 bytes
/// (for the cleaner's line scan, ``LineScan``).
enum Punctuation {
    /// `.` `!` `?` `:` `;` or `…`.
    static func isSentenceEnd(_ scalar: (UInt8, UInt8, UInt8)) -> Bool {
        switch scalar.0 {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"):
            return true
        case 0xE2:
            return scalar.1 == 0x80 && scalar.2 == 0xA6  // …
        default:
            return false
        }
    }

    /// A closing quote or bracket that may follow sentence punctuation: `"` `'` `)` `]` `»` `”` `’`.
    static func isClosingMark(_ scalar: (UInt8, UInt8, UInt8)) -> Bool {
        switch scalar.0 {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"):
            return true
        case 0xC2:
            return scalar.1 == 0xBB  // »
        case 0xE2:
            return scalar.1 == 0x80 && (scalar.2 == 0x9D || scalar.2 == 0x99)  // ” ’
        default:
            return false
        }
    }
}
