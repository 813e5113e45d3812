import Testing
@testable import TamizClassifying
import TamizTraining

/// The classifier's hand-written loop (`LanguageModel.scoreInPlace`) must see exactly the
/// features the trainer's `FeatureExtractor` records, and stopping early must not change answers.
@Suite struct HotLoopTests {
    let model = LanguageModel.embedded

    /// bias + Σ table rows over the recorded features, the slow way.
    func referenceScores(_ text: [UInt8]) -> (SIMD8<Int32>, TextEvidence) {
        var sink = RecordingSink()
        let evidence = text.withUnsafeBufferPointer { model.extractor.extract($0, into: &sink) }
        var total = model.bias
        for f in sink.features { total &+= SIMD8<Int32>(truncatingIfNeeded: model.table[f]) }
        return (total, evidence)
    }

    static let texts: [String] = [
        "", " ", "a", "The cat sat on the mat.", "¿Dónde está el niño? ¡Aquí!", "Ñandú, pingüino y acción.",
        "visit https://www.example.com/a_b?x=1 now", "www.example.com is junk but this is not",
        "mail me@example.org, or call", "tabs\tand\nnewlines\r\nand\u{00A0}nbsp", "ÉLITE ÁRBOL ÑOÑO",
        "œuvre façade ångström ǆ ẞ ḁ", "naïve café—résumé…", "Это по-русски, mixed with English words",
        "emoji 😀🎉 between words 👍🏽 yes", "int main() { return 0; }", "a[i] = f(x); // (see below)", "combining: cafe\u{0301} and n\u{0303}",
        String(repeating: "x", count: 5000), String(repeating: "é", count: 3000),
        String(repeating: "¡", count: 2000), String(repeating: "ab ", count: 3000),
        String(repeating: "https://junk.example/" + String(repeating: "q", count: 300) + " word ", count: 20),
        String(repeating: "la casa es grande y bonita ", count: 200),
        "Hi, there. How are you? Fine!", "a,b.c?d!e", "trailing comma,", "ends with a stop.", "www. is a word, www.example.org is not",
        "Www.Example.com", "wwwx. www, www? www.", "a.", ".", ", , ..", "x\u{00A0}y,\u{00A0}z.\tw",
    ]

    @Test(arguments: texts)
    func handWrittenLoopMatchesTheExtractor(_ text: String) {
        let bytes = Array(text.utf8)
        let (expected, expectedEvidence) = referenceScores(bytes)
        let (scores, evidence) = bytes.withUnsafeBufferPointer { model.score($0) }
        #expect(scores == expected, "\(text.prefix(40))")
        #expect(evidence.letters == expectedEvidence.letters)
        #expect(evidence.foreignLetters == expectedEvidence.foreignLetters)
        #expect(evidence.codeMarks == expectedEvidence.codeMarks)
    }

