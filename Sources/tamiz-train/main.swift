// Rebuilds Data/model/tamiz.model from Data/corpus/ (deterministic, bit for bit), or with
// `evaluate`, measures a model on the dev sets in ../shared/corpus.
//
//   swift run -c release tamiz-train                       # rebuild the shipped model
//   swift run -c release tamiz-train evaluate [options]    # train in memory with options, report
//
// Options (evaluate): --dev DIR  --model FILE  --bits N  --orders 1,2,3  --alpha X  --units X
//   --wordlist X  --reject-bias N  --temperature X  --no-words  --min-letters N  --speed
import TamizClassifying

#if canImport(Glibc)
import Glibc
#endif

let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Sources/tamiz-train/main.swift
    return parts.joined(separator: "/")
}()

let commandLine = Array(CommandLine.arguments.dropFirst())
let evaluate = commandLine.first == "evaluate"
let arguments = evaluate ? Array(commandLine.dropFirst()) : commandLine

func option(_ name: String, in arguments: [String] = arguments) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

var config = ModelTrainer.Configuration.shipped
if let v = option("--bits").flatMap(Int.init) { config.bucketBits = v }
if let v = option("--orders") { config.orders = v.split(separator: ",").compactMap { Int($0) } }
if let v = option("--alpha").flatMap(Double.init) { config.smoothing = v }
if let v = option("--units").flatMap(Double.init) { config.unitsPerNat = v }
if let v = option("--wordlist").flatMap(Double.init) { config.wordListWeight = v }
if let v = option("--reject-bias").flatMap(Int32.init) { config.rejectBias = v }
if let v = option("--temperature").flatMap(Float.init) { config.temperature = v }
if let v = option("--slope").flatMap(Float.init) { config.temperatureSlope = v }
if let v = option("--min-letters").flatMap(Int.init) { config.minimumLetters = v }
if let v = option("--epochs").flatMap(Int.init) { config.epochs = v }
if let v = option("--lr").flatMap(Double.init) { config.learningRate = v }
if let v = option("--spans").flatMap(Int.init) { config.spansPerSentence = v }
if let v = option("--strip").flatMap(Double.init) { config.accentStripRate = v }
if let v = option("--bias-rate").flatMap(Double.init) { config.biasRate = v }
if let v = option("--nb-init").flatMap(Double.init) { config.naiveBayesInitScale = v }
if let v = option("--min-zipf").flatMap(Double.init) { config.wordListMinimumZipf = v }
if arguments.contains("--no-words") { config.wordFeatures = false }

let corpus = option("--corpus") ?? packageRoot + "/Data/corpus"
do {
    if evaluate {
        let model: LanguageModel
        if let path = option("--model") {
            model = try LanguageModel(contentsOfFile: path)
        } else {
            let start = monotonicSeconds()
            let bytes = try ModelTrainer(configuration: config).train(corpusDirectory: corpus)
            print("trained in \(format(monotonicSeconds() - start, 2)) s, \(bytes.count) bytes")
            model = try LanguageModel(bytes: bytes)
        }
        let dev = option("--dev") ?? packageRoot + "/../shared/corpus"
        if arguments.contains("--bench") {
            var all: [[UInt8]] = []
            for code in ["en", "es", "other/fr", "other/pt", "other/it", "other/de", "other/ca", "other/gl", "other/nl"] {
                all += readLines("\(dev)/\(code).dev.txt") ?? []
            }
            benchmark(classifier: LanguageClassifier(model: model), model: model, sentences: all)
            exit(0)
        }
        if let code = option("--errors") {
            let truth: Language = code == "en" ? .english : code == "es" ? .spanish : .undetermined
            dumpErrors(model: model, devDirectory: dev, code: code, truth: truth, limit: 40, wordsFile: option("--words-file"))
            exit(0)
        }
        try runEvaluation(model: model, devDirectory: dev, speed: arguments.contains("--speed"),
                          minimumConfidence: option("--min-conf").flatMap(Float.init) ?? 0.5)
    } else {
        let output = option("--output") ?? packageRoot + "/Data/model/tamiz.model"
        let start = monotonicSeconds()
        let bytes = try ModelTrainer(configuration: config).train(corpusDirectory: corpus)
        try writeFile(output, bytes)
        print("wrote \(output): \(bytes.count) bytes in \(format(monotonicSeconds() - start, 2)) s")
    }
} catch {
    FileHandleStderr.write("tamiz-train: \(error)\n")
    exit(1)
}
