/// Frequent words that are evidence for one language over the other, from the frequency lists in
/// `Data/corpus/words/`: a word of 2+ letters with Zipf ≥ `minimumZipf` in one list and at least
/// `minimumMargin` above its Zipf in the other list (0 when absent). `dear`, `hi`, `wow`,
/// `kudos`, `servers` are English evidence, `hola`, `gracias`, `felicidades` Spanish; words
/// frequent in both (`no`, `me`, `de`) and names that web text uses in both languages (`sean`
/// 4.31 / 5.19, `chris`, `john`, `marlene`) are evidence for neither.
///
/// `LanguageClassifier` uses them only for text without a lower-case word (see
/// `capitalisedOnlyMinimumConfidence`): a greeting or headline word (`Dear Nina,`, `Hi,`,
/// `WOW!`, `SERVERS`) keeps a likely English or Spanish answer that a bare name loses.
/// The word lists are generated into `EvidenceWordLists.swift` by `tamiz-train` (a test checks that
/// the committed file matches a fresh build from `Data/corpus`), and hashed here once per process
/// into sorted fingerprints, so a look-up allocates nothing.
public struct EvidenceWords: Sendable {
    public static let minimumZipf = 3.4
    public static let minimumMargin = 1.0

    /// Sorted fingerprints of the English and Spanish evidence words.
    let english: [UInt64]
    let spanish: [UInt64]

    /// The built-in lists (built on first use, then immutable).
    static let builtIn = EvidenceWords(english: EvidenceWordLists.english, spanish: EvidenceWordLists.spanish)

    init(english: String, spanish: String) {
        func fingerprints(_ list: String) -> [UInt64] {
            var list = list
            return list.withUTF8 { bytes in
                var out: [UInt64] = []
                var start = 0
                for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                    if i > start { out.append(Self.fingerprint(UnsafeBufferPointer(rebasing: bytes[start..<i]))) }
                    start = i + 1
                }
                return out.sorted()
            }
        }
        self.english = fingerprints(english)
        self.spanish = fingerprints(spanish)
    }

    /// FNV-1a over the word's bytes, case folded (ASCII and Latin-1 capitals `C3 80`...`C3 9E`).
    static func fingerprint(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var previous: UInt8 = 0
        for b in word {
            var c = b
            if c &- 0x41 < 26 { c |= 0x20 }
            if previous == 0xC3, c >= 0x80, c <= 0x9E, c != 0x97 { c &+= 0x20 }
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
            previous = b
        }
        return h
    }

    static func isListed(_ sorted: [UInt64], _ key: UInt64) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == key
    }

    /// True when a word of `utf8` (a run of 2+ letters in a token that is not a URL, address or
    /// markup: see `FeatureExtractor`'s junk tokens) is an evidence word of `language`.
    func hasWord(of language: Language, in utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let list: [UInt64]
        switch language {
        case .english: list = english
        case .spanish: list = spanish
        case .undetermined: return false
        }
        let n = utf8.count
        var tokenStart = 0
        for i in 0...n where i == n || utf8[i] == 0x20 || (utf8[i] &- 9) < 5 {
            defer { tokenStart = i + 1 }
            guard i > tokenStart else { continue }
            let token = UnsafeBufferPointer(rebasing: utf8[tokenStart..<i])
            if token.count >= 4, token[0] | 0x20 == 0x77, token[1] | 0x20 == 0x77, token[2] | 0x20 == 0x77, token[3] == 0x2E { continue }
            if token.contains(where: { b in
                b < 0x80 && (b < 64 ? (FeatureExtractor.junkLow &>> UInt64(b)) : (FeatureExtractor.junkHigh &>> UInt64(b &- 64))) & 1 != 0
            }) { continue }
            // Letter runs: ASCII letters and multi-byte characters (accented letters), not the
            // Latin-1 punctuation `C2 xx` (`¡ ¿ « »`).
            var runStart = 0, letters = 0, j = 0
            while j <= token.count {
                if j < token.count, token[j] != 0xC2, token[j] >= 0x80 || (token[j] | 0x20) &- 0x61 < 26 {
                    if token[j] < 0x80 || token[j] >= 0xC0 { letters += 1 }
                    j += 1
                    continue
                }
                if letters >= 2, Self.isListed(list, Self.fingerprint(UnsafeBufferPointer(rebasing: token[runStart..<j]))) {
                    return true
                }
                j += j < token.count && token[j] == 0xC2 ? 2 : 1
                runStart = j
                letters = 0
            }
        }
        return false
    }

    /// The Swift source of `EvidenceWordLists.swift` for `corpus` (what `tamiz-train` writes).
    public static func generatedSource(_ corpus: TrainingCorpus) -> String {
        var zipf: [[String: Double]] = [[:], [:]]
        for (c, word, z) in corpus.words where c < 2 {
            let w = String(decoding: word, as: UTF8.self)
            if zipf[c][w] == nil { zipf[c][w] = z }
        }
        var lists: [[String]] = [[], []]
        var seen: [Set<String>] = [[], []]
        for (c, word, z) in corpus.words where c < 2 {
            let w = String(decoding: word, as: UTF8.self)
            guard z >= minimumZipf, z - (zipf[1 - c][w] ?? 0) >= minimumMargin, w.unicodeScalars.count >= 2,
                  w.allSatisfy({ $0.isLetter && $0.isLowercase }), seen[c].insert(w).inserted else { continue }
            lists[c].append(w)
        }
        func literal(_ words: [String]) -> String {
            "\"\"\"\n" + words.joined(separator: "\n") + "\n\"\"\""
        }
        return """
            // Generated by `swift run -c release tamiz-train` from Data/corpus/words (wordfreq, CC BY-SA 4.0,
            // see Data/corpus/NOTICE.md). Do not edit: see `EvidenceWords` for the rule.

            enum EvidenceWordLists {
                /// \(lists[0].count) English evidence words, most frequent first.
                static let english = \(literal(lists[0]))

                /// \(lists[1].count) Spanish evidence words, most frequent first.
                static let spanish = \(literal(lists[1]))
            }

            """
    }
}
