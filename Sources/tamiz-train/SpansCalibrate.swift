import ArgumentParser
import TamizClassifying
import TamizSpanTraining
import TamizTraining

/// How well sentence confidences match the share of the text in the answer's language: the Brier
/// score of `mixedAwareGuess` for each minimum share, fitted on synthetic mixed texts from the
/// train sentences, reported on the dev sentences and the code-switched tweets.
struct SpansCalibrate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calibrate",
        abstract: "Brier score of sentence confidences against each text's gold language share, per minimum share (fit on synthetic train texts; report on dev and tweets).")
    @Option(help: "Dev directory (default: ../shared/corpus).") var dev: String?
    @Option(help: "Synthetic texts to fit on.") var count = 20_000

    /// A text and the share of its scored letters in each language.
    struct Item { var bytes: [UInt8]; var english: Double; var spanish: Double }

    static func letters(_ token: String) -> Int { token.unicodeScalars.filter(\.properties.isAlphabetic).count }

    static func items(_ texts: [LabelledText]) -> [Item] {
        texts.compactMap { text in
            var en = 0, es = 0
            for token in text.tokens {
                if token.language == .english { en += letters(token.text) }
                if token.language == .spanish { es += letters(token.text) }
            }
            guard en + es > 0 else { return nil }
            return Item(bytes: Array(text.line.utf8), english: Double(en) / Double(en + es), spanish: Double(es) / Double(en + es))
        }
    }

    /// Brier score (mean squared gap between confidence and the answer language's share) over
    /// the texts answered `en` or `es`, and how many are answered at 0.9995 or more while the
    /// other language holds at least a fifth of their letters.
    static func score(_ items: [Item], _ detector: LanguageSpanDetector, minimumShare: Float?, screened: Bool)
        -> (brier: Double, answered: Int, certainMixed: Int, changed: Int) {
        var scratch = SpanScratch()
        var squared = 0.0, answered = 0, certainMixed = 0, changed = 0
        for item in items {
            let (plain, guess) = item.bytes.withUnsafeBufferPointer { utf8 -> (LanguageGuess, LanguageGuess) in
                let plain = detector.classifier.classify(utf8)
                guard let minimumShare else { return (plain, plain) }
                if screened { return (plain, detector.mixedAwareGuess(utf8, scratch: &scratch, minimumShare: minimumShare)) }
                return (plain, detector.capped(plain, utf8, scratch: &scratch, minimumShare: minimumShare))
            }
            let share: Double
            switch guess.language {
            case .english: share = item.english
            case .spanish: share = item.spanish
            case .undetermined: continue
            }
            answered += 1
            if guess.confidence != plain.confidence { changed += 1 }
            squared += (Double(guess.confidence) - share) * (Double(guess.confidence) - share)
            if guess.confidence >= 0.9995 && share <= 0.8 { certainMixed += 1 }
        }
        return (squared / Double(max(1, answered)), answered, certainMixed, changed)
    }

    func run() throws {
        let detector = LanguageSpanDetector()
        let dev = dev ?? packageRoot + "/../shared/corpus"
        let corpus = try TrainingCorpus(directory: packageRoot + "/Data/corpus")
        // Another seed than the span table's fit, so these texts are new to it.
        let synthetic = Self.items(SyntheticMixing(corpus: corpus).texts(count: count, seed: SpanTableBuilder.seed &+ 1))
        var sets: [(String, [Item])] = [("synthetic (fit)", synthetic)]
        for (code, language) in [("en", Language.english), ("es", Language.spanish)] {
            let lines = try TrainingCorpus.readLines(dev + "/\(code).dev.txt")
            sets.append(("\(code).dev", lines.map { Item(bytes: $0, english: language == .english ? 1 : 0, spanish: language == .spanish ? 1 : 0) }))
        }
        let tweets = try SpanEvaluation.readCoNLL(dev + "/codeswitch/lince-spaeng-train-sample.conll")
        sets.append(("tweets", Self.items(tweets)))
        sets.append(("tweets, mixed", Self.items(tweets.filter { Set($0.tokens.compactMap(\.language)).count == 2 })))

        let shares: [Float?] = [nil] + stride(from: 0, through: 0.5, by: 0.05).map { Float($0) }
        print("minimum share | screened | " + sets.map(\.0).joined(separator: " | ") + "   (Brier; at 1.000 with >= 20 % other; confidences changed)")
        var best: (Float, Double)? = nil
        for share in shares {
            for screened in share == nil ? [true] : [true, false] {
                var cells: [String] = []
                for (index, set) in sets.enumerated() {
                    let s = Self.score(set.1, detector, minimumShare: share, screened: screened)
                    cells.append("\(format(s.brier, 4)); \(s.certainMixed); \(s.changed)")
                    if index == 0, screened, let share, best == nil || s.brier < best!.1 { best = (share, s.brier) }
                }
                print("\(share.map { format(Double($0), 2) } ?? "off") | \(screened ? "yes" : "no") | " + cells.joined(separator: " | "))
            }
        }
        if let best { print("lowest Brier on the synthetic texts (screened): minimum share \(format(Double(best.0), 2))") }
    }
}
