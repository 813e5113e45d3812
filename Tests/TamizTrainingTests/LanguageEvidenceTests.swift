import Testing
@testable import TamizTraining
import TamizClassifying

/// The model-independent rule `tamiz eval` uses to tell honest `und` answers from misses.
@Suite struct LanguageEvidenceTests {
    let rule = LanguageEvidence(frequentWords: ["dear", "hi", "wow", "de", "servers"])

    func absence(_ text: String) -> LanguageEvidence.Absence? { rule.absence(Array(text.utf8)) }

    @Test func aLowerCaseWordIsEvidence() {
        #expect(absence("purrs") == nil)
        #expect(absence("Marlene said thanks") == nil)
    }

    @Test func aFrequentWordIsEvidenceWhateverItsCase() {
        #expect(absence("Dear Nina,") == nil)
        #expect(absence("Hi,") == nil)
        #expect(absence("WOW!") == nil)
        #expect(absence("SERVERS") == nil)
    }

    @Test func capitalisedNamesCarryNoEvidence() {
        #expect(absence("Marlene D. Hilliard") == .capitalised)
        #expect(absence("Traci,") == .capitalised)
        #expect(absence("V K Choudhry") == .capitalised)
        #expect(absence("Robert Bryngelson@AZURIX") == .capitalised)  // a name next to an address
    }

    @Test func urlsAddressesFileNamesAndCodesCarryNoEvidence() {
        #expect(absence("http://www.budgieresearch.com") == .code)
        #expect(absence("www.thecatalbum.com") == .code)
        #expect(absence("- TEXT.htm << File: TEXT.htm >>") == .capitalised)  // `File` is a capitalised word
        #expect(absence("- API.pdf") == .code)
        #expect(absence("5233-NT") == .code)
        #expect(absence("4105SF") == .code)
    }

    @Test func noLettersCarriesNoEvidence() {
        #expect(absence("2025 -- :-)") == .noLetters)
        #expect(absence("") == .noLetters)
    }

    @Test func initialsWithFullStopsAreWordsNotFileNames() {
        #expect(absence("U.S.") == .capitalised)
    }
}
