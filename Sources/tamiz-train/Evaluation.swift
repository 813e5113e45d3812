import TamizClassifying

#if canImport(Glibc)
import Glibc
#endif

enum FileHandleStderr {
    static func write(_ s: String) { var s = s; _ = s.withUTF8 { Glibc.write(2, $0.baseAddress, $0.count) } }
}

func monotonicSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

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

func readLines(_ path: String) -> [[UInt8]]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var data: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let got = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
        if got == 0 { break }
        data += chunk[0..<got]
    }
    return data.split(separator: 0x0A).map { Array($0) }
}

/// Letters-only tokens of a sentence (punctuation stripped from the ends).
func words(of line: [UInt8]) -> [String] {
    String(decoding: line, as: UTF8.self).split(separator: " ").compactMap { token in
        let t = token.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        let w = String(t)
        return !w.isEmpty && w.allSatisfy({ $0.isLetter }) ? w : nil
    }
}

struct Item { var bytes: [UInt8]; var truth: Language }

func runEvaluation(model: LanguageModel, devDirectory dev: String, speed: Bool, minimumConfidence: Float) throws {
    print("model: orders \(model.orders) words \(model.wordFeatures) bits \(model.bucketBits) classes \(model.classCodes) T \(model.temperature)")
    let classifier = LanguageClassifier(model: model, minimumConfidence: minimumConfidence)
    var calibration: [Item] = []
    var shortItems: [Item] = []
    var allSentences: [[UInt8]] = []

    func rate(_ items: [[UInt8]], _ truth: Language) -> (Double, [Int]) {
        var right = 0
        var byLabel = [0, 0, 0]
        for s in items {
            let g = classifier.classify(s)
            if g.language == truth { right += 1 }
            byLabel[Language.allCases.firstIndex(of: g.language)!] += 1
        }
        return (Double(right) / Double(max(items.count, 1)), byLabel)
    }

    for (code, truth) in [("en", Language.english), ("es", .spanish)] {
        guard let lines = readLines("\(dev)/\(code).dev.txt") else { continue }
        allSentences += lines
        calibration += lines.map { Item(bytes: $0, truth: truth) }
        let (acc, by) = rate(lines, truth)
        print("\(code) sentences: \(format(acc * 100, 2))% of \(lines.count)  [en \(by[0]) es \(by[1]) und \(by[2])]")
        var singles: [String] = [], pairs: [String] = [], seen = Set<String>(), seenPairs = Set<String>()
        for line in lines {
            let ws = words(of: line)
            for w in ws where w.count >= 3 && seen.insert(w.lowercased()).inserted { singles.append(w) }
            if ws.count >= 2 {
                for k in stride(from: 0, to: ws.count - 1, by: 2) {
                    let p = ws[k] + " " + ws[k + 1]
                    if seenPairs.insert(p.lowercased()).inserted { pairs.append(p) }
                }
            }
        }
        shortItems += singles.map { Item(bytes: Array($0.utf8), truth: truth) }
        shortItems += pairs.map { Item(bytes: Array($0.utf8), truth: truth) }
        let (wa, wby) = rate(singles.map { Array($0.utf8) }, truth)
        let (pa, pby) = rate(pairs.map { Array($0.utf8) }, truth)
        print("  \(code) words(>=3 letters, distinct): \(format(wa * 100, 2))% of \(singles.count) [en \(wby[0]) es \(wby[1]) und \(wby[2])]")
        print("  \(code) word pairs (distinct): \(format(pa * 100, 2))% of \(pairs.count) [en \(pby[0]) es \(pby[1]) und \(pby[2])]")
    }
    for code in ["fr", "pt", "it", "de", "ca", "gl", "nl"] {
        guard let lines = readLines("\(dev)/other/\(code).dev.txt") else { continue }
        allSentences += lines
        calibration += lines.map { Item(bytes: $0, truth: .undetermined) }
        let (acc, by) = rate(lines, .undetermined)
        print("\(code) sentences und: \(format(acc * 100, 2))% of \(lines.count)  [en \(by[0]) es \(by[1])]")
    }

    // Calibration: expected calibration error of the confidence, and the NLL-best temperature.
    func ece(_ items: [Item]) -> Double {
        var bins = Array(repeating: (n: 0, conf: 0.0, right: 0.0), count: 10)
        for item in items {
            let g = classifier.classify(item.bytes)
            let b = min(9, Int(g.confidence * 10))
            bins[b].n += 1
            bins[b].conf += Double(g.confidence)
            bins[b].right += g.language == item.truth ? 1 : 0
        }
        var e = 0.0
        for b in bins where b.n > 0 { e += abs(b.conf - b.right) }
        return e / Double(max(items.count, 1))
    }
    print("ECE (10 bins): dev sentences (en+es+others) \(format(ece(calibration), 4)), en/es words+pairs \(format(ece(shortItems), 4))")
    // Fit T0 + T1·letters on sentences plus a deterministic sample of single words and pairs.
    var fitItems = calibration
    fitItems += shortItems.enumerated().filter { $0.offset % max(1, shortItems.count / 8000) == 0 }.map { $0.element }
    let en = model.classCodes.firstIndex(of: "en")!, es = model.classCodes.firstIndex(of: "es")!
    let scored: [([Double], Double, Language)] = fitItems.compactMap { item in
        let r = item.bytes.withUnsafeBufferPointer { model.classScores($0) }
        guard r.letters > 0 else { return nil }
        return (r.scores.map(Double.init), Double(r.letters), item.truth)
    }
    var best = (t0: 0.0, t1: 0.0, nll: Double.infinity)
    for t0 in stride(from: 2.0, through: 80, by: 2) {
        for t1 in stride(from: 0.0, through: 1.5, by: 0.05) {
            var nll = 0.0
            for (s, letters, truth) in scored {
                let t = t0 + t1 * letters
                let m = s.max()!
                var z = 0.0, pe = 0.0, ps = 0.0
                for (c, v) in s.enumerated() {
                    let e = exp((v - m) / t)
                    z += e
                    if c == en { pe = e }
                    if c == es { ps = e }
                }
                let p = truth == .english ? pe / z : truth == .spanish ? ps / z : (z - pe - ps) / z
                nll -= log(max(p, 1e-12))
            }
            if nll < best.nll { best = (t0, t1, nll) }
        }
    }
    print("NLL-best temperature on dev sentences + \(scored.count - calibration.count) words/pairs: T0 \(best.t0) T1 \(format(best.t1, 2)) (mean NLL \(format(best.nll / Double(scored.count), 4)))")

    if speed { benchmark(classifier: classifier, model: model, sentences: allSentences) }
}

