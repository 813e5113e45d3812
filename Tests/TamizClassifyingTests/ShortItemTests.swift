import Testing
import TamizClassifying

/// The documented behaviour on hard short items (README of `Data/model/`):
/// - a word common to both languages (within about one Zipf unit in the frequency lists), or to
///   English and another language, never gets a confident answer: whatever its label, confidence
///   < 0.9, so `--min-confidence 0.9` makes it `und`; a word ten times more frequent in one
///   language (`he`, `once`, `en`, `un`) gets that language confidently;
/// - unambiguous frequent words and all-caps headlines get their language;
/// - numbers, emoji and symbols are `und` with confidence 1;
/// - a bare name carries no language: a lone name or a full name (`Pedro`, `Kay Mann`) is `und`
///   unless one of its words is a frequent word of the answer's language.
@Suite struct ShortItemTests {
    let classifier = LanguageClassifier()
    let strict = LanguageClassifier(minimumConfidence: 0.9)

    @Test(arguments: ["no", "me", "a", "come", "real", "son", "van", "Ana", "Michael",
                      "Nelson Mandela", "Sara,", "Traci"])
    func ambiguousWordsAndBareNamesAreNeverConfident(_ text: String) {
        let guess = classifier.classify(text)
        #expect(guess.language == .undetermined || guess.confidence < 0.9, "\(text) → \(guess)")
        #expect(strict.classify(text).language == .undetermined, "\(text)")
    }

    /// Zipf en / es: he 6.69 / 5.77, once 5.53 / 4.39, en 4.50 / 7.45, un 4.62 / 7.07.
    @Test(arguments: [("he", Language.english), ("once", .english), ("en", .spanish), ("un", .spanish)])
    func sharedWordsTenTimesMoreFrequentInOneLanguageGetItConfidently(_ text: String, _ language: Language) {
        let guess = classifier.classify(text)
        #expect(guess.language == language && guess.confidence >= 0.9, "\(text) → \(guess)")
    }

    @Test(arguments: [
        ("with", Language.english), ("very", .english), ("house", .english), ("the dog", .english),
        ("thank you", .english), ("although", .english), ("weather", .english),
        ("niño", .spanish), ("muy", .spanish), ("y", .spanish), ("sin", .spanish), ("pero", .spanish),
        ("el perro", .spanish), ("muchas gracias", .spanish), ("también", .spanish), ("mañana", .spanish),
    ])
    func unambiguousShortItemsGetTheirLanguage(_ text: String, _ language: Language) {
        let guess = classifier.classify(text)
        #expect(guess.language == language, "\(text) → \(guess)")
        #expect(guess.confidence >= 0.9, "\(text) → \(guess)")
    }

    /// No word starts lower-case and the model is not sure: `und` (they were labelled `en` or `es` at 0.6–0.85).
    @Test(arguments: ["Sean", "Priscilla,", "MIRAMAR", "Miramar?", "V K Choudhry", "Kiesdrempel"])
    func capitalisedOnlyNamesWithoutStrongEvidenceAreUndetermined(_ text: String) {
        #expect(classifier.classify(text).language == .undetermined, "\(text) → \(classifier.classify(text))")
    }

    /// No word starts lower-case, but a frequent word of the answer's language (per the word
    /// lists, not frequent in the other) is evidence: greetings and one-word headings keep it.
    @Test(arguments: [("Dear Nina,", Language.english), ("Hi,", .english), ("Hola Pedro,", .spanish),
                      ("DEPORTES", .spanish)])
    func capitalisedOnlyItemsWithAFrequentWordKeepTheirLanguage(_ text: String, _ language: Language) {
        #expect(classifier.classify(text).language == language, "\(text) → \(classifier.classify(text))")
    }

    /// An uncertain answer that a frequent word of the other language contradicts, with no
    /// frequent word of its own, takes that language (the model said Spanish at 0.66 and 0.81;
    /// `island` and `hello` are English).
    @Test(arguments: ["alcatraz island", "Hello Carmen,"])
    func uncertainAnswersContradictedByTheWordListsTakeTheWordsLanguage(_ text: String) {
        #expect(classifier.classify(text).language == .english, "\(text) → \(classifier.classify(text))")
    }

    /// The same for a single Spanish word the model leans English on (these three got English
    /// at 0.67–0.86 from the model alone): the Spanish word list wins.
    @Test(arguments: ["interfaz", "catorce", "zumo"])
    func aSpanishWordTheModelDoubtsIsSpanish(_ text: String) {
        #expect(classifier.classify(text).language == .spanish, "\(text) → \(classifier.classify(text))")
    }

    /// Title-case headlines and lines with a lower-case word keep their language.
    @Test(arguments: [
        ("The Alaskan Knight", Language.english), ("Congratulations!", .english), ("Sincerely,", .english),
        ("El Señor De Los Anillos", .spanish), ("Muchas Gracias", .spanish),
        ("Sean said yes", .english), ("Priscilla dijo que sí", .spanish),
    ])
    func titleCaseAndNamesInProseKeepTheirLanguage(_ text: String, _ language: Language) {
        #expect(classifier.classify(text).language == language, "\(text) → \(classifier.classify(text))")
    }

