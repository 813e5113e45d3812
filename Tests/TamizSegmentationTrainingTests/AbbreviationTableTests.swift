import Testing
@testable import TamizSegmentationTraining
import TamizSegmenting
import TamizTestSupport

let data = SegmentationData(dataDirectory: Paths.packageRoot + "/Data")

/// The committed ICU lists were copied from this ICU version (their first line says which).
let icuVersionMatchesCommittedLists: Bool = {
    guard let text = try? readTextFile(data.icuListPath("en")) else { return false }
    return text.hasPrefix("# ICU \(ICUSuppressions.version) ")
}()

/// The generated abbreviation table: rebuilt from Data/ it equals the committed copy, and what the
/// learner counts as evidence.
@Suite struct AbbreviationTableTests {
    @Test func theCommittedTableEqualsARebuildFromData() throws {
        #expect(try data.tableFile() == readTextFile(data.tablePath))
    }

    @Test(.enabled(if: icuVersionMatchesCommittedLists, "the ICU on this machine is not the version the lists were copied from"))
    func theCommittedICUListsEqualThisMachinesICU() throws {
        for language in SegmentationData.languages {
            #expect(try SegmentationData.icuListFile(language: language) == readTextFile(data.icuListPath(language)))
        }
    }

    @Test func theCommittedShortWordListEqualsARebuildFromTheWordLists() throws {
        #expect(try data.shortWordsFile() == readTextFile(data.shortWordsPath))
        #expect(EmbeddedWordList.shortWords.words == EmbeddedWordList.parse(try readTextFile(data.shortWordsPath)))
    }

    @Test func shortWordsAreTwoToFourLettersAtTheMinimumFrequency() {
        let list = "word\tzipf\nme\t6.48\nhome\t5.81\nhomes\t4.9\ncte\t2.88\na\t7.1\nmás\t6.2\n"
        #expect(SegmentationData.frequentShortWords(inLists: [list, "word\tzipf\nme\t6.70\n"]) == ["home", "me", "más"])
    }

    @Test func theCommittedLowercaseWordListEqualsARebuildFromTheTrainingSentences() throws {
        #expect(try data.lowercaseWordsFile() == readTextFile(data.lowercaseWordsPath))
        #expect(EmbeddedWordList.lowercaseWords.words == EmbeddedWordList.parse(try readTextFile(data.lowercaseWordsPath)))
    }

    @Test func theCommittedFinalWordListEqualsARebuildFromTheTrainingSentences() throws {
        #expect(try data.finalWordsFile() == readTextFile(data.finalWordsPath))
        #expect(EmbeddedWordList.finalWords.words == EmbeddedWordList.parse(try readTextFile(data.finalWordsPath)))
    }

    @Test func theCommittedUnseenWordListEqualsARebuildFromTheWordListsAndTrainingSentences() throws {
        #expect(try data.unseenWordsFile() == readTextFile(data.unseenWordsPath))
        #expect(EmbeddedWordList.unseenWords.words == EmbeddedWordList.parse(try readTextFile(data.unseenWordsPath)))
    }

    /// A word both lists hold at a similar frequency is most often a name, and stays out.
    @Test func unseenWordsAreFrequentInOneLanguageOnly() {
        let lists = ["word\tzipf\norganizers\t3.63\nluke\t4.30\nrare\t2.0\n", "word\tzipf\nluke\t3.60\n"]
        #expect(SegmentationData.unseenFrequentWords(inLists: lists, trainingLines: []) == ["organizers"])
        #expect(SegmentationData.unseenFrequentWords(inLists: lists, trainingLines: ["The Organizers met."]) == [])
    }

