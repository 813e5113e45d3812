import Testing
import TamizClassifying
import TamizTraining

@Suite struct ClassifierTests {
    let classifier = LanguageClassifier()

    @Test func clearEnglishSentencesAreEnglish() {
        for s in [
            "The weather was lovely, so we walked along the river after lunch.",
            "I would like to know whether the store is open on Sunday mornings.",
            "They said the meeting had been moved to next Thursday because of the holiday.",
        ] {
            let guess = classifier.classify(s)
            #expect(guess.language == .english, "\(s) → \(guess)")
            #expect(guess.confidence > 0.9)
        }
    }

    /// English at probability 1.0 once rounded, with a trace of Spanish: P(other) computed as
    /// 1 − P(en) − P(es) was −2.8e-10 on the first sentence (debug build) and −1.13e-12 on the
    /// second (the fuzzer's find, release build).
    @Test func probabilitiesAreNeverNegative() {
        for s in [
            "Guerrillas detonated a car bomb outside a police station in the eastern city, killing several people.",
            "My neighbour grows tomatoes on the balcony every summer.",
            "Mi vecina cultiva tomates en el balcón todos los veranos.",
            "Het weer was vandaag erg mooi.",
        ] {
            var text = s
            let p = text.withUTF8 { classifier.probabilities($0) }
            for value in [p.english, p.spanish, p.other] {
                #expect(value >= 0 && value <= 1, "\(s) → \(p)")
            }
            #expect(abs(p.english + p.spanish + p.other - 1) < 1e-3, "\(s) → \(p)")
        }
    }

    @Test func clearSpanishSentencesAreSpanish() {
        for s in [
            "El gobierno anunció ayer que las nuevas medidas entrarán en vigor el próximo mes.",
            "¿Sabes si la tienda abre los domingos por la mañana?",
            "Los vecinos del barrio se quejaron del ruido que hacían las obras durante la noche.",
        ] {
            let guess = classifier.classify(s)
            #expect(guess.language == .spanish, "\(s) → \(guess)")
            #expect(guess.confidence > 0.9)
        }
    }

    @Test(arguments: ["", "   \n\t ", "12345 678,90", "!!! ... ??? ---", "😀🎉👍🏽", "https://www.example.com/path/page?q=1",
                      "www.example.com", "someone@example.org", "#hashtag_thing", "2024-05-01 10:30"])
    func textWithoutLinguisticLettersIsUndetermined(_ text: String) {
        let guess = classifier.classify(text)
        #expect(guess.language == .undetermined, "\(text) → \(guess)")
    }

    @Test func urlsInsideASentenceDoNotDecideIt() {
        let guess = classifier.classify("Puedes leer el artículo completo en https://www.example.com/news/english-story-today")
        #expect(guess.language == .spanish)
    }

    @Test func otherScriptsAreUndetermined() {
        for s in ["Это предложение написано по-русски.", "これは日本語の文です。", "Αυτή είναι μια ελληνική πρόταση."] {
            #expect(classifier.classify(s).language == .undetermined, "\(s)")
        }
    }

    @Test func frenchSentenceIsUndetermined() {
        let guess = classifier.classify("Je pense que nous devrions partir avant que la pluie ne commence.")
        #expect(guess.language == .undetermined, "\(guess)")
    }

    @Test func catalanSentenceIsUndetermined() {
        let guess = classifier.classify("La Generalitat ha anunciat que les escoles tornaran a obrir dilluns vinent.")
        #expect(guess.language == .undetermined, "\(guess)")
    }

    @Test func portugueseSentenceIsUndetermined() {
        let guess = classifier.classify("Não sabemos ainda quando o governo vai anunciar as novas regras.")
        #expect(guess.language == .undetermined, "\(guess)")
    }

    @Test func commonSingleWordsAndPairsGetTheirLanguage() {
        for w in ["the", "because", "although", "weather", "thank you", "good morning"] {
            #expect(classifier.classify(w).language == .english, "\(w)")
        }
        for w in ["también", "niño", "porque", "mañana", "muchas gracias", "buenos días"] {
            #expect(classifier.classify(w).language == .spanish, "\(w)")
        }
    }

