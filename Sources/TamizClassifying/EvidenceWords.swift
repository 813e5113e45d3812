import TamizBytes
/// Frequent words that are evidence for one language over the other, from the frequency lists in
/// `Data/corpus/words/`: a word of 2+ letters with Zipf ≥ `minimumZipf` in one list and at least
/// `minimumMargin` above its Zipf in the other list (0 when absent), and not a name
/// (`capitalisedWords`: `pedro`, `madrid`). `dear`, `hi`, `wow`, `kudos`, `servers` are English
/// evidence, `hola`, `gracias`, `felicidades` Spanish; words frequent in both (`no`, `me`, `de`)
/// and names that web text uses in both languages (`sean` 4.31 / 5.19, `chris`, `john`,
/// `marlene`) are evidence for neither. An accented word's forms with its accents stripped or
/// deleted (`tambien`, `tambin`) count for its language too, by the same margin, unless either
/// list holds that form or both languages produce it (`EvidenceWordsTests`).
///
/// `LanguageClassifier` checks two kinds of answer against them: English or Spanish below 0.98
/// (`checkedAgainstWordLists`: a word of the answer's language keeps it, one of the other
/// language gives that language), and a confident answer on one short capitalised token
/// (`checkedForEvidence`: `Hi,` and `WOW!` keep their answer, a bare name such as `Pedro` loses it).
/// The word lists belong to the model: `tamiz-train` builds them from `Data/corpus/words` and
/// stores them after the weight table as sorted fingerprints (`ModelFormat`, version 3), so a
/// `--model` file brings its own lists. They are hashed into a `FingerprintSet` each, so a
/// look-up allocates nothing: a loaded model's when it is loaded, the embedded model's on first
/// use (`embeddedSets`), so that a run whose answers never consult the lists does not pay for
/// them (512 KiB of slots), as with the lists compiled into the binary before.
package struct EvidenceWords: Sendable {
    package static let minimumZipf = 3.4
    package static let minimumMargin = 1.0

    /// Fingerprints of the English and Spanish evidence words.
    struct Sets: Sendable {
        let english: FingerprintSet
        let spanish: FingerprintSet
    }

    /// The sets, or nil for the embedded model's lists (`embeddedSets`).
    private let own: Sets?

    /// `english` and `spanish` hold `fingerprint`s of lower-case words.
    package init(english: some Collection<UInt64>, spanish: some Collection<UInt64>) {
        own = Sets(english: FingerprintSet(fingerprints: english), spanish: FingerprintSet(fingerprints: spanish))
    }

    /// The embedded model's lists, built on first use (`LanguageModel.embeddedEvidenceSets`).
    static let embeddedOnFirstUse = EvidenceWords(own: nil)

    private init(own: Sets?) { self.own = own }

    private static let embeddedSets: Sets = LanguageModel.embeddedEvidenceSets()

    var english: FingerprintSet { own?.english ?? Self.embeddedSets.english }
    var spanish: FingerprintSet { own?.spanish ?? Self.embeddedSets.spanish }

    /// `fingerprint` of a word's UTF-8 bytes.
    package static func fingerprint(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { fingerprint($0) }
    }

    /// FNV-1a over the word's bytes, case folded (ASCII and Latin-1 capitals `C3 80`...`C3 9E`):
    /// the key of a look-up, and what the model file stores for each listed word.
    package static func fingerprint(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = FingerprintSet.seed
        var previous: UInt8 = 0
        for b in word {
            h = FingerprintSet.mix(h, b, after: previous)
            previous = b
        }
        return h
    }

    /// True when a word of `utf8` (a run of 2+ letters in a token that is not a URL, address or
    /// markup: see `FeatureExtractor`'s junk tokens) is an evidence word of `language`; with
    /// `lowerCase`, only a word written in lower case counts (a capitalised one may be a name).
    /// One pass over the bytes: a token's words are looked up as they end and count once the
    /// token ends without a junk byte (`EvidenceWordsTests` checks it against a two-pass
    /// reference on the dev sentences).
    func hasWord(of language: Language, in utf8: UnsafeBufferPointer<UInt8>, lowerCase: Bool = false) -> Bool {
        guard let own else { return Self.embeddedSets.hasWord(of: language, in: utf8, lowerCase: lowerCase) }
        return own.hasWord(of: language, in: utf8, lowerCase: lowerCase)
    }

    /// True when a letter run starts with a lower-case ASCII letter or a multi-byte letter that
    /// is not a Latin-1 capital (`C3 80`...`C3 9E`).
    static func startsLowerCase(_ run: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = run[0]
        if first < 0x80 { return first &- 0x61 < 26 }
        return !(first == 0xC3 && run.count > 1 && run[1] < 0x9F)
    }
}

extension EvidenceWords.Sets {
    func hasWord(of language: Language, in utf8: UnsafeBufferPointer<UInt8>, lowerCase: Bool) -> Bool {
        switch language {
        case .english: return english.containsWord(in: utf8, lowerCase: lowerCase)
        case .spanish: return spanish.containsWord(in: utf8, lowerCase: lowerCase)
        case .undetermined: return false
        }
    }
}

/// An open-addressing hash set of word fingerprints, built once per model from its stored
/// fingerprints (the embedded model's on first use; costs in Docs/Measurements.md).
struct FingerprintSet: Sendable {
    static var seed: UInt64 { FNV1a.offsetBasis }