    @Test func everyEmbeddedWordIsFoundAndItsNeighboursAreNot() {
        for list in [EmbeddedWordList.shortWords, .lowercaseWords, .finalWords, .unseenWords] {
            let words = list.words
            let set = Set(words)
            #expect(words == words.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            for word in words {
                // The lookup folds ASCII and Latin-1 capitals only.
                let latin1 = word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("à"..."þ").contains($0) && $0 != "÷" }
                for probe in [word, word + "a", String(word.dropLast())] + (latin1 ? [word.uppercased()] : []) {
                    let expected = set.contains(probe.lowercased()) && probe.utf8.count <= 64
                    var bytes = Array(probe.utf8)
                    let found = bytes.withUnsafeMutableBufferPointer { list.contains($0.baseAddress!, count: $0.count) }
                    if found != expected { Issue.record("\(probe): found \(found)") }
                }
            }
        }
    }

    @Test func aWordIsLowercaseWhenSentencesWriteItSoAndSeldomCapitaliseIt() {
        let evidence = CapitalisationEvidence(lines: [
            "We had lunch with the Army band.", "After lunch the army left.", "The army marched at dawn.",
            "Then Army officers came.", "It was late. Lunch was cold.",
        ])
        // A sentence's first word and a word after a period say nothing: "The army", "late. Lunch".
        #expect(evidence.lower["lunch"] == 2 && evidence.capitalised["lunch"] == nil)
        #expect(evidence.lower["army"] == 2 && evidence.capitalised["army"] == 2)
        #expect(evidence.lowercaseWords(minimumLower: 2, maximumCapitalisedShare: 0.25) == ["lunch", "the", "was"])
    }

    @Test func finalWordsAreShortWordsEndingATrainingSentence() {
        let evidence = AbbreviationEvidence(lines: ["Come in.", "We waited an hour.", "See Eq. 3 here.", "It was gone. Really."])
        #expect(SegmentationData.shortFinalWords([evidence]) == ["here", "hour", "in"])
    }

    @Test func theEmbeddedTableIsTheCommittedFile() throws {
        #expect(AbbreviationTable.embedded == AbbreviationTable.parse(try readTextFile(data.tablePath)))
        #expect(AbbreviationTable.embedded.count > 100)
    }

    @Test func aPeriodBeforeALowercaseWordOrADigitInsideASentenceIsEvidence() {
        let evidence = AbbreviationEvidence(lines: [
            "The parts ship in approx. two weeks.",
            "Each box weighs approx. 3 kilos.",
            "It took approx. Three days, they said.",
        ])
        #expect(evidence.counts["approx"] == .init(continued: 2, inside: 3, final: 0, bare: 0))
    }

    @Test func aWordEndingTheSentenceCountsAsFinalNotAsEvidence() {
        let evidence = AbbreviationEvidence(lines: ["We bought bread, milk, etc.", "Fruit, nuts, etc. are fine."])
        #expect(evidence.counts["etc"] == .init(continued: 1, inside: 1, final: 1, bare: 0))
    }

    @Test func aWordSeenMoreOftenWithoutItsPeriodIsNotLearned() {
        let evidence = AbbreviationEvidence(lines: [
            "Quiere ser. y luego volver.", "Puede ser. o no.", "Va a ser médico.", "Debe ser feliz.", "No quiere ser rico.",
            "Lo vimos en la fig. 2 del informe.", "La fig. siguiente lo muestra.",
        ])
        #expect(SegmentationTableBuilder().learned(evidence) == ["fig"])
    }

    @Test func lowercaseWordsAndCapitalAcronymsAreTrailingOtherCapitalisedOnesAmbiguousCommonWordsBeforeNumber() {
        #expect(SegmentationTableBuilder.kind(of: "pág", counts: nil) == .trailing)
        #expect(SegmentationTableBuilder.kind(of: "RAM", counts: nil) == .trailing)
        #expect(SegmentationTableBuilder.kind(of: "Excmo", counts: nil) == .ambiguous)
        #expect(SegmentationTableBuilder.kind(of: "Is", counts: .init(inside: 0, bare: 40)) == .trailing)
        #expect(SegmentationTableBuilder.kind(of: "Hat", counts: .init(inside: 2, final: 1)) == .trailing)
        #expect(SegmentationTableBuilder.kind(of: "S.p.A", counts: nil) == .ambiguous)
        #expect(SegmentationTableBuilder.kind(of: "ago", counts: .init(inside: 1, bare: 30)) == .beforeNumber)
    }

    @Test func icuEntriesWithSpacesOrSymbolsAreLeftOut() {
        #expect(SegmentationTableBuilder.usableWords(ofICUEntries: ["a. C.", "c/c.", "pág.", "Sr.", "L."]) == ["pág", "Sr"])
    }
}
