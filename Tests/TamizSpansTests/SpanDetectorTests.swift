import Testing
import TamizClassifying

@Suite struct SpanDetectorTests {
    @Test func anEnglishSentenceWithASpanishClauseHasThreeSpans() {
        let spans = spanTexts("I told her que no me importa, she can do whatever she wants")
        #expect(spans.map(\.0) == [.english, .spanish, .english])
        #expect(spans.map(\.1) == ["I told her", "que no me importa,", "she can do whatever she wants"])
    }

    @Test func aSpanishSentenceEndingInEnglishHasTwoSpans() {
        let spans = spanTexts("Mañana vamos a la playa con mis primos, so excited for this weekend")
        #expect(spans.map(\.0) == [.spanish, .english])
        #expect(spans.last?.1 == "so excited for this weekend")
    }

    @Test func aMonolingualSentenceIsOneSpanOverAllOfIt() {
        let english = "The committee will publish its final report on the budget next week."
        #expect(spanTexts(english).map(\.0) == [.english])
        #expect(spanTexts(english).first?.1 == english)
        let spanish = "El ayuntamiento publicará la semana que viene el informe sobre el presupuesto."
        #expect(spanTexts(spanish).map(\.0) == [.spanish])
    }

    /// The scan scores each token as if it were classified alone (its own n-grams, from an
    /// all-space register), through its own loop for runs of plain words: the classifier's
    /// sums for the token by itself are the oracle, for words longer than the 64-letter runs,
    /// Latin-1 letters at a run's edge, capitals, and ends after `,` `.` `?` `!`.
    @Test func eachTokenScoresAsTheClassifierScoresItAlone() {
        let model = detector.classifier.model
        let en = model.classCodes.firstIndex(of: "en")!, es = model.classCodes.firstIndex(of: "es")!
        func difference(_ text: String) -> (Int32, Int) {
            var text = text
            let (scores, letters, _) = text.withUTF8 { model.classScores($0) }
            return (scores[en] &- scores[es], letters)
        }
        let (bias, _) = difference("")
        let words = [
            "Mañana", "señoríos", "ÁRBOL", "año.", "¿qué?", "hola,", "niñoñoño", "what!", "is", "don't",
            String(repeating: "ab", count: 40), String(repeating: "n", count: 64) + "ñ" + "os",
            String(repeating: "é", count: 70) + "s", "Straße", "e.g.", "www.example", "twenty-one", "x2y",
        ]
        let sentence = words.joined(separator: " ") + " final."
        let bytes = Array(sentence.utf8)
        let tokens = bytes.withUnsafeBufferPointer { detector.tokens($0) }
        #expect(tokens.count == words.count + 1)
        for token in tokens where token.letters > 0 {
            let text = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
            let (alone, letters) = difference(text)
            #expect(token.ngram == alone &- bias, "\(text)")
            #expect(token.letters == letters, "\(text)")
        }
    }

    @Test func anAmbiguousWordDoesNotFlipASpan() {
        // `no`, `me` and `a` are words of both languages.
        #expect(spanTexts("no me digas que ya te vas a ir tan temprano").map(\.0) == [.spanish])
        #expect(spanTexts("give me a call if there is no answer at the door").map(\.0) == [.english])
    }

    @Test func handlesLaughterAndEmojiJoinTheSpanAroundThem() {
        let text = "@carolina_88 jajaja yo también quiero ir 😂😂"
        let spans = spanTexts(text)
        #expect(spans.map(\.0) == [.spanish])
        #expect(spans.first?.1 == text)
    }

    @Test func codePointOffsetsCountCharactersNotBytes() {
        let text = "¿Qué pasó? 😊 I have not heard what happened"
        let spans = detector.spans(in: text)
        // The emoji stands alone between the two languages: an `und` span of its own.
        #expect(spans.map(\.language) == [.spanish, .undetermined, .english])
        guard spans.count == 3 else { return }
        #expect(spans[0].scalars == 0..<10)
        #expect(spans[1].scalars == 11..<12)
        let english = spans[2]
        #expect(english.scalars == 13..<text.unicodeScalars.count)
        #expect(english.bytes.upperBound == text.utf8.count)
        #expect(english.letters == 25)
    }

    @Test func textWithoutLettersIsOneUndeterminedSpanAndEmptyTextHasNone() {
        #expect(detector.spans(in: "").isEmpty)
        #expect(detector.spans(in: "   ").isEmpty)
        let spans = detector.spans(in: "12:30 !!! 😂")
        #expect(spans.map(\.language) == [.undetermined])
        #expect(spans.first?.scalars == 0..<11)
    }

    @Test func invalidUTF8AndNULAreReadWithoutCrashing() {
        let bytes: [UInt8] = Array("hola amigo ".utf8) + [0xFF, 0x00, 0xC3] + Array(" how are you doing today".utf8)
        var scratch = SpanScratch()
        bytes.withUnsafeBufferPointer { detector.detect($0, into: &scratch) }
        #expect(scratch.spans.first?.language == .spanish)
        #expect(scratch.spans.last?.language == .english)
        #expect(scratch.spans.allSatisfy { $0.bytes.upperBound <= bytes.count })
    }

    @Test func spansAreOrderedAndDoNotOverlap() {
        let spans = detector.spans(in: "pues yo creo que sí, but honestly who knows, ya veremos mañana")
        #expect(spans.count >= 2)
        for (a, b) in zip(spans, spans.dropFirst()) {
            #expect(a.bytes.upperBound < b.bytes.lowerBound)
            #expect(a.scalars.upperBound < b.scalars.lowerBound)
            #expect(a.language != b.language)
        }
    }

    @Test func aMixedSpanIsLessConfidentThanALongOne() {
        let spans = detector.spans(in: "I love you mucho")
        let long = detector.spans(in: "Esta tarde vamos a preparar la cena para toda la familia")
        #expect(long.first!.confidence > 0.99)
        #expect(spans.allSatisfy { $0.confidence < long.first!.confidence })
    }
}
