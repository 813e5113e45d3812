import ArgumentParser
import Tamiz
import TamizTraining

/// `tamiz eval`: accuracy, confusion, calibration and throughput of the classifier on labelled files.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the language classifier on labelled files.",
        discussion: """
            Each FILE holds 'lang<TAB>text' lines, or one sentence per line with the language in \
            its name: en.dev.txt → en, es.* → es, any other code (other/fr.dev.txt) → und. \
            Prints, per file and derived set, accuracy per language and per length bucket \
            (1 word, 2 words, 3-5, 6-15, >15), wrong-language and und rates, forced en/es \
            accuracy, the confusion matrix, calibration (ECE) and classify throughput.
            Derived sets are built from the sentences at run time: words = distinct lower-case \
            letter-only words of 3+ letters (allwords: capitalised ones too), pairs = distinct \
            consecutive lower-case word pairs, stripped = accents removed, deleted = non-ASCII characters deleted \
            (educación → educacin).
            With the word lists (--word-lists, or a words/ directory next to a FILE or its \
            parent), each language's und count is split into units without language evidence \
            (no letters; only URLs, e-mail addresses, codes; only capitalised words that are not \
            frequent words of either list) and debatable ones with evidence.
            """)

    @Option(name: .customLong("set"),
            help: "A set to evaluate, repeatable: sentences, words, pairs, allwords, stripped, deleted (default: sentences).")
    var sets: [String] = ["sentences"]

    @Flag(name: .customLong("strip-accents"), help: "Remove accents (á→a, ñ→n, …) from every set before classifying.")
    var stripAccents = false

    @Flag(name: .customLong("delete-accents"), help: "Delete non-ASCII characters (educación→educacin, a common encoding loss) from every set before classifying.")
    var deleteAccents = false

    @Flag(help: "Also print one report over all FILEs together.")
    var combined = false

    @Option(name: .customLong("min-confidence"), help: "Label units below this confidence 'und' (0...1).")
    var minConfidence: Float = 0.5

    @Option(help: ArgumentHelp("Use this model file instead of the built-in one.", valueName: "path"))
    var model: String?

    @Option(name: .customLong("word-lists"),
            help: ArgumentHelp("Directory with words/en.words.tsv and words/es.words.tsv for the und evidence rule (default: found next to a FILE).", valueName: "dir"))
    var wordLists: String?

    @Argument(help: "Labelled files.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE") }
        if !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be between 0 and 1.") }
        for s in sets where Evaluation.Derivation(rawValue: s) == nil {
            throw ValidationError("unknown set '\(s)' (sentences, words, pairs, allwords, stripped, deleted)")
        }
    }

    func run() throws {
        let languageModel: LanguageModel
        do {
            languageModel = try model.map { (path) throws(FilterError) in try ModelFile.load(path) } ?? .embedded
        } catch {
            throw RuntimeError(error.description)
        }
        let classifier = LanguageClassifier(model: languageModel, minimumConfidence: minConfidence)
        var loaded: [(String, [EvaluationItem])] = []
        for file in files {
            do {
                loaded.append((file, try Evaluation.items(path: file)))
            } catch {
                throw RuntimeError("\(error)")
            }
        }
        let evidence = try evidenceRule()
        if combined { loaded.append(("all files", loaded.flatMap { $0.1 })) }
        for set in sets {
            let derivation = Evaluation.Derivation(rawValue: set)!
            for (name, items) in loaded {
                var derived = Evaluation.derive(items, as: derivation)
                if stripAccents { derived = Evaluation.derive(derived, as: .accentsStripped) }
                if deleteAccents { derived = Evaluation.derive(derived, as: .accentsDeleted) }
                let report = Evaluation.run(derived, classifier: classifier, evidence: evidence)
                let note = (stripAccents ? ", accents stripped" : "") + (deleteAccents ? ", accents deleted" : "")
                print(report.formatted(title: "\(name) [\(set)\(note)]"))
            }
        }
    }

    /// The `und` evidence rule from `--word-lists`, or from the first `words/` directory found
    /// next to a FILE or in its parent; nil (no split of `und`) if there is none.
    func evidenceRule() throws -> LanguageEvidence? {
        var candidates: [String] = wordLists.map { [$0] } ?? []
        if wordLists == nil {
            for file in files {
                let directory = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : "."
                candidates += [directory, directory + "/.."]
            }
        }
        for directory in candidates {
            do {
                return try LanguageEvidence(wordListDirectory: directory)
            } catch {
                if wordLists != nil { throw RuntimeError("\(error)") }
            }
        }
        return nil
    }
}
