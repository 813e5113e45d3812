// tamiz-cleaner-train: builds the cleaner's feature table, fits its model, cross-validates it.
// Thin glue over TamizCleanerTraining; see Data/cleaner/README.md.
import Foundation
import TamizCleanerTraining
import TamizCleaning

let usage = """
    usage: tamiz-cleaner-train table [--scrapes DIR]... [--output FILE]
           tamiz-cleaner-train fit [--table FILE] [--output FILE]
           tamiz-cleaner-train cv [--table FILE] [--folds K] [--penalty X] [--bias X] [--switch X]
                                  [--grid] [--select] [--without GROUP]... [--predictions DIR] [--rules DIR]...
                                  [--logits FILE]
           tamiz-cleaner-train export [--table FILE] [--output FILE]
      table   one row of numbers per non-blank line of the scrapes (default ../shared/samples/scrapes
              and scrapes2) -> Data/cleaner/lines.tsv
      fit     fits the model on the table -> Sources/TamizCleaning/CleanerModelWeights.swift
      cv      leave-site-out cross-validation (sites in K folds; 0 = one fold per site, the default):
              micro F1 per page language; --predictions writes DIR/model/NNN.tsv for score.py, and
              --without leaves a feature group out (its value by CV); --select also picks the decoder's
              bias and switch penalty for each held-out site group on the other groups only (nested);
              with --rules SCRAPES_DIR also DIR/rules/NNN.tsv from the built-in LineCleaner (fitted on all pages);
              --logits writes the out-of-fold stage-two logit of every line as TSV (page, site, language,
              line, gold, logit, words, hasLetter, kept) for decoder experiments
      export  the stage-one feature rows (page, site, language, line, gold, f0...) as TSV, default
              stdout, for model experiments outside Swift
    """

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail(usage, code: 2) }
arguments.removeFirst()
var parsed: [String: [String]] = [:]
var flags: Set<String> = []
while let argument = arguments.first {
    arguments.removeFirst()
    guard argument.hasPrefix("--") else { fail("unexpected argument \(argument)\n" + usage, code: 2) }
    if argument == "--grid" || argument == "--select" { flags.insert(argument); continue }
    guard let value = arguments.first else { fail("\(argument) needs a value\n" + usage, code: 2) }
    arguments.removeFirst()
    parsed[argument, default: []].append(value)
}
let options = parsed
@MainActor func option(_ name: String, _ fallback: String) -> String { options[name]?.last ?? fallback }
@MainActor func number(_ name: String, _ fallback: Double) -> Double {
    guard let text = options[name]?.last else { return fallback }
    guard let value = Double(text) else { fail("\(name): not a number: \(text)", code: 2) }
    return value
}

@MainActor func loadTable() throws -> [FeatureRow] {
    let path = option("--table", "Data/cleaner/lines.tsv")
    return try FeatureTable.parse(String(contentsOfFile: path, encoding: .utf8))
}

