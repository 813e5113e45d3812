import Testing
import TamizClassifying

@Suite struct MixedAwareTests {
    @Test func aHalfEnglishHalfSpanishSentenceIsNotCertain() {
        let text = "I was going to call you last night pero se me olvidó por completo"
        let plain = detector.classifier.classify(text)
        let aware = detector.mixedAwareGuess(text)
        #expect(aware.language == plain.language)
        #expect(aware.confidence < 0.8)
        #expect(plain.confidence > aware.confidence)
    }

    @Test func aMonolingualSentenceKeepsTheClassifiersAnswer() {
        for text in ["The museum opens at nine on weekdays and at ten on Sundays.",
                     "El museo abre a las nueve entre semana y a las diez los domingos."] {
            #expect(detector.mixedAwareGuess(text) == detector.classifier.classify(text))
        }
    }
}

@Suite struct MixedAwareScreenTests {
    @Test func aSentenceWithNoEvidenceWordOfTheOtherLanguageSkipsTheSpanPass() {
        // Capping without the word-list screen would lower it if the spans disagreed; with the
        // screen the classifier's answer comes back untouched.
        let text = "The committee approved the budget after a long debate on Tuesday."
        var scratch = SpanScratch()
        var bytes = Array(text.utf8)
        let aware = bytes.withUnsafeMutableBufferPointer { detector.mixedAwareGuess(UnsafeBufferPointer($0), scratch: &scratch) }
        #expect(aware == detector.classifier.classify(text))
        #expect(scratch.spans.isEmpty)
    }

    @Test func theCapIsTheAnswersShareOfSpanLetters() {
        let text = "We went to the beach early y después comimos en casa de mi abuela"
        var scratch = SpanScratch()
        var bytes = Array(text.utf8)
        let aware = bytes.withUnsafeMutableBufferPointer { detector.mixedAwareGuess(UnsafeBufferPointer($0), scratch: &scratch) }
        let same = scratch.spans.filter { $0.language == aware.language }.map(\.letters).reduce(0, +)
        let all = scratch.spans.filter { $0.language != .undetermined }.map(\.letters).reduce(0, +)
        #expect(Set(scratch.spans.map(\.language)).isSuperset(of: [.english, .spanish]))
        #expect(aware.confidence <= Float(same) / Float(all))
    }
}

@Suite struct MixedAwareNameTests {
    @Test func englishNamesInASpanishSentenceLeaveItsConfidence() {
        let text = "El grupo tocó canciones de Green Day y de Smashing Pumpkins en el festival de Cornwall."
        #expect(detector.mixedAwareGuess(text) == detector.classifier.classify(text))
    }
}
