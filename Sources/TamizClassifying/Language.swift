/// The label Tamiz gives a unit of text.
///
/// Only English and Spanish are accepted; everything else (no letters, too little evidence,
/// another language such as Catalan or Portuguese, another script) is `undetermined`.
/// The raw values are the ISO 639-1 codes written to output (`und` is ISO 639-2's "undetermined").
///
/// `ClassifierTests` checks each label on real English, Spanish, other-language and junk text.
public enum Language: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case spanish = "es"
    case undetermined = "und"
}

/// The classifier's answer for one unit of text.
///
/// `confidence` is in [0, 1] and roughly calibrated: among answers given with confidence `p`,
/// about a fraction `p` are right. For `.undetermined` it is the probability that the text is
/// neither English nor Spanish (1 when the text has no letters at all).
///
/// `DevAccuracyTests` checks the labels on the dev sets; `tamiz eval` reports the calibration error.
public struct LanguageGuess: Sendable, Equatable {
    public var language: Language
    public var confidence: Float

    public init(language: Language, confidence: Float) {
        self.language = language
        self.confidence = confidence
    }
}