    @Test func handWrittenLoopMatchesTheExtractorOnRandomBytes() {
        var rng = TrainingRandom(state: 99)
        let alphabet: [[UInt8]] = ["a", "Z", " ", ".", ",", "?", "!", "/", "@", "(", "}", ";", "w", "ñ", "É", "¿", "\u{0301}", "😀", "ж", "\t"].map { Array($0.utf8) }
            + [[0xC3], [0xFF], [0x80], [0xE2, 0x80]]
        for length in [1, 2, 5, 17, 100, 700, 3000] {
            for _ in 0..<20 {
                var bytes: [UInt8] = []
                for _ in 0..<length { bytes += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
                let (expected, e1) = referenceScores(bytes)
                let (scores, e2) = bytes.withUnsafeBufferPointer { model.score($0) }
                #expect(scores == expected)
                #expect(e1.letters == e2.letters && e1.foreignLetters == e2.foreignLetters && e1.codeMarks == e2.codeMarks)
            }
        }
    }

    /// Latin-1 letters (`C3 xx`) inside a word of ASCII letters are read in the word loop:
    /// the same features as the decoder's at a text's end, cut short, before a space or a mark,
    /// next to `×` and `÷` (not letters), in upper case, in `www.` tokens, and in words long
    /// enough to spill the token's lanes.
    static let latin1Words: [[UInt8]] = [
        Array("café".utf8), Array("CAFÉ y más".utf8), Array("niño, acción. ¿Sí? él!".utf8), Array("2×3 a×b a÷b".utf8),
        Array("añ".utf8) + [0xC3], Array("ab".utf8) + [0xC3, 0x41, 0x20, 0x62], Array("ab".utf8) + [0xC3, 0xC3, 0xA9, 0x20],
        Array("ab".utf8) + [0xC3, 0x80], Array("ñaña www.ñu.com wwwé. www.".utf8), Array("ÑANDÚ é aé éa aéb".utf8),
        Array(String(repeating: "añ", count: 400).utf8), Array(String(repeating: "aaaaaaaé", count: 100).utf8),
    ]

    @Test(arguments: latin1Words)
    func latin1LettersInsideWordsMatchTheExtractor(_ bytes: [UInt8]) {
        let (expected, expectedEvidence) = referenceScores(bytes)
        let (scores, evidence) = bytes.withUnsafeBufferPointer { model.score($0) }
        #expect(scores == expected, "\(bytes.prefix(40))")
        #expect(evidence.letters == expectedEvidence.letters)
        #expect(evidence.foreignLetters == expectedEvidence.foreignLetters)
    }

    /// Every dev sentence gets the extractor's scores and evidence, bit for bit.
    @Test(.enabled(if: Paths.hasSharedCorpus, "needs ../shared/corpus"),
          arguments: ["en.dev.txt", "es.dev.txt", "other/fr.dev.txt", "other/pt.dev.txt", "other/de.dev.txt"])
    func handWrittenLoopMatchesTheExtractorOnDevSentences(_ file: String) throws {
        var mismatches: [String] = []
        for line in try Paths.lines(Paths.sharedCorpus + "/" + file) {
            let bytes = Array(line.utf8)
            let (expected, e1) = referenceScores(bytes)
            let (scores, e2) = bytes.withUnsafeBufferPointer { model.score($0) }
            if scores != expected || e1.letters != e2.letters || e1.foreignLetters != e2.foreignLetters || e1.codeMarks != e2.codeMarks {
                mismatches.append(line)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(3))")
    }

    @Test func earlyExitKeepsShortTextsIdentical() {
        let full = LanguageClassifier(model: model, minimumConfidence: 0.5, earlyExit: false)
        let fast = LanguageClassifier(model: model, minimumConfidence: 0.5, earlyExit: true)
        for text in Self.texts where text.utf8.count < 40 {
            #expect(full.classify(text) == fast.classify(text), "\(text)")
        }
    }

    /// Early exit changes at most 1 in 1,000 dev answers (measured: 2 of 16,565, sentences that
    /// end in another language's names) and moves confidence by < 0.002 on average.
    @Test(.enabled(if: Paths.hasSharedCorpus, "needs ../shared/corpus"),
          arguments: ["en.dev.txt", "es.dev.txt", "other/fr.dev.txt", "other/pt.dev.txt", "other/it.dev.txt",
                      "other/de.dev.txt", "other/ca.dev.txt", "other/gl.dev.txt", "other/nl.dev.txt"])
    func earlyExitChangesNoDevAnswer(_ file: String) throws {
        let full = LanguageClassifier(model: model, minimumConfidence: 0.5, earlyExit: false)
        let fast = LanguageClassifier(model: model, minimumConfidence: 0.5, earlyExit: true)
        var changed: [String] = []
        var shift: Double = 0
        let lines = try Paths.lines(Paths.sharedCorpus + "/" + file)
        for line in lines {
            let a = full.classify(line), b = fast.classify(line)
            if a.language != b.language { changed.append(line) }
            shift += Double(abs(a.confidence - b.confidence))
        }
        #expect(changed.count * 1000 <= lines.count, "\(changed.prefix(3))")
        #expect(shift / Double(lines.count) < 0.002)
    }
}

/// The vectorised softmax and early-exit test give the same bits as the scalar formulas they
/// replaced (one class at a time, libm-free exp2 split, the same order of additions).
@Suite struct ScoringArithmeticTests {
    let model = LanguageModel.embedded

    static func scalarExpNegative(_ x: Float) -> Float {
        let t = -x * 1.442_695_04
        let magic: Float = 12_582_912
        var shifted = t + magic
        if shifted - magic > t { shifted -= 1 }
        let whole = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000
        let f = t - (shifted - magic)
        let p = 1 + f * (0.693_147_2 + f * (0.240_226_5 + f * (0.055_504_11 + f * 0.009_618_13)))
        let exponent = whole &+ 127
        if exponent <= 0 { return 0 }
        return p * Float(bitPattern: UInt32(exponent) << 23)
    }

    func scalarSoftmax(_ scores: SIMD8<Int32>, letters: Int) -> (Float, Float) {
        let inverseTemperature = 1 / (model.temperature + model.temperatureSlope * Float(letters))
        let top = (0..<8).map { scores[$0] }.max()!
        let e = (0..<8).map { c -> Float in
            let d = Float(top &- scores[c]) * inverseTemperature
            return d > 30 ? 0 : Self.scalarExpNegative(d)
        }
        let sum = ((e[0] + e[1]) + (e[2] + e[3])) + ((e[4] + e[5]) + (e[6] + e[7]))
        return (e[model.englishClass] / sum, e[model.spanishClass] / sum)
    }

    func scalarIsDecided(_ scores: SIMD8<Int32>, letters: Int) -> Bool {
        let top = (0..<8).map { scores[$0] }.max()!
        let lead = Int32(13.8 * (model.temperature + model.temperatureSlope * Float(letters)))
        return (0..<8).filter { top &- scores[$0] < lead }.count == 1
    }

    /// Real sentences' scores, plus random ones from a tie to far apart.
    var cases: [(SIMD8<Int32>, Int)] {
        var result: [(SIMD8<Int32>, Int)] = []
        for text in HotLoopTests.texts + ["The cat sat on the mat.", "El gato se sentó.", "Le chat est assis.", "no", "Madrid"] {
            let (scores, evidence) = Array(text.utf8).withUnsafeBufferPointer { model.score($0) }
            result.append((scores, evidence.letters))
        }
        var rng = TrainingRandom(state: 7)
        for spread in [0, 1, 50, 400, 3000, 100_000] {
            for letters in [0, 1, 5, 40, 200, 5000] {
                var v = SIMD8<Int32>(repeating: 0)
                for c in 0..<8 { v[c] = spread == 0 ? 17 : Int32(rng.next() % UInt64(spread)) - Int32(spread / 2) }
                result.append((v, letters))
            }
        }
        return result
    }

    @Test func softmaxMatchesTheScalarFormulaBitForBit() {
        for (scores, letters) in cases {
            let p = model.softmax(scores, letters: letters)
            let q = scalarSoftmax(scores, letters: letters)
            #expect(p.english.bitPattern == q.0.bitPattern && p.spanish.bitPattern == q.1.bitPattern, "\(scores) \(letters)")
        }
    }

    @Test func earlyExitTestMatchesTheScalarCount() {
        for (scores, letters) in cases {
            #expect(model.isDecided(scores, letters: letters) == scalarIsDecided(scores, letters: letters), "\(scores) \(letters)")
        }
    }
}

/// What counts as a lower-case word for `LanguageClassifier.capitalisedOnlyMinimumConfidence`.
@Suite struct LowerCaseWordTests {
    @Test(arguments: [
        ("Sean Boyle", false), ("MIRAMAR", false), ("V K Choudhry", false), ("Macy's", false), ("O'Brien", false), ("- API.pdf", false), ("U.S. embassy", true),
        ("Sean http://example.com/page", false), ("Ana mail@example.org", false), ("", false), ("2024 - 12", false),
        ("Vladi Pimenov ext. 37625", true), ("Sean said yes", true), ("él", true), ("ÉL", false), ("Sí, ñandú", true),
        ("The Lord of the Rings", true), ("(see)", true), ("x", true),
    ])
    func lowerCaseWords(_ text: String, _ expected: Bool) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { LanguageClassifier.hasLowerCaseWord($0) } == expected, "\(text)")
    }
}