    @Test func caseDoesNotChangeTheAnswer() {
        let lower = classifier.classify("el niño comió manzanas en el jardín")
        let upper = classifier.classify("EL NIÑO COMIÓ MANZANAS EN EL JARDÍN")
        #expect(lower == upper)
    }

    @Test func confidenceIsAlwaysWithinZeroAndOne() {
        var rng = TrainingRandom(state: 7)
        let alphabet = Array("abcdefghijklmnñopqrstuvwxyzáéíóú .,")
        var inputs = ["a", "I", "y", "ok", "The end.", "Fin.", "¿Qué?", "Hola mundo", String(repeating: "la ", count: 5000)]
        for _ in 0..<200 {
            inputs.append(String((0..<Int.random(in: 1...60, using: &rng)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
            }))
        }
        for s in inputs {
            let c = classifier.classify(s).confidence
            #expect(c >= 0 && c <= 1 && c.isFinite, "\(s.prefix(40)) → \(c)")
        }
    }

    @Test func invalidUTF8NULAndBinaryJunkDoNotCrash() {
        var rng = TrainingRandom(state: 42)
        var cases: [[UInt8]] = [
            [0], [0, 0, 0], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xFF, 0xFE, 0xFD], [0x80, 0xBF],
            [0xC3, 0x28, 0xE2, 0x28, 0xA1],
        ]
        for length in [1, 2, 3, 7, 64, 1000, 100_000] {
            cases.append((0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
        for bytes in cases {
            let guess = bytes.withUnsafeBufferPointer { classifier.classify($0) }
            #expect(guess.language == .undetermined, "\(bytes.prefix(12)) → \(guess)")
            #expect(guess.confidence.isFinite && guess.confidence >= 0 && guess.confidence <= 1)
        }
        #expect(classifier.classify([0, 0xFF, 0]).language == .undetermined)
        // Text around a NUL or a cut sequence keeps its language.
        #expect(classifier.classify(Array("Hola\u{0}mundo".utf8)).language == .spanish)
        #expect(classifier.classify(Array("the cat".utf8) + [0xC3]).language == .english)
    }

    @Test func emptyBufferWithoutBaseAddressIsUndetermined() {
        let guess = classifier.classify(UnsafeBufferPointer<UInt8>(start: nil, count: 0))
        #expect(guess == LanguageGuess(language: .undetermined, confidence: 1))
    }

    @Test func bufferStringAndCollectionEntryPointsAgree() {
        let text = "Mañana iremos a la playa con mis primos."
        let viaString = classifier.classify(text)
        let viaBuffer = Array(text.utf8).withUnsafeBufferPointer { classifier.classify($0) }
        let viaCollection = classifier.classify(text.utf8)
        let viaSlice = classifier.classify(Array(("xx" + text).utf8).dropFirst(2))
        #expect(viaString == viaBuffer)
        #expect(viaString == viaCollection)
        #expect(viaString == viaSlice)
    }

    @Test func aVeryLongTextDoesNotOverflowTheScores() {
        let long = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 20_000)
        #expect(classifier.classify(long).language == .english)
        #expect(classifier.classify(long).confidence > 0.99)
        let oneToken = String(repeating: "x", count: 200_000)
        #expect(classifier.classify(oneToken).language == .undetermined, "one letter repeated is no language")
    }

    @Test func higherMinimumConfidenceOnlyTurnsAnswersIntoUnd() {
        let strict = LanguageClassifier(minimumConfidence: 0.99)
        for s in ["casa", "the", "no", "El perro ladra.", "Good dog."] {
            let loose = classifier.classify(s), tight = strict.classify(s)
            #expect(tight.language == loose.language || tight.language == .undetermined)
        }
    }

    @Test func classifierIsUsableFromManyThreadsAtOnce() async {
        let classifier = self.classifier
        let expected = classifier.classify("Esta es una frase en español para la prueba.")
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<200).allSatisfy { _ in classifier.classify("Esta es una frase en español para la prueba.") == expected }
                }
            }
            for await ok in group { #expect(ok) }
        }
    }
}
