import Testing
import TamizCleaning

@Suite("Line cleaner")
struct LineCleanerTests {
    let cleaner = LineCleaner()

    func reason(of line: String, in document: [String] = []) -> DebrisReason? {
        cleaner.debris(ofLines: document + [line]).last!
    }

    @Test("prose in either language is content")
    func proseIsContent() {
        #expect(reason(of: "The council approved the new budget on Tuesday after a long debate.") == nil)
        #expect(reason(of: "El ayuntamiento aprobó el nuevo presupuesto el martes tras un largo debate.") == nil)
    }

    @Test("a headline without final punctuation is content")
    func headlineIsContent() {
        #expect(reason(of: "Farmers in the valley brace for the driest summer in decades") == nil)
    }

    @Test("whitespace-only lines are blank")
    func blankLines() {
        #expect(reason(of: "") == .blank)
        #expect(reason(of: " \t ") == .blank)
    }

    @Test("lines without letters are debris", arguments: ["_", "|", "2025", "→", "—", "12:30", "★★★★☆", "😀 🎉"])
    func noLetters(line: String) {
        #expect(reason(of: line) == .noLetters)
    }

    @Test("navigation labels are recognised in both languages, in any case and with decoration",
          arguments: ["Skip to content", "Skip to main content", "MOST VIEWED", "Read more »", "Lo más visto",
                      "Ir al contenido", "Últimas noticias", "Archived In", "Iniciar sesión"])
    func navigation(line: String) {
        #expect(reason(of: line) == .navigation)
    }

    @Test("cookie, paywall and newsletter banners are boilerplate even as full sentences", arguments: [
        "We use cookies to improve your experience on our site.",
        "Sign up for our weekly newsletter to get the best stories in your inbox.",
        "¿Quieres añadir otro usuario a tu suscripción?",
        "Al continuar navegando aceptas nuestra política de cookies.",
        "© 2025 Example Media. All rights reserved.",
    ])
    func boilerplate(line: String) {
        #expect(reason(of: line) == .boilerplate)
    }

    @Test("a long paragraph that mentions cookies is still content")
    func longParagraphMentioningCookiesIsContent() {
        let paragraph = Array(repeating: "Regulators said the cookie rules had changed how people browse the web.", count: 6)
            .joined(separator: " ")
        #expect(reason(of: paragraph) == nil)
    }

    @Test("a short line repeated in the document is debris in every copy")
    func repeatedShortLinesAreDebrisEverywhere() {
        let document = [
            "Recommended by the editors", "A storm closed the airport for six hours on Monday.",
            "Recommended by the editors",
        ]
        #expect(cleaner.debris(ofLines: document) == [.repeated, nil, .repeated])
    }

    @Test("a long repeated paragraph keeps its first copy")
    func repeatedLongParagraphKeepsFirstCopy() {
        let paragraph = "The storm closed the airport for six hours on Monday, stranding thousands of travellers in the terminal."
        #expect(cleaner.debris(ofLines: [paragraph, paragraph]) == [nil, .repeated])
    }

    @Test("one or two words without sentence punctuation are short")
    func shortFragments() {
        #expect(reason(of: "Flecha") == .short)
        #expect(reason(of: "Photo gallery") == .short)
    }

    @Test("a two-word exclamation is a sentence, not a fragment")
    func shortSentencesSurvive() {
        #expect(reason(of: "¡Qué bien!") == nil)
        #expect(reason(of: "Thank you.") == nil)
    }

    @Test("invalid UTF-8 and NUL bytes do not crash the cleaner")
    func arbitraryBytes() {
        let bytes: [UInt8] = [0xFF, 0xC3, 0x00, 0x41, 0xE2, 0x82, 0x0A, 0xF0, 0x9F]
        let reasons = bytes.withUnsafeBufferPointer { cleaner.debris(ofLines: [0..<bytes.count, 3..<4, 9..<9], in: $0) }
        #expect(reasons.count == 3)
        #expect(reasons[2] == .blank)
    }
}

@Suite("Line features")
struct LineFeaturesTests {
    func features(_ line: String) -> LineFeatures {
        Array(line.utf8).withUnsafeBufferPointer { LineFeatures($0) }
    }

    @Test("counts words that hold letters, not numbers or symbols")
    func wordCount() {
        #expect(features("Hace 3 días — según él").words == 4)
    }

    @Test("accented letters count as letters, symbols and digits do not")
    func accentedLetters() {
        #expect(features("ñú").hasLetter)
        #expect(!features("— 2025 → 12:30 «»").hasLetter)
    }

    @Test("a line of spaces, tabs and no-break spaces is blank")
    func blank() {
        #expect(features(" \t\u{00A0} ").isBlank)
        #expect(!features(" _ ").isBlank)
    }

    @Test("sentence punctuation may sit inside closing quotes")
    func closingQuotes() {
        #expect(features("He said “stop.”").endsWithSentencePunctuation)
        #expect(features("Dijo «basta».").endsWithSentencePunctuation)
        #expect(!features("Breaking news").endsWithSentencePunctuation)
    }
}
