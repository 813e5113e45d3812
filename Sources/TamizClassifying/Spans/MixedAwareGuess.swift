extension LanguageSpanDetector {
    /// The smallest share of the other language's letters at which `mixedAwareGuess` lowers a
    /// confidence. Chosen by `tamiz-train spans calibrate` on synthetic mixed texts made from the
    /// licensed train sentences (the value with the lowest Brier score against each text's gold
    /// language share; 0 won, so any span of the other language counts), then reported on the
    /// dev sentences and the code-switched tweets in Docs/Measurements.md.
    public static let mixedMinimumShare: Float = 0

    /// The classifier's answer for the whole text, with a confidence that admits a mix: when the
    /// spans hold letters of both English and Spanish and the other language's share of those
    /// letters is at least `minimumShare`, the confidence is at most the answer's own share, so a
    /// half-English, half-Spanish sentence comes out near 0.5, not 1.000. The label is always the
    /// classifier's. The span pass runs only when the text holds an evidence word of the other
    /// language written in lower case (the model's `EvidenceWords`; a capitalised one may be a name), so
    /// monolingual text costs one word-list scan; a text whose spans are all of one language
    /// keeps the classifier's answer exactly (`MixedAwareTests`).
    public func mixedAwareGuess(_ utf8: UnsafeBufferPointer<UInt8>, scratch: inout Scratch,
                                minimumShare: Float = Self.mixedMinimumShare) -> LanguageGuess {
        let guess = classifier.classify(utf8)
        let other: Language
        switch guess.language {
        case .english: other = .spanish
        case .spanish: other = .english
        case .undetermined: return guess
        }
        guard classifier.model.evidenceWords.hasWord(of: other, in: utf8, lowerCase: true) else { return guess }
        return capped(guess, utf8, scratch: &scratch, minimumShare: minimumShare)
    }

    /// `guess` capped by its language's share of the span letters in `utf8` (no word-list screen).
    package func capped(_ guess: LanguageGuess, _ utf8: UnsafeBufferPointer<UInt8>, scratch: inout SpanScratch,
                        minimumShare: Float) -> LanguageGuess {
        guard guess.language != .undetermined else { return guess }
        detect(utf8, into: &scratch)
        var same = 0, other = 0
        for span in scratch.spans where span.language != .undetermined {
            if span.language == guess.language { same &+= span.letters } else { other &+= span.letters }
        }
        guard other > 0 else { return guess }
        let share = Float(same) / Float(same + other)
        guard 1 - share >= minimumShare else { return guess }
        return LanguageGuess(language: guess.language, confidence: min(guess.confidence, share))
    }

    /// `mixedAwareGuess` for a string (allocates a scratch).
    public func mixedAwareGuess(_ text: String) -> LanguageGuess {
        var text = text
        var scratch = SpanScratch()
        return text.withUTF8 { mixedAwareGuess($0, scratch: &scratch) }
    }
}
