import Testing
@testable import TamizClassifying

/// The frequent words the classifier takes as evidence for one language (`EvidenceWords`).
@Suite struct EvidenceWordsTests {
    let words = LanguageModel.embedded.evidenceWords

    func has(_ text: String, _ language: Language) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { words.hasWord(of: language, in: $0) }
    }

    @Test func frequentWordsOfOneLanguageAreEvidenceForIt() {
        #expect(has("dear", .english) && !has("dear", .spanish))
        #expect(has("hola", .spanish) && !has("hola", .english))
    }

    @Test(arguments: ["no", "me", "a", "sean", "chris", "john", "marlene"])
    func wordsFrequentInBothListsAreEvidenceForNeither(_ word: String) {
        #expect(!has(word, .english) && !has(word, .spanish), "\(word)")
    }

    /// A frequent word of one list that the other uses much less is evidence, even if other
    /// languages share it: `de` (Zipf 7.81 in Spanish, 5.23 in English).
    @Test func evidenceIsRelativeToTheOtherListOnly() {
        #expect(has("de", .spanish) && !has("de", .english))
    }

    @Test func lookUpIgnoresCaseAndPunctuation() {
        #expect(has("SERVERS!", .english))
        #expect(has("¡FELICIDADES!", .spanish))
        #expect(has("ÚLTIMA", .spanish))
    }

    /// An accented evidence word still counts when a scrape stripped or deleted its accents
    /// (`también` → `tambien`, `tambin`), unless that form is frequent in the other language:
    /// `así` stripped is the English `as`.
    @Test(arguments: ["tambien", "tambin", "despues", "despus", "adems", "segn", "educacin"])
    func accentlessFormsOfAccentedWordsAreEvidence(_ word: String) {
        #expect(has(word, .spanish) && !has(word, .english), "\(word)")
    }

    @Test func anAccentlessFormThatIsAFrequentWordOfTheOtherLanguageIsNotEvidence() {
        #expect(has("así", .spanish))
        #expect(!has("as", .spanish))
    }

    @Test func urlsAndAddressesAreNotWords() {
        #expect(!has("http://dear.example.com/hello", .english))
        #expect(!has("hola@example.com", .spanish))
        #expect(!has("www.hello.com", .english))
    }
}

/// The one-pass `hasWord` against the two-pass look-up it replaced (tokens first, then their
/// letter runs), on every dev sentence, in both languages, with and without the lower-case rule.
@Suite struct EvidenceWordsScanTests {
    @Test func onePassScanAgreesWithTheTwoPassReferenceOnDevSentences() throws {
        let words = LanguageModel.embedded.evidenceWords
        var lines: [[UInt8]] = ["www.hola.com y hola", "hola¡adiós", "¿Qué tal? «Bien»", "dear\u{C2}", "a\u{C2}b dear", "x@hola dear", "ÚLTIMA", "Última vez"].map { Array($0.utf8) }
        for code in ["en", "es"] {
            let path = Paths.sharedCorpus + "/\(code).dev.txt"
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                lines += text.split(separator: "\n").map { Array($0.utf8) }
            }
        }
        var disagreements = 0
        for line in lines {
            line.withUnsafeBufferPointer { utf8 in
                for language in [Language.english, .spanish] {
                    for lowerCase in [false, true] where words.hasWord(of: language, in: utf8, lowerCase: lowerCase)
                        != Self.referenceHasWord(words, of: language, in: utf8, lowerCase: lowerCase) {
                        disagreements += 1
                    }
                }
            }
        }
        #expect(disagreements == 0)
    }

/// True when a word of `utf8` (a run of 2+ letters in a token that is not a URL, address or
/// markup: see `FeatureExtractor`'s junk tokens) is an evidence word of `language`; with
/// `lowerCase`, only a word written in lower case counts (a capitalised one may be a name).
static func referenceHasWord(_ words: EvidenceWords, of language: Language, in utf8: UnsafeBufferPointer<UInt8>, lowerCase: Bool = false) -> Bool {
    let list: FingerprintSet
    switch language {
    case .english: list = words.english
    case .spanish: list = words.spanish
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
            if letters >= 2, !lowerCase || EvidenceWords.startsLowerCase(UnsafeBufferPointer(rebasing: token[runStart..<j])),
               list.contains(EvidenceWords.fingerprint(UnsafeBufferPointer(rebasing: token[runStart..<j]))) {
                return true
            }
            j += j < token.count && token[j] == 0xC2 ? 2 : 1
            runStart = j
            letters = 0
        }
    }
    return false
}
}
