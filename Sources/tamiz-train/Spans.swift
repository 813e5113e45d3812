// `tamiz-train spans …`: the span table for code-switched text (see `SpanTableBuilder`).
//
//   swift run -c release tamiz-train spans build       # rebuild Data/spans/spans.table
//   swift run -c release tamiz-train spans evaluate    # score on ../shared/corpus/codeswitch
//   swift run -c release tamiz-train spans label < lines > spans.jsonl   # for score.py --cmd
import ArgumentParser
import TamizClassifying
import TamizSpanTraining
import TamizTraining
import TamizBytes

#if canImport(Glibc)
import Glibc
#endif

struct Spans: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spans",
        abstract: "Build, evaluate and try the span table for code-switched text.",
        subcommands: [SpansBuild.self, SpansEvaluate.self, SpansLabel.self, SpansSynthetic.self, SpansSpeed.self, SpansDigest.self, SpansCalibrate.self])
}

struct SpansBuild: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build",
        abstract: "Fit the span table on Data/corpus and write Data/spans/spans.table (bit for bit reproducible).")
    @Option(help: "Corpus directory (default: Data/corpus).") var corpus: String?
    @Option(help: "Output file (default: Data/spans/spans.table).") var output: String?

    func run() throws {
        let start = monotonicSeconds()
        let corpus = try TrainingCorpus(directory: corpus ?? packageRoot + "/Data/corpus")
        let bytes = try SpanTableBuilder.build(corpus: corpus) { print($0) }
        let output = output ?? packageRoot + "/Data/spans/spans.table"
        try writeFile(output, bytes)
        print("wrote \(output): \(bytes.count) bytes in \(format(monotonicSeconds() - start, 2)) s")
        print("parameters: \(try SpanTable(bytes: bytes).parameters)")
    }
}

/// Parameter overrides for `evaluate`.
struct SpanParameterOptions: ParsableArguments {
    @Option(help: "Read the span table from this file instead of the embedded one.") var table: String?

    func detector() throws -> LanguageSpanDetector {
        guard let table else { return LanguageSpanDetector() }
        return LanguageSpanDetector(classifier: LanguageClassifier(), table: try SpanTable(bytes: try TrainingCorpus.readFile(table)))
    }

    @Option(help: "Override parameters: name=value,… (ngram, word, context, penalty, cap, capitalised, prior, confidence).")
    var set: String?

    func apply(_ q: SpanParameters) throws -> SpanParameters {
        var q = q
        for item in (set ?? "").split(separator: ",") {
            let kv = item.split(separator: "=")
            guard kv.count == 2, let v = Float(kv[1]) else { throw ValidationError("bad --set item \(item)") }
            switch kv[0] {
            case "ngram": q.ngramWeight = v
            case "word": q.wordWeight = v
            case "context": q.contextWeight = v
            case "penalty": q.switchPenalty = v
            case "cap": q.evidenceCap = v
            case "capitalised": q.capitalisedWeight = v
            case "prior": q.spanishPrior = v
            case "confidence": q.confidenceScale = v
            default: throw ValidationError("unknown parameter \(kv[0])")
            }
        }
        return q
    }
}

