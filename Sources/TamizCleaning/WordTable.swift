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
    /// The word ends some listed phrase of two or more words: only then are phrase keys built.
    static let phraseEnd = WordFlags(rawValue: 1 << 8)
    /// A photo-credit word or phrase (`Getty Images`, `Foto:`), or a news agency.
    static let creditCue = WordFlags(rawValue: 1 << 9)
}

/// A small open-addressing hash table from 64-bit word/phrase keys to ``WordFlags``. Each slot
/// is one `UInt64`: the key's upper 48 bits (with bit 16 forced on, so no entry is 0) and the
/// flags in the low 16 bits, so a probe is one load. The table is kept sparse (16,384 slots, 128 KB,
/// for about 900 entries) so that nearly every lookup is decided by its home slot.
struct WordTable: Sendable {
    private var slots: [UInt64]
    private let mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    static func tag(_ key: UInt64) -> UInt64 { (key & ~0xFFFF) | 0x1_0000 }

    mutating func insert(_ key: UInt64, _ flags: WordFlags) {
        let tag = Self.tag(key)
        var slot = Int(truncatingIfNeeded: key >> 7) & mask
        while slots[slot] != 0 && slots[slot] & ~0xFFFF != tag { slot = (slot + 1) & mask }
        if slots[slot] == 0 { count += 1 }
        precondition(count * 2 <= slots.count, "WordTable over half full")
        slots[slot] = tag | (slots[slot] & 0xFFFF) | UInt64(flags.rawValue)
    }

    /// Runs `body` with a lookup over this table's storage (valid only inside `body`).
    func withLookup<Result>(_ body: (WordLookup) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in
            body(WordLookup(slots: slots.baseAddress!, mask: mask))
        }
    }
}

/// Read access to a ``WordTable`` through a raw pointer, for the per-word hot path.
struct WordLookup {
    let slots: UnsafePointer<UInt64>
    let mask: Int

    /// The flags of `key`. The home slot is read without a branch on the outcome (stop words and
    /// content words alternate unpredictably in prose); only when the home slot holds another key
    /// (rare: the table is at most a sixth full) does the probe go on.
    @inline(__always)
    func flags(_ key: UInt64) -> WordFlags {
        let tag = WordTable.tag(key)
        let home = Int(truncatingIfNeeded: key >> 7) & mask
        var found: UInt64 = 0
        var empty: UInt64 = 0
        for offset in 0..<1 {  // (the loop form compiles to the fastest branch-free code)
            let stored = slots[(home &+ offset) & mask]
            found |= stored & ~0xFFFF == tag ? stored & 0xFFFF : 0
            empty |= stored == 0 ? 1 : 0
        }
        if found == 0 && empty == 0 {
            var slot = (home &+ 1) & mask
            while slots[slot] != 0 {
                if slots[slot] & ~0xFFFF == tag { return WordFlags(rawValue: UInt16(truncatingIfNeeded: slots[slot])) }
                slot = (slot &+ 1) & mask
            }
        }
        return WordFlags(rawValue: UInt16(truncatingIfNeeded: found))
    }
}

/// Keys for words, phrases and lines: a word's key comes from ``WordHasher``; a phrase or line key
/// is an order-sensitive running hash of its word keys (``rotate(_:)`` and add), mixed once at the
/// end with the word count (``lineKey(_:words:)``), so every word is hashed once.
enum WordKey {
    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    /// One step of a line's (or phrase's) running hash: `rotate(hash) &+ wordKey`.
    @inline(__always)
    static func rotate(_ hash: UInt64) -> UInt64 { (hash &<< 7) | (hash &>> 57) }

    /// The key of a line or phrase from its running hash and its number of words.
    @inline(__always)
    static func lineKey(_ hash: UInt64, words: Int) -> UInt64 { combine(combine(seed, hash), UInt64(words)) }

    @inline(__always)
    static func combine(_ phrase: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (phrase ^ word) &* 0xff51_afd7_ed55_8ccd
        return (mixed ^ (mixed >> 29)) | 1  // never 0: 0 marks an empty table slot
    }
}