    /// One FNV-1a step over a case-folded byte (`previous` is the byte before it).
    @inline(__always)
    static func mix(_ h: UInt64, _ b: UInt8, after previous: UInt8) -> UInt64 {
        FNV1a.mix(h, Latin1.lowercased(b, after: previous))
    }

    /// The first slot to probe for `key`: its top bits after a Fibonacci multiply. FNV-1a's own
    /// top bits cluster on short words (38 probes a look-up on average, measured under callgrind
    /// on the dev sentences); mixed, a look-up takes about two.
    @inline(__always)
    static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    /// Slots hold `fingerprint | 1` (0 = empty); at most half of them are used.
    private var slots: [UInt64]
    private let shift: UInt64

    /// A set of `fingerprints` (`EvidenceWords.fingerprint` of each word; order and repeats do
    /// not matter).
    init(fingerprints: some Collection<UInt64>) {
        var bits: UInt64 = 4
        while (1 << bits) < 2 * (fingerprints.count + 1) { bits += 1 }
        shift = 64 - bits
        slots = [UInt64](repeating: 0, count: 1 << Int(bits))
        for key in fingerprints { insert(key) }
    }

    private mutating func insert(_ fingerprint: UInt64) {
        let key = fingerprint | 1
        var i = FingerprintSet.slot(key, shift: shift)
        while slots[i] != 0 {
            if slots[i] == key { return }
            i = (i + 1) & (slots.count - 1)
        }
        slots[i] = key
    }

    /// `EvidenceWords.hasWord` for this list.
    func containsWord(in text: UnsafeBufferPointer<UInt8>, lowerCase: Bool) -> Bool {
        guard let p = text.baseAddress else { return false }
        return slots.withUnsafeBufferPointer { slots in
            var scan = WordScan(slots: slots.baseAddress!, mask: slots.count &- 1, shift: shift, lowerCase: lowerCase)
            return scan.run(p, text.count)
        }
    }

    func contains(_ fingerprint: UInt64) -> Bool {
        let key = fingerprint | 1
        var i = FingerprintSet.slot(key, shift: shift)
        while slots[i] != 0 {
            if slots[i] == key { return true }
            i = (i + 1) & (slots.count - 1)
        }
        return false
    }
}

/// The state of one `FingerprintSet.containsWord` scan, kept in one local struct with mutating
/// methods so that it stays in registers (as nested functions' captured variables it lived in
/// memory).
private struct WordScan {
    let slots: UnsafePointer<UInt64>
    let mask: Int
    let shift: UInt64
    let lowerCase: Bool
    var h = FingerprintSet.seed
    var previous: UInt8 = 0
    var letters = 0
    var runStart = 0
    var found = false
    var junk = false

    init(slots: UnsafePointer<UInt64>, mask: Int, shift: UInt64, lowerCase: Bool) {
        self.slots = slots
        self.mask = mask
        self.shift = shift
        self.lowerCase = lowerCase
    }

    func listed(_ fingerprint: UInt64) -> Bool {
        let key = fingerprint | 1
        var i = FingerprintSet.slot(key, shift: shift)
        while slots[i] != 0 {
            if slots[i] == key { return true }
            i = (i &+ 1) & mask
        }
        return false
    }

    @inline(__always)
    mutating func endRun(_ p: UnsafePointer<UInt8>, at end: Int) {
        if letters >= 2, !found, !junk,
           !lowerCase || EvidenceWords.startsLowerCase(UnsafeBufferPointer(start: p + runStart, count: end &- runStart)) {
            found = listed(h)
        }
        h = FingerprintSet.seed
        previous = 0
        letters = 0
    }

    /// Out of line: inlined into `containsWord`, it compiles to a slower loop (Docs/Measurements.md).
    @inline(never)
    mutating func run(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            // One token: up to a space or a control character 9...13.
            junk = n &- i >= 4 && URLBytes.isWWW(p + i) && p[i &+ 3] == 0x2E
            found = false
            runStart = i
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    let lower = b | 0x20
                    if lower &- 0x61 < 26 {
                        // An ASCII letter: the common case, folded without looking back.
                        h = FNV1a.mix(h, lower)
                        previous = b
                        letters &+= 1
                        i &+= 1
                        continue
                    }
                    if b == 0x20 || b &- 9 < 5 { break }
                    if FeatureExtractor.isJunkASCII(b) { junk = true }
                    endRun(p, at: i)
                    runStart = i &+ 1
                } else if b == 0xC2 {
                    // Latin-1 punctuation (`¡ ¿ « »`): not a letter, nor is the byte after it.
                    endRun(p, at: i)
                    i &+= 1
                    if i < n, p[i] != 0x20, p[i] &- 9 >= 5 {
                        if p[i] < 0x80 && FeatureExtractor.isJunkASCII(p[i]) { junk = true }
                        i &+= 1
                    }
                    runStart = i
                    continue
                } else {
                    h = FingerprintSet.mix(h, b, after: previous)
                    previous = b
                    if b >= 0xC0 { letters &+= 1 }
                }
                i &+= 1
            }
            endRun(p, at: i)
            if found && !junk { return true }
            i &+= 1
        }
        return false
    }
}