struct SpansEvaluate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evaluate",
        abstract: "Score the embedded span table on code-switched gold (default: ../shared/corpus/codeswitch) or on synthetic texts.")
    @Option(help: "CoNLL gold file.") var gold: String?
    @Option(help: "Texts to score: all, even or odd (1-based, as numbered in the file).") var half = "all"
    @Flag(help: "Score the synthetic training texts instead.") var synthetic = false
    @Flag(help: "Measure only: run the builder's search on this set and print what it finds (never shipped).") var search = false
    @Option(help: "Print this many texts with wrong tokens (word/gold/predicted; measure only).") var errors = 0
    @OptionGroup var parameters: SpanParameterOptions

    func run() throws {
        let detector = try parameters.detector()
        var texts: [LabelledText]
        if synthetic {
            let corpus = try TrainingCorpus(directory: packageRoot + "/Data/corpus")
            texts = SyntheticMixing(corpus: corpus).texts(count: SpanTableBuilder.syntheticTexts, seed: SpanTableBuilder.seed)
        } else {
            texts = try SpanEvaluation.readCoNLL(gold ?? packageRoot + "/../shared/corpus/codeswitch/lince-spaeng-train-sample.conll")
        }
        if half != "all" {
            let keep = half == "even" ? 1 : 0
            texts = texts.enumerated().filter { $0.offset % 2 == keep }.map(\.element)
        }
        let prepared = SpanEvaluation.prepare(texts, detector: detector)
        let q = try parameters.apply(detector.parameters)
        print("parameters: \(q)")
        print(SpanEvaluation.score(prepared, q))
        var shown = 0
        var scratch = SpanScratch()
        var overridden = 0, wrongEvidence = 0, noEvidence = 0
        for p in prepared {
            let labels = SpanEvaluation.spanLanguages(p.tokens, q, &scratch)
            for g in p.gold where g.language != nil {
                guard g.token >= 0, p.tokens[g.token].letters > 0 else { noEvidence += 1; continue }
                if labels[g.token] == g.language { continue }
                let t = p.tokens[g.token]
                let x = q.ngramWeight * Float(t.ngram) * 0.125 + q.wordWeight * 2.302_585 / 16 * Float(t.odds) - q.spanishPrior
                if (x > 0) == (g.language == .english) { overridden += 1 } else { wrongEvidence += 1 }
            }
        }
        print("wrong tokens: \(overridden) with evidence for the right language, \(wrongEvidence) with evidence against it; \(noEvidence) gold tokens without evidence")
        for (text, p) in zip(texts, prepared) where shown < errors {
            let labels = SpanEvaluation.spanLanguages(p.tokens, q, &scratch)
            let predicted = p.gold.map { $0.token >= 0 ? labels[$0.token] : Language.undetermined }
            guard zip(predicted, text.tokens).contains(where: { $1.language != nil && $0 != $1.language }) else { continue }
            shown += 1
            print(zip(text.tokens, zip(p.gold, predicted)).map { t, gp in
                let (g, pr) = gp
                let tok = g.token >= 0 ? p.tokens[g.token] : nil
                let mark = t.language != nil && t.language != pr ? "**" : ""
                return "\(mark)\(t.text)/\(t.language?.rawValue ?? "-")/\(pr.rawValue)\(tok.map { "[\($0.ngram),\($0.odds)]" } ?? "")"
            }.joined(separator: " "))
        }
        if search {
            let found = SpanTableBuilder.fit(prepared, from: q) { print($0) }
            print("search found: \(found)")
        }
    }
}

struct SpansLabel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "label",
        abstract: "Read lines on stdin, write their spans as JSON Lines (line, start, end in code points, lang, confidence, text).")
    @OptionGroup var parameters: SpanParameterOptions

    func run() throws {
        var detector = try parameters.detector()
        detector.parameters = try parameters.apply(detector.parameters)
        var scratch = SpanScratch()
        var number = 0
        var out = ""
        while let line = readLine(strippingNewline: true) {
            number += 1
            var line = line
            line.withUTF8 { detector.detect($0, into: &scratch) }
            let utf8 = Array(line.utf8)
            for span in scratch.spans {
                let text = String(decoding: utf8[span.bytes], as: UTF8.self)
                out += "{\"line\":\(number),\"start\":\(span.scalars.lowerBound),\"end\":\(span.scalars.upperBound),\"lang\":\"\(span.language.rawValue)\",\"confidence\":\(format(Double(span.confidence), 3)),\"text\":\(jsonString(text))}\n"
            }
            if out.utf8.count > 1 << 16 { print(out, terminator: ""); out = "" }
        }
        print(out, terminator: "")
    }
}

struct SpansSynthetic: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "synthetic",
        abstract: "Print synthetic code-switched training texts, each token as word/label.")
    @Option(help: "How many.") var count = 20
    @Option(help: "Seed.") var seed: UInt64 = SpanTableBuilder.seed

    func run() throws {
        let corpus = try TrainingCorpus(directory: packageRoot + "/Data/corpus")
        for text in SyntheticMixing(corpus: corpus).texts(count: count, seed: seed) {
            print(text.tokens.map { "\($0.text)/\($0.language?.rawValue ?? "-")" }.joined(separator: " "))
        }
    }
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if u.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16) } else { out.unicodeScalars.append(u) }
        }
    }
    return out + "\""
}

