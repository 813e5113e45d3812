import TamizClassifying
import TamizTraining

#if canImport(Glibc)
import Glibc
#endif

func format(_ x: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let r = (x * scale).rounded() / scale
    return "\(r)"
}

func writeFile(_ path: String, _ bytes: [UInt8]) throws(TrainingError) {
    guard let f = fopen(path, "wb") else { throw TrainingError("cannot write \(path)") }
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
    fclose(f)
    guard written == bytes.count else { throw TrainingError("short write to \(path)") }
}

/// The dev sets `tamiz eval` measures, built by the library's `Evaluation` from `dev`:
/// en/es and other-language sentences, and the en/es single words and word pairs derived from them.
struct DevSets {
    var sentences: [EvaluationItem] = []
    var words: [EvaluationItem] = []
    var pairs: [EvaluationItem] = []

    init(directory dev: String) throws(EvaluationError) {
        for code in ["en", "es", "other/fr", "other/pt", "other/it", "other/de", "other/ca", "other/gl", "other/nl"] {
            let items = try Evaluation.items(path: "\(dev)/\(code).dev.txt")
            sentences += items
            if !code.hasPrefix("other/") {
                words += Evaluation.derive(items, as: .words)
                pairs += Evaluation.derive(items, as: .pairs)
            }
        }
    }

    /// Name and items of each set whose calibration is reported and fitted.
    var calibrationSets: [(String, [EvaluationItem])] {
        [("all sentences", sentences),
         ("en words", words.filter { $0.truth == .english }), ("es words", words.filter { $0.truth == .spanish }),
         ("en pairs", pairs.filter { $0.truth == .english }), ("es pairs", pairs.filter { $0.truth == .spanish })]
    }
}

/// Prints `tamiz eval`'s report for every dev set and, with `fit`, the temperature pair whose
/// largest ECE over `DevSets.calibrationSets` is smallest.
func runEvaluation(model: LanguageModel, devDirectory dev: String, minimumConfidence: Float, fit: Bool) throws {
    print("model: orders \(model.orders) words \(model.wordFeatures) bits \(model.bucketBits) classes \(model.classCodes) T \(model.temperature) + \(model.temperatureSlope)·letters")
    let sets = try DevSets(directory: dev)
    let classifier = LanguageClassifier(model: model, minimumConfidence: minimumConfidence)
    for (name, items) in [("sentences", sets.sentences), ("words", sets.words), ("pairs", sets.pairs)] {
        print(Evaluation.run(items, classifier: classifier).formatted(title: "dev \(name)"))
    }
    if fit { fitTemperature(model: model, sets: sets, minimumConfidence: minimumConfidence) }
}

/// The model's bytes with another softmax temperature T0 + T1·letters (header fields and checksum).
func withTemperature(_ bytes: [UInt8], _ t0: Float, _ t1: Float) -> [UInt8] {
    var out = bytes
    func put(_ value: UInt64, _ offset: Int, _ count: Int) {
        for k in 0..<count { out[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k))) }
    }
    put(UInt64(t0.bitPattern), 36, 4)
    put(UInt64(t1.bitPattern), 52, 4)
    put(0, ModelFormat.checksumOffset, 8)
    put(out.withUnsafeBytes { ModelFormat.checksum($0) }, ModelFormat.checksumOffset, 8)
    return out
}

/// The model's bytes with `delta` score units added to the bias of every reject class (class 2 on):
/// `ModelTrainer.Configuration.rejectBias` applies after training, so it can be tried on a model.
func withRejectBiasDelta(_ bytes: [UInt8], _ delta: Int32) -> [UInt8] {
    var out = bytes
    for c in 2..<ModelFormat.classCount {
        let at = ModelFormat.classSectionOffset + 8 * c + 4
        var value: UInt32 = 0
        for k in 0..<4 { value |= UInt32(out[at + k]) << (8 * UInt32(k)) }
        let biased = UInt32(bitPattern: Int32(bitPattern: value) &+ delta)
        for k in 0..<4 { out[at + k] = UInt8(truncatingIfNeeded: biased >> (8 * UInt32(k))) }
    }
    for k in 0..<8 { out[ModelFormat.checksumOffset + k] = 0 }
    let sum = out.withUnsafeBytes { ModelFormat.checksum($0) }
    for k in 0..<8 { out[ModelFormat.checksumOffset + k] = UInt8(truncatingIfNeeded: sum >> (8 * UInt64(k))) }
    return out
}

