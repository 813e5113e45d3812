import Testing
import TamizClassifying
import TamizTraining

/// `LanguageSpanDetector.decode` skips the Viterbi for a text whose words' evidence all has one
/// sign; these check that it finds exactly the runs the Viterbi finds (`decodeFully`), on the
/// evidence of random texts and on evidence made to hit the edges (zeros, signed zeros, tiny and
/// huge values, ties), under the shipped parameters and others.
@Suite struct DecodeShortcutTests {
    func parameterSets() -> [SpanParameters] {
        var others: [SpanParameters] = [detector.parameters]
        for (context, penalty) in [(Float(0), Float(0)), (0.25, 1.5), (1, 0), (0, 40), (-0.5, 2), (0.3, -1), (0.2, .infinity)] {
            var q = detector.parameters
            q.contextWeight = context
            q.switchPenalty = penalty
            others.append(q)
        }
        return others
    }

    func expectSameRuns(_ evidence: [Float], _ q: SpanParameters, _ what: @autoclosure () -> String) {
        let r = LanguageSpanDetector.runs(evidence, q)
        #expect(r.decoded == r.viterbi && r.english == r.viterbiEnglish, "\(what()): \(evidence)")
    }

    @Test func theShortcutFindsTheViterbisRunsOnRandomTexts() throws {
        let en = try Paths.lines(Paths.corpus + "/en.train.txt"), es = try Paths.lines(Paths.corpus + "/es.train.txt")
        var g = TrainingRandom(state: 14)  // fixed seed, so a failure repeats
        var oneRun = 0
        for k in 0..<4_000 {
            // One-language lines, and lines spliced from both languages.
            var words: [Substring] = []
            for _ in 0..<(k % 3 == 0 ? Int.random(in: 2...4, using: &g) : 1) {
                let line = (Bool.random(using: &g) ? en : es).randomElement(using: &g)!.split(separator: " ")
                let start = Int.random(in: 0..<line.count, using: &g)
                words += line[start..<min(line.count, start + Int.random(in: 1...15, using: &g))]
            }
            let text = words.joined(separator: " ")
            let evidence = detector.evidence(text)
            for q in parameterSets() { expectSameRuns(evidence, q, text) }
            if !evidence.isEmpty && (evidence.allSatisfy { $0 >= 0 } || evidence.allSatisfy { $0 < 0 }) { oneRun += 1 }
        }
        #expect(oneRun > 1_000)  // the shortcut was taken
    }

    @Test func theShortcutFindsTheViterbisRunsAtTheEdges() {
        var g = TrainingRandom(state: 41)
        let specials: [Float] = [0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1e-30, -1e-30, 1e-7, -1e-7,
                                 1e30, -1e30, 2e30, -2e30, .infinity, -.infinity, .nan, 1, -1, 1e7, -1e7, 1e20, -1e20]
        for k in 0..<20_000 {
            let m = Int.random(in: 1...12, using: &g)
            let sign: Float = k % 2 == 0 ? 1 : -1
            let evidence: [Float] = (0..<m).map { _ in
                switch Int.random(in: 0..<4, using: &g) {
                case 0: return specials.randomElement(using: &g)!
                case 1: return -sign * Float.random(in: 0..<0.01, using: &g)
                default: return sign * Float.random(in: 0..<3, using: &g)
                }
            }
            for q in parameterSets() { expectSameRuns(evidence, q, "edge \(k)") }
        }
        // A last word too small to move the sum: en and es tie at the end, which goes to English.
        for q in parameterSets() {
            expectSameRuns([-1e7, -1e7, -1e-7], q, "tie")
            expectSameRuns([-.leastNonzeroMagnitude], q, "underflow")
        }
    }
}