func benchmark(classifier: LanguageClassifier, model: LanguageModel, sentences allSentences: [[UInt8]]) {
    do {
        var buffer: [UInt8] = []
        var ranges: [Range<Int>] = []
        for s in allSentences { ranges.append(buffer.count..<(buffer.count + s.count)); buffer += s }
        var sink = 0
        var bestTime = Double.infinity
        for _ in 0..<7 {
            let start = monotonicSeconds()
            buffer.withUnsafeBufferPointer { all in
                for r in ranges {
                    let g = classifier.classify(UnsafeBufferPointer(rebasing: all[r]))
                    sink &+= g.language == .english ? 1 : 0
                }
            }
            bestTime = min(bestTime, monotonicSeconds() - start)
        }
        let mb = Double(buffer.count) / 1e6
        print("speed: \(format(mb / bestTime, 1)) MB/s (\(ranges.count) sentences, \(format(mb, 2)) MB, best of 7) [\(sink)]")
        let loadStart = monotonicSeconds()
        var n = 0
        for _ in 0..<20 {
            if let m = try? LanguageModel(bytes: model.bytes) { n += m.bucketBits }
        }
        print("load from bytes (incl. copy + checksum): \(format((monotonicSeconds() - loadStart) / 20 * 1000, 3)) ms [\(n)]")
    }
}

func dumpErrors(model: LanguageModel, devDirectory dev: String, code: String, truth: Language, limit: Int, wordsFile: String?) {
    let classifier = LanguageClassifier(model: model)
    let path = code == "en" || code == "es" ? "\(dev)/\(code).dev.txt" : "\(dev)/other/\(code).dev.txt"
    guard var lines = readLines(path) else { return }
    if let w = wordsFile { lines = readLines(w) ?? [] }
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
