import Foundation
import TamizTestSupport
import Testing
@testable import TamizSegmenting

/// ICU segments only the spans around sentence terminators (`.` `!` `?` `。` …, paragraph separators),
/// with the words around them; that must give exactly ICU's boundaries over the whole text.
@Suite struct TerminatorSpanTests {
    let spans: SentenceSegmenter
    let whole: SentenceSegmenter

    init() throws {
        spans = try SentenceSegmenter()
        whole = try SentenceSegmenter(maxSentenceBytes: SentenceSegmenter.defaultMaxSentenceBytes, windowBytes: 1 << 30,
                                      readsOnlyNearTerminators: false)
    }

    /// Lines that exercise each rule ICU's decision reads (SB6–SB11) and the terminators beyond ASCII.
    static let traps = [
        "Dr. Smith landed in the U.S. on Monday. ¿Dónde está el Sr. García? Nadie lo sabe.",
        "¿Qué? ¡No! Vale.", "He said \"Stop.\" Then he left.", "It costs 3.50 dollars. e.g. this one.",
        "Wait… The bus. Espera... ¿qué dijiste?", "日本語の文です。次の文です。", "Il dit « oui. » Puis rien.",
        "First.\u{2029}Second paragraph. Third.", "One.\u{2028}Two.\u{85}Three.\rFour.\u{0B}Five.\u{0C}Six.",
        "(See p. 5.) next day. ) And more.", "Is it?! Yes!! No?!", "Ends with spaces.   ", "No terminator at all",
        ". . . leading dots. Then text.", "Version 2.0.1 is out. Get it at example.org/a.b?c=d now.",
        "Ok.\u{301} Next.", "Ok .Next. ok", "Mr.\u{200B}Smith. Yes.", "a.b.c.d.e.f.g.h.i.j.k.l.m. Z.",
        "Tel. 555. 123. 456 x. End.", "Say \u{201C}hi.\u{201D} \u{2014}Hola. \u{2014}¿Qué?", "Σ. Ω. Я. Ж.",
        "Warum? Darum‼ Wer⁇ Wie⁈ Was⁉ Eh‽", "1. One 2. Two 3. Three", "Foo.)\u{A0}\u{A0}Bar. baz.",
        "x\u{FF0E} Y\u{FF61} z\u{3002} W", "Arabic\u{061F} Next\u{06D4} Then", "\u{1F600}. \u{1F600}! Emoji.",
        "End. 123 456 789 lower. 987 UPPER.", "\t Tabs.\tBetween.\t\tSentences. ",
        "Final run.\" ", "Spaced close. )", "Close then space.) ", "Space then quote. \"", "Why?\u{201D}  ",
        "Tab.\t", "Two final runs?! \u{00BB}", "Dots... ", "Ends in NBSP.\u{00A0}", "Mid. run.)\" x",
    ]

    @Test func theTrapsHaveTheSameICUBoundariesBothWays() {
        for line in Self.traps {
            #expect(spans.icuBoundaries(in: line) == whole.icuBoundaries(in: line), "\(line)")
            #expect(spans.sentences(in: line) == whole.sentences(in: line), "\(line)")
        }
    }

    @Test func aLineWithoutTerminatorsHasNoBoundaryAndIsOneSentence() {
        #expect(spans.icuBoundaries(in: "Skip to content") == [])
        #expect(spans.sentences(in: "Skip to content") == ["Skip to content"])
    }

    static let shared = URL(fileURLWithPath: Paths.shared)

    static var realFiles: [URL] {
        let corpus = shared.appendingPathComponent("corpus")
        let names = ["en.dev.txt", "es.dev.txt"] + ["ca", "de", "fr", "gl", "it", "nl", "pt"].map { "other/\($0).dev.txt" }
        let scrapes = (try? FileManager.default.contentsOfDirectory(
            at: shared.appendingPathComponent("samples/scrapes"), includingPropertiesForKeys: nil)) ?? []
        return names.map { corpus.appendingPathComponent($0) }
            + scrapes.filter { $0.pathExtension == "txt" && !$0.lastPathComponent.hasSuffix(".gold.txt") }
                .sorted { $0.path < $1.path }
            + [shared.appendingPathComponent("samples/elpais-scrape.txt")]
    }

    /// Every line of the shared dev corpora and scrapes, and every run of four consecutive lines
    /// joined into one paragraph (sentences end mid-line there).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/en.dev.txt").path),
                   "../shared/corpus is not beside the project"))
    func realLinesAndParagraphsHaveTheSameICUBoundariesBothWays() throws {
        var checked = 0
        for file in Self.realFiles where FileManager.default.fileExists(atPath: file.path) {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            let paragraphs = stride(from: 0, to: lines.count, by: 4).map { lines[$0 ..< min($0 + 4, lines.count)].joined(separator: " ") }
            for text in lines.map(String.init) + paragraphs {
                let expected = whole.icuBoundaries(in: text)
                if spans.icuBoundaries(in: text) != expected {
                    Issue.record("\(file.lastPathComponent): \(text)")
                }
                checked += 1
            }
        }
        #expect(checked > 20_000)
    }
}
