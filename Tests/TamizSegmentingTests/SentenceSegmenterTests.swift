import Testing
@testable import TamizSegmenting

/// The segmenter's contract: what it returns for edge inputs, the invariants of its ranges,
/// the length cap, and the abbreviation traps that plain ICU (or its @ss=standard suppressions) get wrong.
@Suite struct SentenceSegmenterTests {
    let segmenter: SentenceSegmenter

    init() throws {
        segmenter = try SentenceSegmenter()
    }

    // MARK: Empty and whitespace input

    @Test func emptyTextHasNoSentences() {
        #expect(segmenter.sentences(in: "").isEmpty)
        #expect(ranges(of: []).isEmpty)
    }

    @Test func whitespaceOnlyTextHasNoSentences() {
        #expect(segmenter.sentences(in: "   \t  ").isEmpty)
        #expect(segmenter.sentences(in: "\u{00A0}\u{2003}\u{3000} \r\n").isEmpty)
    }

    @Test func sentencesAreTrimmedOfSurroundingWhitespace() {
        #expect(segmenter.sentences(in: "  \tHello there.   How are you?\u{00A0} ") == ["Hello there.", "How are you?"])
    }

    @Test func textWithoutFinalPunctuationIsOneSentence() {
        #expect(segmenter.sentences(in: "just a heading without a period") == ["just a heading without a period"])
    }

    // MARK: A period before a lower-case word

    @Test func aPeriodAfterARareShortLowerCaseWordContinuesTheSentence() {
        #expect(segmenter.sentences(in: "Lo dice el párr. 3 del acuerdo.") == ["Lo dice el párr. 3 del acuerdo."])
        #expect(segmenter.sentences(in: "Firmó el día 9 del cte. mes.") == ["Firmó el día 9 del cte. mes."])
    }

    @Test func aPeriodAfterAFrequentWordOrAnAcronymStillEndsAWebTextSentence() {
        #expect(segmenter.sentences(in: "ok see you soon. i will call.") == ["ok see you soon.", "i will call."])
        #expect(segmenter.sentences(in: "we met the NYSE. it was fun.") == ["we met the NYSE.", "it was fun."])
        #expect(segmenter.sentences(in: "nos vemos mañana. yo llamo.") == ["nos vemos mañana.", "yo llamo."])
    }

    @Test func appendSentencesKeepsWhatIsAlreadyInTheArray() {
        let bytes = Array("First one. Second one.".utf8)
        var collected: [Range<Int>] = [100 ..< 200]
        bytes.withUnsafeBufferPointer { segmenter.appendSentences(of: $0, to: &collected) }
        #expect(collected == [100 ..< 200, 0 ..< 10, 11 ..< 22])
    }

    @Test func theDefaultCapIs4096Bytes() throws {
        #expect(SentenceSegmenter.defaultMaxSentenceBytes == 4096)
        #expect(segmenter.maxSentenceBytes == 4096)
        #expect(try SentenceSegmenter(maxSentenceBytes: 100).maxSentenceBytes == 100)
    }

    // MARK: Arbitrary bytes

    @Test func invalidUTF8DoesNotCrashAndRangesStayOnTheOriginalBytes() {
        let text: [UInt8] = Array("Hola ".utf8) + [0xFF, 0xC3, 0x28, 0xE2, 0x80] + Array(". Adiós ".utf8) + [0xF0, 0x9F]
            + Array("mundo. ¿Qué? ".utf8) + [0x80, 0x80, 0xBF] + Array("Fin.".utf8)
        let found = ranges(of: text)
        checkInvariants(found, in: text)
        #expect(found.count >= 2)
        #expect(Array(text[found.last!]).suffix(4) == Array("Fin.".utf8))
    }

    @Test func nulBytesStayInsideTheirSentence() {
        let text = Array("Hello\u{0}world. Next one.".utf8)
        let found = ranges(of: text)
        checkInvariants(found, in: text)
        #expect(found.map { Array(text[$0]) } == [Array("Hello\u{0}world.".utf8), Array("Next one.".utf8)])
    }

