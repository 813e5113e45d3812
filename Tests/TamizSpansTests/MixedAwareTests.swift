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
