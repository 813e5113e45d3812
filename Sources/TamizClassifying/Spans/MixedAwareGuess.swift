extension LanguageSpanDetector {
    /// The classifier's answer for the whole text, with a confidence that admits a mix: when
    /// the spans hold letters of both English and Spanish, the answer's confidence is at most
    /// the share of those letters in spans of its language, so a half-English, half-Spanish
    /// sentence comes out near 0.5, not 1.000. The label is the classifier's. A text whose spans
    /// are all of one language keeps the classifier's answer exactly (`MixedAwareTests`).
    public func mixedAwareGuess(_ utf8: UnsafeBufferPointer<UInt8>, scratch: inout SpanScratch) -> LanguageGuess {
        let guess = classifier.classify(utf8)
        guard guess.language != .undetermined else { return guess }
        detect(utf8, into: &scratch)
        var same = 0, other = 0
        for span in scratch.spans where span.language != .undetermined {
            if span.language == guess.language { same &+= span.letters } else { other &+= span.letters }
        }
        guard other > 0 else { return guess }
        let share = Float(same) / Float(same + other)
        return LanguageGuess(language: guess.language, confidence: min(guess.confidence, share))
    }

    /// `mixedAwareGuess` for a string (allocates a scratch).
    public func mixedAwareGuess(_ text: String) -> LanguageGuess {
        var text = text
        var scratch = SpanScratch()
        return text.withUTF8 { mixedAwareGuess($0, scratch: &scratch) }
    }
}
