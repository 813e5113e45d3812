/// What the cleaner knows about a word or phrase key (see ``WordTable``). A key may carry several.
struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt16
    /// The whole line is a navigation label.
    static let navigationLine = WordFlags(rawValue: 1 << 0)
    /// A cookie, paywall, subscription, newsletter or legal phrase.
    static let boilerplateCue = WordFlags(rawValue: 1 << 1)
    /// An English function word.
    static let englishStop = WordFlags(rawValue: 1 << 2)
    /// A Spanish function word.
    static let spanishStop = WordFlags(rawValue: 1 << 3)
    /// A month or weekday name, or a dateline word (`updated`, `actualizado`).
    static let dateWord = WordFlags(rawValue: 1 << 4)
    /// Opens a byline (`by`, `por`) when it is the line's first word.
    static let bylineOpener = WordFlags(rawValue: 1 << 5)
    /// A phrase that heads or belongs to a reader-comments section.
    static let commentCue = WordFlags(rawValue: 1 << 6)
    /// A link-list phrase (`read more`, `see also`, `lee también`).
    static let linkCue = WordFlags(rawValue: 1 << 7)
}

/// A small open-addressing hash table from 64-bit word/phrase keys to ``WordFlags``: one probe
/// sequence in one flat array, no hashing of the key again (keys are already hashes).
struct WordTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt16]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [UInt16](repeating: 0, count: size)
        mask = size - 1
    }

    mutating func insert(_ key: UInt64, _ flags: WordFlags) {
        var slot = Int(truncatingIfNeeded: key >> 7) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] |= flags.rawValue
    }

    @inline(__always)
    func flags(_ key: UInt64) -> WordFlags {
        keys.withUnsafeBufferPointer { keys in
            var slot = Int(truncatingIfNeeded: key >> 7) & mask
            while true {
                let stored = keys[slot]
                if stored == key { return WordFlags(rawValue: values[slot]) }
                if stored == 0 { return [] }
                slot = (slot + 1) & mask
            }
        }
    }
}

/// Keys for words and phrases: FNV-1a over a word's folded bytes, and an order-sensitive
/// combination of word keys for phrases, so a phrase key is built from word keys hashed once.
enum WordKey {
    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    @inline(__always)
    static func combine(_ phrase: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (phrase ^ word) &* 0xff51_afd7_ed55_8ccd
        return (mixed ^ (mixed >> 29)) | 1  // never 0: 0 marks an empty table slot
    }
}
