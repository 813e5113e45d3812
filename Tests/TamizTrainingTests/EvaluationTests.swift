import Testing
@testable import TamizTraining
import TamizClassifying

@Suite struct EvaluationTests {
    @Test func tabSeparatedLinesCarryTheirLabel() {
        let items = Evaluation.items(fileName: "mixed.tsv", contents: Array("en\tThe cat.\nes\tEl gato.\r\nfr\tLe chat.\n".utf8))
        #expect(items.map(\.truth) == [.english, .spanish, .undetermined])
        #expect(items.map { String(decoding: $0.text, as: UTF8.self) } == ["The cat.", "El gato.", "Le chat."])
    }

    @Test(arguments: [("en.dev.txt", Language.english), ("/x/es.dev.txt", .spanish), ("other/fr.dev.txt", .undetermined),
                      ("gl.txt", .undetermined)])
    func plainFilesAreLabelledByTheirName(_ name: String, _ truth: Language) {
        let items = Evaluation.items(fileName: name, contents: Array("One line\nTwo\tlines with a tab in the middle\n".utf8))
        #expect(items.count == 2)
        #expect(items.allSatisfy { $0.truth == truth })
    }

    @Test func derivedSetsAreDeterministicAndDocumented() {
        let items = [EvaluationItem(truth: .spanish, text: Array("¿Dónde está el niño, María? El niño come pan.".utf8))]
        let words = Evaluation.derive(items, as: .words).map { String(decoding: $0.text, as: UTF8.self) }
        #expect(words == ["está", "niño", "come", "pan"])  // capitalised and < 3 letters left out, first occurrence only
        let all = Evaluation.derive(items, as: .allWords).map { String(decoding: $0.text, as: UTF8.self) }
        #expect(all == ["Dónde", "está", "niño", "María", "come", "pan"])
        let pairs = Evaluation.derive(items, as: .pairs).map { String(decoding: $0.text, as: UTF8.self) }
        // Tokens two at a time: (Dónde está) (el niño) (María El) (niño come) (pan): capitals out.
        #expect(pairs == ["el niño", "niño come"])
        let stripped = Evaluation.derive(items, as: .accentsStripped).map { String(decoding: $0.text, as: UTF8.self) }
        #expect(stripped == ["¿Donde esta el nino, Maria? El nino come pan."])
        let deleted = Evaluation.derive(items, as: .accentsDeleted).map { String(decoding: $0.text, as: UTF8.self) }
        #expect(deleted == ["Dnde est el nio, Mara? El nio come pan."])
    }

    @Test func derivedWordsAppearOnceAcrossItemsWhateverTheirCase() {
        let items = [
            EvaluationItem(truth: .spanish, text: Array("El niño come pan.".utf8)),
            EvaluationItem(truth: .spanish, text: Array("Mañana el NIÑO come fruta.".utf8)),
        ]
        let words = Evaluation.derive(items, as: .allWords).map { String(decoding: $0.text, as: UTF8.self) }
        #expect(words == ["niño", "come", "pan", "Mañana", "fruta"])
    }

    @Test func reportCountsConfusionBucketsAndCalibration() {
        let items = [
            EvaluationItem(truth: .english, text: Array("The weather was lovely, so we walked along the river.".utf8)),
            EvaluationItem(truth: .spanish, text: Array("Los vecinos se quejaron del ruido de las obras.".utf8)),
            EvaluationItem(truth: .undetermined, text: Array("12345".utf8)),
            EvaluationItem(truth: .english, text: Array("El perro ladra.".utf8)),  // wrong on purpose
        ]
        let report = Evaluation.run(items, classifier: LanguageClassifier(), timingRuns: 1)
        #expect(report.total == 4)
        #expect(report.confusion[0] == [1, 1, 0])
        #expect(report.confusion[1] == [0, 1, 0])
        #expect(report.confusion[2] == [0, 0, 1])
        #expect(report.accuracy(.english) == 0.5)
        #expect(report.wrongLanguageRate(.english) == 0.5)
        #expect(report.buckets[0][3].total == 1 && report.buckets[0][2].total == 1)  // 10 words; 3 words
        #expect(report.expectedCalibrationError > 0.2)  // one confident wrong answer in four
        #expect(report.bytes == items.reduce(0) { $0 + $1.text.count })
        let table = report.formatted(title: "t")
        #expect(table.contains("confusion") && table.contains("ECE") && table.contains("MB/s") && table.contains("6-15"))
    }

    @Test func undAnswersAreSplitByLanguageEvidence() {
        let items = [
            EvaluationItem(truth: .english, text: Array("http://www.budgieresearch.com".utf8)),  // und, no evidence
            EvaluationItem(truth: .english, text: Array("12345".utf8)),                          // und, no evidence
            EvaluationItem(truth: .english, text: Array("The weather was lovely, so we walked along the river.".utf8)),
        ]
        let rule = LanguageEvidence(frequentWords: ["the"])
        let report = Evaluation.run(items, classifier: LanguageClassifier(), timingRuns: 1, evidence: rule)
        #expect(report.undWithoutEvidence[0] == [1, 1, 0])
        // Without the two units that have no evidence, the one confident right answer is calibrated.
        #expect(report.expectedCalibrationError > 0.5)
        #expect(report.expectedCalibrationErrorWithEvidence < 0.01)
        #expect(report.formatted(title: "t").contains("en und: 2 = 2 without language evidence"))
    }
}

@Suite struct EvaluationFileTests {
    @Test func aMissingSetIsAnEvaluationErrorNamingThePath() {
        let path = Paths.packageRoot + "/Data/corpus/no-such.dev.txt"
        #expect {
            _ = try Evaluation.items(path: path)
        } throws: { error in
            (error as? EvaluationError)?.description.contains(path) == true
        }
    }
}
