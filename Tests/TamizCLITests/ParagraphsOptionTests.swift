import Testing

/// `--paragraphs blank-line`: hard-wrapped text, where a sentence spans lines and a blank line ends
/// a paragraph (issue #13).
@Suite("Command line: --paragraphs")
struct ParagraphsOptionTests {
    let wrapped = """
        The committee met on Monday and agreed
        to postpone the vote until spring.
        Nobody objected to the new
        date.

        La comisión se reunió el lunes y acordó
        aplazar la votación.

        """

    @Test("keep with --paragraphs blank-line writes each paragraph's sentences on one line")
    func keepJoinsSoftWrappedLines() throws {
        let result = try CLI.shell("tamiz keep en es --paragraphs blank-line", input: wrapped)
        #expect(result.status == 0)
        #expect(result.output == """
            The committee met on Monday and agreed to postpone the vote until spring. Nobody objected to the new date.
            La comisión se reunió el lunes y acordó aplazar la votación.

            """)
    }

    @Test("label with --paragraphs blank-line gives one unit per sentence across lines, on the paragraph's first line")
    func labelUnitsSpanLines() throws {
        let result = try CLI.shell("tamiz label --format jsonl --paragraphs blank-line", input: wrapped)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix(#"{"line":1,"lang":"en""#) == true)
        #expect(lines.first?.hasSuffix(#""text":"The committee met on Monday and agreed to postpone the vote until spring."}"#) == true)
        #expect(lines.last?.hasPrefix(#"{"line":6,"lang":"es""#) == true)
    }

    @Test("--stats accounts for every input byte with --paragraphs blank-line")
    func statisticsAddUp() throws {
        let result = try CLI.shell("tamiz keep en --paragraphs blank-line --stats > /dev/null", input: wrapped)
        #expect(result.status == 0)
        func count(_ name: String) -> Int? {
            result.error.split(separator: "\n").first { $0.hasPrefix(name + ": ") }.flatMap { Int($0.dropFirst(name.count + 2)) }
        }
        let input = try #require(count("input bytes"))
        #expect(input == wrapped.utf8.count)
        #expect(try #require(count("emitted bytes")) + #require(count("dropped bytes")) + #require(count("layout bytes")) == input)
    }

    @Test("without the option every line break still ends a paragraph")
    func defaultIsOneParagraphPerLine() throws {
        let result = try CLI.shell("tamiz keep en", input: wrapped)
        #expect(result.status == 0)
        #expect(!result.output.contains("agreed to postpone"))
    }

    @Test("--paragraphs blank-line with --unit line is a usage error")
    func blankLineNeedsSentenceUnits() throws {
        let result = try CLI.shell("tamiz label --unit line --paragraphs blank-line", input: wrapped)
        #expect(result.status == 2)
        #expect(result.error.contains("--paragraphs blank-line"))
    }
}