struct SpansSpeed: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "speed",
        abstract: "Time sentence classification and span detection over the same lines (for callgrind: --mode one of them).")
    @Option(help: "Lines to read (default: Data/corpus en.train.txt and es.train.txt, alternating).") var input: String?
    @Option(help: "Passes over the lines.") var passes = 5
    @Option(help: "both, classify or spans.") var mode = "both"

    func run() throws {
        var lines: [[UInt8]]
        if let input {
            lines = try TrainingCorpus.readLines(input)
        } else {
            let en = try TrainingCorpus.readLines(packageRoot + "/Data/corpus/en.train.txt")
            let es = try TrainingCorpus.readLines(packageRoot + "/Data/corpus/es.train.txt")
            lines = []
            for k in 0..<max(en.count, es.count) {
                if k < en.count { lines.append(en[k]) }
                if k < es.count { lines.append(es[k]) }
            }
        }
        let bytes = lines.reduce(0) { $0 + $1.count } * passes
        let classifier = LanguageClassifier()
        let detector = LanguageSpanDetector()
        var scratch = SpanScratch()
        var classifyRate = 0.0
        if mode != "spans" {
            let start = monotonicSeconds()
            var sum = 0
            for _ in 0..<passes { for line in lines { line.withUnsafeBufferPointer { sum &+= classifier.classify($0).language == .english ? 1 : 0 } } }
            classifyRate = Double(bytes) / 1e6 / (monotonicSeconds() - start)
            print("classify: \(format(classifyRate, 1)) MB/s (\(sum) en)")
        }
        if mode != "classify" {
            let start = monotonicSeconds()
            var sum = 0
            for _ in 0..<passes { for line in lines { line.withUnsafeBufferPointer { detector.detect($0, into: &scratch); sum &+= scratch.spans.count } } }
            let rate = Double(bytes) / 1e6 / (monotonicSeconds() - start)
            print("spans: \(format(rate, 1)) MB/s (\(sum) spans)" + (classifyRate > 0 ? ", \(format(rate / classifyRate, 2)) of classify" : ""))
        }
    }
}

struct SpansDigest: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "digest",
        abstract: "Write every span (language, confidence bits, byte and code-point ranges, letters) the detector finds in lines, and print a digest per file: a speed change must leave them all unchanged.")
    @Argument(help: "Files of lines; a .conll file gives its texts, tokens joined as `SpanEvaluation.readCoNLL` does.") var files: [String]
    @Option(help: "Write the spans here, one line of text per line (default: only the digests).") var output: String?
    @Flag(help: "Also write and digest the scanned tokens (what `spans build` fits on).") var tokens = false

    func run() throws {
        let detector = LanguageSpanDetector()
        var scratch = SpanScratch()
        var dump: [UInt8] = []
        for file in files {
            let lines = file.hasSuffix(".conll") ? try SpanEvaluation.readCoNLL(file).map { Array($0.line.utf8) } : try TrainingCorpus.readLines(file)
            var hash = FNV1a.offsetBasis
            var spans = 0
            for line in lines {
                line.withUnsafeBufferPointer { detector.detect($0, into: &scratch) }
                var record = ""
                for s in scratch.spans {
                    record += "\(s.language.rawValue) \(String(s.confidence.bitPattern, radix: 16)) \(s.bytes.lowerBound)-\(s.bytes.upperBound) \(s.scalars.lowerBound)-\(s.scalars.upperBound) \(s.letters);"
                }
                if tokens {
                    record += " |"
                    for t in line.withUnsafeBufferPointer({ detector.tokens($0) }) {
                        record += " \(t.start)-\(t.end) \(t.letters) \(t.ngram) \(t.odds) \(t.listed ? 1 : 0)\(t.capitalised ? 1 : 0)"
                    }
                }
                spans += scratch.spans.count
                let bytes = Array(record.utf8) + [0x0A]
                for b in bytes { hash = FNV1a.mix(hash, b) }
                if output != nil { dump += bytes }
            }
            print("\(file): \(lines.count) lines, \(spans) spans, digest \(String(hash, radix: 16))")
        }
        if let output { try writeFile(output, dump) }
    }
}