    @Test(arguments: [
        ("THE GOVERNMENT ANNOUNCED NEW TAXES TODAY", Language.english),
        ("BREAKING NEWS: MARKETS FALL", .english),
        ("EL GOBIERNO ANUNCIÓ NUEVOS IMPUESTOS HOY", .spanish),
        ("ÚLTIMA HORA: EL GOBIERNO CAE", .spanish),
    ])
    func allCapsHeadlinesGetTheirLanguage(_ text: String, _ language: Language) {
        let guess = classifier.classify(text)
        #expect(guess.language == language && guess.confidence >= 0.9, "\(text) → \(guess)")
    }

    @Test(arguments: ["2024", "3.14", "+34 600 123 456", "€ 12,50", "🎉🎉🎉", "😀", "---", "#1", "https://example.com/casa",
                      "int main() { return 0; }", "for (i = 0; i < n; i++) {", "var x = foo.bar(1);",
                      "<div class=\"x\">Hola</div>", "x = [1, 2, 3];"])
    func numbersSymbolsURLsAndCodeAreUndetermined(_ text: String) {
        #expect(classifier.classify(text) == LanguageGuess(language: .undetermined, confidence: 1), "\(text)")
    }

    @Test(arguments: ["(Laughter.)", "I love it :) :)", "The results (see Table 1) were good."])
    func proseWithParenthesesIsNotCode(_ text: String) {
        #expect(classifier.classify(text).language == .english, "\(text)")
    }

    /// A given name or surname alone, with or without a comma, is `und` however Spanish or
    /// English its letters look (the model alone called such names Spanish or English at 0.99).
    @Test(arguments: ["Rodrigo", "Gutiérrez,", "Ximena", "Fernández", "Beckett,", "Winthrop", "Harriet"])
    func aLoneCapitalisedNameIsNeverConfident(_ text: String) {
        let guess = classifier.classify(text)
        #expect(guess.language == .undetermined, "\(text) → \(guess)")
    }

    /// A full name alone, with or without a comma, is `und` too: two to four capitalised words,
    /// initials allowed, none a frequent word (the model alone said `es` or `en` at 0.99 or more).
    @Test(arguments: ["Rosa Diaz,", "Marisol Ortega", "Kay Mann", "Jeffrey T Hodge", "Bart De Wever", "José Luis Núñez,"])
    func aFullNameAloneIsNeverConfident(_ text: String) {
        let guess = classifier.classify(text)
        #expect(guess.language == .undetermined, "\(text) → \(guess)")
    }

    /// A name written surname first, and a list of names, are names too: a comma may end any
    /// word (the model alone said `en` 0.999 for `Smith, John`, `es` 0.999 for `Tanaka, Yuki`).
    @Test(arguments: ["Smith, John", "Tanaka, Yuki", "García, María", "Okafor, Chidi N.", "Kaminski, V.",
                      "Ines Moreau, Dario Celli", "Beth Ware, Raúl Ibarra, Kenji Mori"])
    func aNameWrittenSurnameFirstOrAListOfNamesIsNeverConfident(_ text: String) {
        let guess = classifier.classify(text)
        #expect(guess.language == .undetermined || guess.confidence < 0.98, "\(text) → \(guess)")
    }

    /// Without a capitalised word that is also a frequent word (`Ware`, `Dario`), such a name is `und`.
    @Test(arguments: ["Smith, John", "Tanaka, Yuki", "García, María", "Okafor, Chidi N.", "Kaminski, V.", "Ana Ruiz, Tom Hill"])
    func aNameWrittenSurnameFirstIsUndetermined(_ text: String) {
        let guess = classifier.classify(text)
        #expect(guess.language == .undetermined, "\(text) → \(guess)")
    }

    /// A comma does not make a greeting a name: its frequent word keeps the language.
    @Test(arguments: [("Thanks, Carla", Language.english), ("Gracias, Pedro", .spanish), ("Hello, Marcus", .english)])
    func aGreetingWithACommaKeepsItsLanguage(_ text: String, _ language: Language) {
        #expect(classifier.classify(text).language == language, "\(text) → \(classifier.classify(text))")
    }

    /// Capitalised words with digits or marks are not a name: a time stamp keeps its answer.
    @Test func capitalisedWordsWithDigitsAreNotAName() {
        #expect(classifier.classify("08/16/2000 03:48 PM").language == .english)
    }

    /// One capitalised word that is a frequent word of its language keeps it (`Gracias` is not a name).
    @Test(arguments: [("Gracias,", Language.spanish), ("Bienvenidos", .spanish), ("Welcome", .english), ("Thanks!", .english)])
    func aLoneCapitalisedFrequentWordKeepsItsLanguage(_ text: String, _ language: Language) {
        #expect(classifier.classify(text).language == language, "\(text) → \(classifier.classify(text))")
    }

    /// Spanish words and phrases whose accented letters were deleted by an encoding loss.
    @Test(arguments: ["informacin", "situacin", "despus", "tambin", "la poblacin", "el ao pasado",
                      "Dnde est la estacin de tren?", "Tambin", "Adems", "Segn"])
    func spanishWithDeletedAccentsIsStillSpanish(_ text: String) {
        #expect(classifier.classify(text).language == .spanish, "\(text) → \(classifier.classify(text))")
    }

    @Test func spanishWithoutAccentsIsStillSpanish() {
        for text in ["el nino comio manana en el jardin", "la accion del gobierno fue rapida",
                     "Donde esta la estacion de tren?"] {
            #expect(classifier.classify(text).language == .spanish, "\(text)")
        }
    }
}