    @Test func pseudoRandomByteSoupKeepsEveryInvariant() throws {
        // Fragments chosen to hit every rule: abbreviations, lists, ¿¡, dashes, ellipses, emoticons,
        // footnotes, broken UTF-8, NUL, and whitespace of several widths.
        let pieces: [[UInt8]] = [
            "a", "Dr.", "U.S.", "EE.", "UU.", " ", "  ", "\t", "\u{00A0}", "\u{3000}", ".", "?", "!", "…", "...",
            " . . .", "¿", "¡", "—", "-", "«", "»", "“", "”", "\"", "(", ")", "[1]", "1.", "2)", "b.", ":)", ";-)",
            "The", "el", "Sr.", "p.m.", "No.", "5", "é", "\u{0}",
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0x80], [0xF0, 0x9F, 0x98]]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let small = try SentenceSegmenter(maxSentenceBytes: 16)
        for _ in 0 ..< 400 {
            var text: [UInt8] = []
            for _ in 0 ..< next() % 60 { text += pieces[next() % pieces.count] }
            checkInvariants(ranges(of: text), in: text)
            checkInvariants(ranges(of: text, using: small), in: text, cap: 16)
        }
    }

    // MARK: The length cap

    @Test func aLongRunWithoutPunctuationIsCutAtWhitespaceIntoPiecesWithinTheCap() {
        let words = (0 ..< 25_000).map { "w\($0 % 1000)" }
        let text = Array(words.joined(separator: " ").utf8)
        #expect(text.count > 100_000)
        let found = ranges(of: text)
        checkInvariants(found, in: text, cap: 4096)
        #expect(found.count >= text.count / 4096)
        let rejoined = found.map { String(decoding: text[$0], as: UTF8.self) }.joined(separator: " ")
        #expect(rejoined.split(separator: " ").map(String.init) == words)
    }

    @Test func aLongRunWithoutWhitespaceIsCutAtCharacterBoundaries() {
        let text = Array(String(repeating: "añ€😀", count: 12_000).utf8)  // 1-, 2-, 3- and 4-byte characters
        let found = ranges(of: text)
        checkInvariants(found, in: text, cap: 4096)
        #expect(found.reduce(0) { $0 + $1.count } == text.count)
        for range in found {
            #expect(String(validating: text[range], as: UTF8.self) != nil, "cut inside a character at \(range)")
        }
    }

    @Test func aSmallCapSplitsLongSentencesButKeepsShortOnes() throws {
        let capped = try SentenceSegmenter(maxSentenceBytes: 20)
        #expect(capped.sentences(in: "Short one. This sentence is clearly longer than twenty bytes.")
            == ["Short one.", "This sentence is", "clearly longer than", "twenty bytes."])
    }

    @Test func paragraphsLongerThanTheICUWindowAreSegmentedAcrossWindows() throws {
        let windowed = try SentenceSegmenter(maxSentenceBytes: 4096, windowBytes: 64)
        let sentences = (0 ..< 50).map { "Sentence number \($0) is here." }
        let text = Array(sentences.joined(separator: " ").utf8)
        let found = ranges(of: text, using: windowed)
        checkInvariants(found, in: text)
        let words = found.flatMap { String(decoding: text[$0], as: UTF8.self).split(separator: " ") }
        #expect(words == sentences.joined(separator: " ").split(separator: " "))
    }

    // MARK: Traps

    @Test func drSmithIsNotASentenceEnd() {
        #expect(segmenter.sentences(in: "Dr. Smith will see you now.") == ["Dr. Smith will see you now."])
    }

    @Test func srGarciaIsNotASentenceEnd() {
        #expect(segmenter.sentences(in: "El Sr. García llegó tarde.") == ["El Sr. García llegó tarde."])
    }

    @Test func eeUUWithASpaceIsOneAbbreviation() {
        #expect(segmenter.sentences(in: "Vive en EE. UU. desde 2015.") == ["Vive en EE. UU. desde 2015."])
        #expect(segmenter.sentences(in: "Se mudó a EE. UU. Allí encontró trabajo.") == ["Se mudó a EE. UU.", "Allí encontró trabajo."])
    }

    @Test func pmContinuesBeforeAWordButEndsBeforeASentenceOpener() {
        #expect(segmenter.sentences(in: "We open at 9 a.m. and close at 5 p.m. every day.")
            == ["We open at 9 a.m. and close at 5 p.m. every day."])
        #expect(segmenter.sentences(in: "The train left at 5 p.m. The next day it snowed.")
            == ["The train left at 5 p.m.", "The next day it snowed."])
    }

    @Test func aWordEndingInAnAbbreviationIsStillASentenceEnd() {
        // ICU's es@ss=standard merges these because its abbreviation "ed." matches inside "arrived.".
        #expect(segmenter.sentences(in: "He arrived. She left.") == ["He arrived.", "She left."])
        #expect(segmenter.sentences(in: "Llegó cansado. Se fue pronto.") == ["Llegó cansado.", "Se fue pronto."])
    }

    @Test func usBeforeANameContinuesButBeforeAPronounEnds() {
        #expect(segmenter.sentences(in: "The U.S. Army built it.") == ["The U.S. Army built it."])
        #expect(segmenter.sentences(in: "U.S. officials declined.") == ["U.S. officials declined."])
        #expect(segmenter.sentences(in: "They moved to the U.S. They stayed.") == ["They moved to the U.S.", "They stayed."])
    }

    @Test func invertedMarksStartASentenceAfterFinalPunctuation() {
        #expect(segmenter.sentences(in: "¿Vienes? ¡Claro!") == ["¿Vienes?", "¡Claro!"])
        #expect(segmenter.sentences(in: "Vale. ¿y tú?") == ["Vale.", "¿y tú?"])
        #expect(segmenter.sentences(in: "Si llueve, ¿vendrás?") == ["Si llueve, ¿vendrás?"])
    }

    @Test func spanishDialogueTagsStayWithTheirLine() {
        #expect(segmenter.sentences(in: "—¿Vienes? —preguntó Ana. —Sí, ahora.") == ["—¿Vienes? —preguntó Ana.", "—Sí, ahora."])
    }

    // MARK: Helpers

    private func ranges(of bytes: [UInt8], using segmenter: SentenceSegmenter? = nil) -> [Range<Int>] {
        var found: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { (segmenter ?? self.segmenter).appendSentences(of: $0, to: &found) }
        return found
    }

    /// Ranges are non-empty, within the text, in order and non-overlapping, trimmed, within the cap,
    /// and everything outside them is whitespace.
    private func checkInvariants(_ found: [Range<Int>], in text: [UInt8], cap: Int = 4096,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        var covered = 0
        for range in found {
            #expect(!range.isEmpty && range.lowerBound >= covered && range.upperBound <= text.count,
                    "range \(range) after \(covered) in \(text.count) bytes", sourceLocation: sourceLocation)
            #expect(range.count <= cap, "range \(range) longer than \(cap)", sourceLocation: sourceLocation)
            guard !range.isEmpty, range.lowerBound >= covered, range.upperBound <= text.count else { return }
            #expect(isWhitespace(text[covered ..< range.lowerBound]), "dropped non-space bytes before \(range)",
                    sourceLocation: sourceLocation)
            let sentence = String(decoding: text[range], as: UTF8.self)
            #expect(!sentence.first!.isWhitespace && !sentence.last!.isWhitespace, "untrimmed \(range)",
                    sourceLocation: sourceLocation)
            covered = range.upperBound
        }
        #expect(isWhitespace(text[covered...]), "dropped non-space bytes at the end", sourceLocation: sourceLocation)
    }

    private func isWhitespace(_ bytes: ArraySlice<UInt8>) -> Bool {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
}
