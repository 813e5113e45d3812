import Testing
@testable import TamizClassifying

/// The frequent words the classifier takes as evidence for one language (`EvidenceWords`).
@Suite struct EvidenceWordsTests {
    let words = EvidenceWords.builtIn

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

    @Test func urlsAndAddressesAreNotWords() {
        #expect(!has("http://dear.example.com/hello", .english))
        #expect(!has("hola@example.com", .spanish))
        #expect(!has("www.hello.com", .english))
    }

    @Test func committedListsEqualAFreshBuildFromDataCorpus() throws {
        let corpus = try TrainingCorpus(directory: Paths.corpus)
        let committed = try String(contentsOfFile: Paths.packageRoot + "/Sources/TamizClassifying/EvidenceWordLists.swift", encoding: .utf8)
        #expect(EvidenceWords.generatedSource(corpus) == committed,
                "Sources/TamizClassifying/EvidenceWordLists.swift is stale: run `swift run -c release tamiz-train`")
    }
}
