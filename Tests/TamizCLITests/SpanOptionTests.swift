import Foundation
import Testing

/// `--unit span` on the command line (issue #14): a unit for every run of one language.
@Suite("Command line: --unit span")
struct SpanOptionTests {
    let mixed = """
        I told her que no me importa, she can do whatever she wants.
        Mañana vamos al parque, if it does not rain, y después comemos tacos 🌮.

        """

    @Test(
        "label --unit span --format jsonl: line[start:end] in Python is each record's text",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs python3"))
    func pythonSlicingRoundTrip() throws {
        let input = CLI.temporaryFile("mixed.txt")
        try mixed.write(toFile: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: input) }
        let check = """
            import json, sys
            lines = open(sys.argv[1], encoding="utf-8").read().split("\\n")
            records = [json.loads(r) for r in sys.stdin]
            assert len(records) >= 4, records
            for r in records:
                assert lines[r["line"] - 1][r["start"]:r["end"]] == r["text"], r
            print(sorted({r["lang"] for r in records}))
            """
        let result = try CLI.shell(
            "tamiz label --unit span --format jsonl '\(input)' | python3 -c '\(check)' '\(input)'")
        try #require(result.status == 0, "\(result.error)")
        #expect(result.output == "['en', 'es']\n")
    }

    @Test("keep es --unit span prints the Spanish parts of each line on one line")
    func keepSpanishParts() throws {
        let result = try CLI.shell("tamiz keep es --unit span", input: mixed)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)  // two lines and the final newline
        #expect(lines[0].contains("importa") && !lines[0].contains("told") && !lines[0].contains("whatever"))
        #expect(lines[1].hasPrefix("Mañana") && lines[1].contains("tacos") && !lines[1].contains("rain"))
    }

    @Test("route --unit span sends each language's parts to its file, and nothing is lost")
    func routeSplitsAMixedLine() throws {
        let en = CLI.temporaryFile("en.txt"), es = CLI.temporaryFile("es.txt")
        defer { for path in [en, es] { try? FileManager.default.removeItem(atPath: path) } }
        let result = try CLI.shell("tamiz route --unit span --stats --en '\(en)' --es '\(es)'", input: mixed)
        #expect(result.status == 0)
        let english = try String(contentsOfFile: en, encoding: .utf8)
        let spanish = try String(contentsOfFile: es, encoding: .utf8)
        #expect(english.contains("she can do whatever she wants.") && !english.contains("importa"))
        #expect(spanish.contains("que no me importa,") && !spanish.contains("told"))
        // Every non-space character of the input went to one of the two files.
        let characters = { (text: String) in text.filter { !$0.isWhitespace }.sorted() }
        #expect(characters(english + spanish) == characters(mixed))
        #expect(result.error.contains("input bytes: \(mixed.utf8.count)"))
    }

    @Test("label --unit span gives the same bytes at 1 and 2 threads")
    func threadsAgree() throws {
        let input = String(repeating: mixed + "Home | News | Sports | Weather\n", count: 3000)
        let one = try CLI.shell("tamiz label --unit span --format jsonl --threads 1", input: input)
        let two = try CLI.shell("tamiz label --unit span --format jsonl --threads 2", input: input)
        #expect(one.status == 0 && two.status == 0)
        #expect(one.output.utf8.count > input.utf8.count)
        #expect(one.output == two.output)
    }

    @Test("--stats with --unit span accounts for every input byte")
    func statsAddUp() throws {
        let input = mixed + "Inicio | Noticias | Deportes | Contacto\n\n"
        let result = try CLI.shell("tamiz keep es --unit span --stats", input: input)
        #expect(result.status == 0)
        func count(_ name: String) -> Int? {
            result.error.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .flatMap { Int($0.split(separator: " ").last!) }
        }
        let total = try #require(count("input bytes"))
        #expect(total == input.utf8.count)
        #expect(try #require(count("emitted bytes")) + #require(count("dropped bytes")) + #require(count("layout bytes")) == total)
        #expect(try #require(count("emitted bytes")) == result.output.utf8.count - 2 - 1)  // minus 2 newlines, 1 joining space
    }

    @Test("--unit span with --paragraphs blank-line is a usage error")
    func paragraphsNeedSentences() throws {
        let result = try CLI.shell("tamiz label --unit span --paragraphs blank-line", input: mixed)
        #expect(result.status == 2)
        #expect(result.error.contains("--paragraphs blank-line needs --unit sentence"))
    }
}