do {
    var settings = CleanerFitting.Settings()
    settings.penalty = number("--penalty", settings.penalty)
    settings.bias = number("--bias", settings.bias)
    settings.switchPenalty = number("--switch", settings.switchPenalty)
    if let lengths = options["--windows"]?.last {
        settings.windowLengths = lengths.split(separator: ",").compactMap { Int($0) }
    }
    for name in options["--without"] ?? [] {
        guard let group = CleanerFitting.featureGroups[name] else {
            fail("--without: unknown group \(name) (\(CleanerFitting.featureGroups.keys.sorted().joined(separator: ", ")))", code: 2)
        }
        settings.excludedLineColumns += group.line
        settings.excludedContextColumns += group.context
    }
    switch command {
    case "table":
        let folders = (options["--scrapes"] ?? ["../shared/samples/scrapes", "../shared/samples/scrapes2"])
            .map { URL(fileURLWithPath: $0) }
        let rows = try FeatureTable.build(folders: folders)
        let output = option("--output", "Data/cleaner/lines.tsv")
        try FeatureTable.render(rows).write(toFile: output, atomically: true, encoding: .utf8)
        print("\(output): \(rows.count) lines of \(FeatureTable.pages(rows).count) pages")
    case "fit":
        let weights = CleanerFitting.fit(FeatureTable.pages(try loadTable()), settings: settings)
        let output = option("--output", "Sources/TamizCleaning/CleanerModelWeights.swift")
        try ModelSource.render(weights).write(toFile: output, atomically: true, encoding: .utf8)
        print("\(output): \(weights.lineWeights.count) + \(weights.contextWeights.count) weights")
    case "cv":
        let pages = FeatureTable.pages(try loadTable())
        let folds = Int(number("--folds", 0))
        let logits = CleanerFitting.crossValidatedLogits(pages, folds: folds, settings: settings)
        let names = ["en", "es", "mixed"]
        // One line of micro scores per page language and over all pages, after `label`.
        func printScores(_ label: String, decisions: [[Bool]]) {
            var scores = [LineScore](repeating: LineScore(), count: 3)
            var all = LineScore()
            for (page, kept) in zip(pages, decisions) {
                for (row, keep) in zip(page, kept) {
                    scores[Int(row.language)].add(kept: keep, gold: row.gold)
                    all.add(kept: keep, gold: row.gold)
                }
            }
            var line = label + " |"
            for (name, score) in zip(names, scores) {
                line += String(format: " %@ P %.3f R %.3f F1 %.3f |", name, score.precision, score.recall, score.f1)
            }
            print(line + String(format: " all F1 %.3f", all.f1))
        }
        func report(bias: Double, switchPenalty: Double) -> [[Bool]] {
            let decisions = zip(pages, logits).map {
                CleanerFitting.decisions($0, logits: $1, bias: bias, switchPenalty: switchPenalty)
            }
            printScores(String(format: "bias %5.2f switch %4.2f", bias, switchPenalty), decisions: decisions)
            return decisions
        }
        if flags.contains("--grid") {
            for bias in [-1.0, -0.5, 0, 0.5] {
                for switchPenalty in [0.0, 0.5, 1, 2, 3] { _ = report(bias: bias, switchPenalty: switchPenalty) }
            }
        }
        let decisions = report(bias: settings.bias, switchPenalty: settings.switchPenalty)
        if flags.contains("--select") {
            // The decoder settings chosen per held-out site group on the other groups only.
            let nested = DecoderSelection.nested(pages, logits: logits)
            printScores("nested selection", decisions: nested.map(\.kept))
            var chosen: [String: Int] = [:]
            for decided in nested { chosen[String(format: "%.2f/%.2f", decided.bias, decided.switchPenalty), default: 0] += 1 }
            print("pages per chosen bias/switch: " + chosen.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            let overall = DecoderSelection.best(pages, logits: logits)
            print(String(format: "best on all groups: bias %.2f switch %.2f", overall.bias, overall.switchPenalty))
        }
        if let path = options["--logits"]?.last {
            var text = ""
            for ((page, pageLogits), kept) in zip(zip(pages, logits), decisions) {
                for ((row, logit), keep) in zip(zip(page, pageLogits), kept) {
                    text += "\(row.page)\t\(row.site)\t\(row.language)\t\(row.line)\t\(row.gold)\t\(logit)\t\(row.evidence.words)\t\(row.evidence.has(LineEvidence.Flag.hasLetter) ? 1 : 0)\t\(keep ? 1 : 0)\n"
                }
            }
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        if let directory = options["--predictions"]?.last {
            let model = URL(fileURLWithPath: directory).appendingPathComponent("model")
            try FileManager.default.createDirectory(at: model, withIntermediateDirectories: true)
            for (page, kept) in zip(pages, decisions) {
                var text = "line\tlabel\n"
                for (row, keep) in zip(page, kept) where keep { text += "\(row.line)\t1\n" }
                try text.write(to: model.appendingPathComponent(String(format: "%03d.tsv", page.first!.page)),
                               atomically: true, encoding: .utf8)
            }
            for folder in options["--rules"] ?? [] {
                let rules = URL(fileURLWithPath: directory).appendingPathComponent("rules")
                try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
                var cleaner = LineCleaner()
                cleaner.method = .rules
                let index = try String(contentsOfFile: folder + "/index.tsv", encoding: .utf8)
                for row in index.split(separator: "\n").dropFirst() {
                    let id = String(row.prefix { $0 != "\t" })
                    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/\(id).txt")))
                    let reasons = bytes.withUnsafeBufferPointer { cleaner.debris(ofLines: FeatureTable.lineRanges(bytes), in: $0) }
                    var text = "line\tlabel\n"
                    for (index, reason) in reasons.enumerated() where reason == nil { text += "\(index + 1)\t1\n" }
                    try text.write(to: rules.appendingPathComponent("\(id).tsv"), atomically: true, encoding: .utf8)
                }
            }
        }
    case "export":
        // Stage-one feature rows of every line, for experiments outside Swift.
        let pages = FeatureTable.pages(try loadTable())
        var text = "page\tsite\tlanguage\tline\tgold\t" + (0..<CleanerModel.lineFeatureCount).map { "f\($0)" }.joined(separator: "\t") + "\n"
        for page in pages {
            let evidence = page.map(\.evidence)
            let features = evidence.withUnsafeBufferPointer { CleanerModel.lineFeatures($0) }
            for (position, row) in page.enumerated() {
                text += "\(row.page)\t\(row.site)\t\(row.language)\t\(row.line)\t\(row.gold)"
                for column in 0..<CleanerModel.lineFeatureCount {
                    text += "\t\(features[position * CleanerModel.lineFeatureCount + column])"
                }
                text += "\n"
            }
        }
        try text.write(toFile: option("--output", "/dev/stdout"), atomically: false, encoding: .utf8)
    default:
        fail("unknown command \(command)\n" + usage, code: 2)
    }
} catch {
    fail("tamiz-cleaner-train: \(error)", code: 1)
}