/// Grid search of T0 (1...40) and T1 (0...1.5): minimise the largest expected calibration error
/// over the dev sets (the answers themselves move too, since thresholds apply to the confidence).
func fitTemperature(model: LanguageModel, sets: DevSets, minimumConfidence: Float) {
    let bytes = model.bytes
    let calibration = sets.calibrationSets
    var best = (t0: Float(0), t1: Float(0), worst: Double.infinity)
    for t0 in stride(from: Float(1), through: 40, by: 1) {
        for t1 in stride(from: Float(0), through: 1.5, by: 0.05) {
            guard let candidate = try? LanguageModel(bytes: withTemperature(bytes, t0, t1)) else { continue }
            let classifier = LanguageClassifier(model: candidate, minimumConfidence: minimumConfidence)
            var worst = 0.0
            for (_, items) in calibration {
                worst = max(worst, Evaluation.run(items, classifier: classifier, timingRuns: 0).expectedCalibrationError)
                if worst >= best.worst { break }
            }
            if worst < best.worst { best = (t0, t1, worst) }
        }
    }
    let fitted = try! LanguageModel(bytes: withTemperature(bytes, best.t0, best.t1))
    let classifier = LanguageClassifier(model: fitted, minimumConfidence: minimumConfidence)
    let eces = calibration.map { name, items in
        "\(name) \(format(Evaluation.run(items, classifier: classifier, timingRuns: 0).expectedCalibrationError, 4))"
    }
    print("ECE-best temperature on the dev sets: T0 \(best.t0) T1 \(best.t1): ECE \(eces.joined(separator: ", "))")
}

func dumpErrors(model: LanguageModel, devDirectory dev: String, code: String, truth: Language, limit: Int, wordsFile: String?) {
    let classifier = LanguageClassifier(model: model)
    let path = code == "en" || code == "es" ? "\(dev)/\(code).dev.txt" : "\(dev)/other/\(code).dev.txt"
    guard var lines = try? TrainingCorpus.readLines(path) else { return }
    if let w = wordsFile { lines = (try? TrainingCorpus.readLines(w)) ?? [] }
    var shown = 0
    for line in lines where shown < limit {
        let g = classifier.classify(line)
        if g.language != truth {
            let s = line.withUnsafeBufferPointer { model.classScores($0) }
            let top = s.scores.enumerated().max { $0.element < $1.element }!.offset
            print("\(g.language.rawValue) \(format(Double(g.confidence), 3)) top=\(model.classCodes[top]) \(s.scores) | \(String(decoding: line, as: UTF8.self).prefix(100))")
            shown += 1
        }
    }
}

/// One line per measure, for comparing training settings: every dev set `tamiz eval` reports,
/// plus the accent-stripped and accent-deleted Spanish short items, on one half of the dev
/// sentences (`half` 0: even lines, for tuning; 1: odd lines, for reporting; nil: all), so that
/// settings chosen on one half are reported on the other.
func printSummary(model: LanguageModel, devDirectory dev: String, minimumConfidence: Float, half: Int?) throws {
    let classifier = LanguageClassifier(model: model, minimumConfidence: minimumConfidence)
    let evidence = try? LanguageEvidence(wordListDirectory: dev)
    func pct(_ x: Double) -> String { format(x * 100, 2) }
    func load(_ code: String) throws(EvaluationError) -> [EvaluationItem] {
        let items = try Evaluation.items(path: "\(dev)/\(code).dev.txt")
        guard let half else { return items }
        return items.enumerated().filter { $0.offset % 2 == half }.map(\.element)
    }
    var line: [String] = []
    for code in ["en", "es"] {
        let truth: Language = code == "en" ? .english : .spanish
        let items = try load(code)
        let sentences = Evaluation.run(items, classifier: classifier, timingRuns: 0, evidence: evidence)
        let n = sentences.confusion[Language.allCases.firstIndex(of: truth)!].reduce(0, +)
        let und = sentences.confusion[Language.allCases.firstIndex(of: truth)!][2]
        let withEvidence = und - sentences.undWithoutEvidence[Language.allCases.firstIndex(of: truth)!].reduce(0, +)
        line.append("\(code) sent \(pct(sentences.accuracy(truth)))/\(pct(sentences.wrongLanguageRate(truth)))w/\(pct(Double(withEvidence) / Double(n)))uE")
        var sets: [(String, [EvaluationItem])] = [("words", Evaluation.derive(items, as: .words)),
                                                   ("pairs", Evaluation.derive(items, as: .pairs)),
                                                   ("allw", Evaluation.derive(items, as: .allWords))]
        if code == "es" {
            sets += [("wordsS", Evaluation.derive(sets[0].1, as: .accentsStripped)),
                     ("pairsS", Evaluation.derive(sets[1].1, as: .accentsStripped)),
                     ("wordsD", Evaluation.derive(sets[0].1, as: .accentsDeleted)),
                     ("pairsD", Evaluation.derive(sets[1].1, as: .accentsDeleted))]
        }
        for (name, set) in sets {
            let r = Evaluation.run(set, classifier: classifier, timingRuns: 0)
            line.append("\(name) \(pct(r.accuracy(truth)))/\(pct(r.wrongLanguageRate(truth)))w")
        }
    }
    var undSum = 0.0
    var others: [String] = []
    for code in ["ca", "de", "fr", "gl", "it", "nl", "pt"] {
        let r = Evaluation.run(try load("other/" + code), classifier: classifier, timingRuns: 0)
        undSum += r.accuracy(.undetermined)
        others.append("\(code) \(pct(r.accuracy(.undetermined)))")
    }
    line.append("other und mean \(pct(undSum / 7)): " + others.joined(separator: " "))
    print("summary" + (half.map { " (half \($0))" } ?? "") + ": " + line.joined(separator: " | "))
}
