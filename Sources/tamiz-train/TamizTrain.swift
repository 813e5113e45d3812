// Rebuilds Data/model/tamiz.model from Data/corpus/ (deterministic, bit for bit), or with
// `evaluate`, trains in memory with other settings and measures the model on the dev sets.
//
//   swift run -c release tamiz-train                       # rebuild the shipped model
//   swift run -c release tamiz-train evaluate [options]    # train in memory with options, report
import ArgumentParser
import TamizClassifying
import TamizTraining
import TamizBytes

#if canImport(Glibc)
import Glibc
#endif

let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Sources/tamiz-train/TamizTrain.swift
    return parts.joined(separator: "/")
}()

@main
struct TamizTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tamiz-train",
        abstract: "Build the Tamiz language model from Data/corpus, or evaluate training settings.",
        subcommands: [Build.self, Evaluate.self, Segmentation.self, Spans.self],
        defaultSubcommand: Build.self
    )
}

/// Training settings; the defaults are the shipped model's (`ModelTrainer.Configuration.shipped`).
struct TrainingOptions: ParsableArguments {
    @Option(help: "Corpus directory (default: Data/corpus).") var corpus: String?
    @Option(help: "Bucket bits (table has 2^bits rows).") var bits: Int?
    @Option(help: "n-gram orders, comma-separated, e.g. 4 or 1,3,5.") var orders: String?
    @Option(help: "Naive Bayes smoothing (share of the class mean count).") var alpha: Double?
    @Option(help: "Score units per nat.") var units: Double?
    @Option(help: "Share of word-feature mass from the frequency lists.") var wordlist: Double?
    @Option(name: .customLong("reject-bias"), help: "Bias of the reject classes, in score units.") var rejectBias: Int32?
    @Option(help: "Softmax temperature T0.") var temperature: Float?
    @Option(help: "Softmax temperature slope T1 per letter.") var slope: Float?
    @Option(name: .customLong("min-letters"), help: "Fewer kept letters → und.") var minLetters: Int?
    @Option(help: "Logistic-regression epochs (0 = naive Bayes only).") var epochs: Int?
    @Option(help: "SGD learning rate.") var lr: Double?
    @Option(help: "Random word spans per sentence and epoch.") var spans: Int?
    @Option(help: "Share of non-English examples with accents stripped.") var strip: Double?
    @Option(help: "Share of non-English examples with non-ASCII characters deleted.") var delete: Double?
    @Option(name: .customLong("list-word-variants"), help: "Accented list words also train stripped and deleted (true/false).") var listWordVariants: Bool?
    @Option(name: .customLong("list-word-shares"), help: "Words in both lists train towards their frequency shares (true/false).") var listWordShares: Bool?
    @Option(name: .customLong("bias-rate"), help: "Bias step relative to weight steps.") var biasRate: Double?
    @Option(name: .customLong("nb-init"), help: "Scale of the naive Bayes weights SGD starts from.") var nbInit: Double?
    @Option(help: "SGD passes over a class: ceil(this / its sentences).") var balance: Int?
    @Option(help: "Seed of the SGD shuffles and spans.") var seed: UInt64?
    @Flag(name: .customLong("no-words"), help: "No whole-word features.") var noWords = false

    var corpusDirectory: String { corpus ?? packageRoot + "/Data/corpus" }

    var configuration: ModelTrainer.Configuration {
        var config = ModelTrainer.Configuration.shipped
        if let bits { config.bucketBits = bits }
        if let orders { config.orders = orders.split(separator: ",").compactMap { Int($0) } }
        if let alpha { config.smoothing = alpha }
        if let units { config.unitsPerNat = units }
        if let wordlist { config.wordListWeight = wordlist }
        if let rejectBias { config.rejectBias = rejectBias }
        if let temperature { config.temperature = temperature }
        if let slope { config.temperatureSlope = slope }
        if let minLetters { config.minimumLetters = minLetters }
        if let epochs { config.epochs = epochs }
        if let lr { config.learningRate = lr }
        if let spans { config.spansPerSentence = spans }
        if let strip { config.accentStripRate = strip }
        if let delete { config.accentDeleteRate = delete }
        if let listWordVariants { config.listWordVariants = listWordVariants }
        if let listWordShares { config.listWordShares = listWordShares }
        if let biasRate { config.biasRate = biasRate }
        if let nbInit { config.naiveBayesInitScale = nbInit }
        if let balance { config.balancedClassSentences = balance }
        if let seed { config.seed = seed }
        if noWords { config.wordFeatures = false }
        return config
    }

