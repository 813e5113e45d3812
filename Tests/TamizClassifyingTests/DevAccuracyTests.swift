import Testing
import TamizClassifying

/// Accuracy floors on the shared dev sets (skipped where ../shared is absent). The floors sit a
/// little under the measured numbers so that a regression fails, not noise. Dutch (93.7 %) is
/// below the 95 % target: its training split is small (718 lines, shared with German in one class).
/// English (96.7 %) loses mostly URL-only lines (36 structural `und`), e-mail headers and bare names.
@Suite(.enabled(if: Paths.hasSharedCorpus, "needs ../shared/corpus"))
struct DevAccuracyTests {
    let classifier = LanguageClassifier()

    func rate(_ file: String, _ truth: Language) throws -> Double {
        let lines = try Paths.lines(Paths.sharedCorpus + "/" + file)
        let right = lines.filter { classifier.classify($0).language == truth }.count
        return Double(right) / Double(lines.count)
    }

    @Test func englishDevSentences() throws {
        #expect(try rate("en.dev.txt", .english) >= 0.96)
    }

    @Test func spanishDevSentences() throws {
        #expect(try rate("es.dev.txt", .spanish) >= 0.997)
    }

    @Test(arguments: ["fr", "pt", "it", "de", "ca", "gl", "nl"])
    func otherLanguageDevSentencesAreUndetermined(_ code: String) throws {
        #expect(try rate("other/\(code).dev.txt", .undetermined) >= (code == "nl" ? 0.93 : 0.98))
    }
}