    func validate() throws {
        if let bits, !ModelFormat.bucketBitsRange.contains(bits) { throw ValidationError("--bits must be in \(ModelFormat.bucketBitsRange)") }
        if let orders {
            let list = orders.split(separator: ",").map { Int($0) }
            guard list.count == ModelFormat.maximumOrders, list.allSatisfy({ $0.map { (1...7).contains($0) } ?? false }),
                  zip(list, list.dropFirst()).allSatisfy({ $0! < $1! }) else {
                throw ValidationError("--orders: one n-gram order in 1...7")
            }
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train on the corpus and write the model file (the default; bit for bit reproducible).")

    @OptionGroup var training: TrainingOptions
    @Option(help: "Output file (default: Data/model/tamiz.model).") var output: String?

    func run() throws {
        let output = output ?? packageRoot + "/Data/model/tamiz.model"
        let start = monotonicSeconds()
        let corpus = try TrainingCorpus(directory: training.corpusDirectory)
        let bytes = ModelTrainer(configuration: training.configuration).train(corpus)
        try writeFile(output, bytes)
        // The model file holds the evidence word lists too (see `EvidenceWords`, `ModelFormat`).
        print("wrote \(output): \(bytes.count) bytes in \(format(monotonicSeconds() - start, 2)) s")
    }
}

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train in memory (or load --model) and print tamiz eval's report on the dev sentences, words and pairs (with --fit, the ECE-best temperature).")

    @OptionGroup var training: TrainingOptions
    @Option(help: "Evaluate this model file instead of training.") var model: String?
    @Option(help: "Dev directory (default: ../shared/corpus).") var dev: String?
    @Option(name: .customLong("min-conf"), help: "Minimum confidence.") var minConf: Float = 0.5
    @Option(help: "Print misclassified dev sentences of this language code.") var errors: String?
    @Option(name: .customLong("words-file"), help: "With --errors: read the items from this file.") var wordsFile: String?
    @Option(help: "Print only a one-line summary on this half of the dev sentences: tune (even lines), report (odd lines) or all.") var summary: String?
    @Option(name: .customLong("reject-deltas"), help: "With --summary: one summary per delta added to the reject classes' bias, comma-separated.") var rejectDeltas = "0"
    @Flag(help: "Also fit the softmax temperature T0 + T1·letters for the smallest worst-set ECE on the dev sets.") var fit = false

    func run() throws {
        let languageModel: LanguageModel
        if let model {
            languageModel = try LanguageModel(contentsOfFile: model)
        } else {
            let start = monotonicSeconds()
            let bytes = try ModelTrainer(configuration: training.configuration).train(corpusDirectory: training.corpusDirectory)
            print("trained in \(format(monotonicSeconds() - start, 2)) s, \(bytes.count) bytes")
            languageModel = try LanguageModel(bytes: bytes)
        }
        let dev = dev ?? packageRoot + "/../shared/corpus"
        if let code = errors {
            let truth: Language = code == "en" ? .english : code == "es" ? .spanish : .undetermined
            dumpErrors(model: languageModel, devDirectory: dev, code: code, truth: truth, limit: 400, wordsFile: wordsFile)
            return
        }
        if let summary {
            guard let half = ["tune": 0, "report": 1, "all": -1][summary] else {
                throw ValidationError("--summary: tune, report or all")
            }
            for delta in rejectDeltas.split(separator: ",").compactMap({ Int32($0) }) {
                if delta != 0 { print("reject classes' bias \(delta > 0 ? "+" : "")\(delta):", terminator: " ") }
                let biased = delta == 0 ? languageModel : try LanguageModel(bytes: withRejectBiasDelta(languageModel.bytes, delta))
                try printSummary(model: biased, devDirectory: dev, minimumConfidence: minConf, half: half < 0 ? nil : half)
            }
            return
        }
        try runEvaluation(model: languageModel, devDirectory: dev, minimumConfidence: minConf, fit: fit)
    }
}

