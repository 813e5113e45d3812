import Foundation
import Testing
import Tamiz

/// `--unit span`: a unit for every run of one language within a sentence.
@Suite("Span units")
struct SpanUnitTests {
    let harness: FilterHarness
    init() throws { harness = try FilterHarness() }

    static let mixed = "I told her que no me importa, she can do whatever she wants.\n"
    /// Accents, an ñ and an emoji put code points and UTF-8 bytes apart.
    static let accented = "Ayer fuimos al café con mi compañero 😀 and then we went home to sleep.\n"

    func options(_ action: FilterAction) -> FilterOptions {
        var options = FilterOptions(action: action)
        options.unit = .span
        return options
    }

    struct Record: Decodable {
        var line: Int
        var start: Int
        var end: Int
        var lang: String
        var confidence: Double
        var text: String
    }

    func records(_ input: String, blockBytes: Int? = nil) throws -> [Record] {
        var options = options(.label(.jsonl))
        if let blockBytes { options.blockBytes = blockBytes }
        let output = try harness.run(options, input: input).output
        return try output.split(separator: "\n").map {
            try JSONDecoder().decode(Record.self, from: Data($0.utf8))
        }
    }

    /// Python's `line[start:end]`: code points, not bytes or grapheme clusters.
    func slice(_ line: Substring, _ range: Range<Int>) -> String {
        let scalars = Array(line.unicodeScalars)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[range])
        return String(text)
    }

    @Test("each span's offsets slice its input line, in code points, to the span's text")
    func offsetsRoundTrip() throws {
        let input = Self.accented + Self.mixed
        let lines = input.split(separator: "\n")
        let records = try records(input)
        #expect(records.count >= 4)
        for record in records {
            #expect(slice(lines[record.line - 1], record.start..<record.end) == record.text)
        }
        // The emoji and accents come before the English span: its byte offset would differ.
        let english = try #require(records.first { $0.line == 1 && $0.lang == "en" })
        #expect(Array(lines[0].utf8).count - english.start > lines[0].unicodeScalars.count - english.start)
    }

    @Test("a piece of a line longer than a block keeps counting offsets from the line's start")
    func offsetsAcrossBlocks() throws {
        let line = String(repeating: "Mi abuela cocina arroz con pollo los domingos. ", count: 8)
            + "We always eat too much ñandú 😀 at her house."
        let records = try records(line + "\n", blockBytes: 64)
        #expect(records.allSatisfy { $0.line == 1 })
        #expect(records.last!.end == line.unicodeScalars.count)
        for record in records {
            #expect(slice(Substring(line), record.start..<record.end) == record.text)
        }
    }

    @Test("a code-switched sentence gives an English and a Spanish span")
    func mixedLineHasBothLanguages() throws {
        let records = try records(Self.mixed)
        #expect(Set(records.map(\.lang)) == ["en", "es"])
        #expect(records.first?.lang == "en")
        #expect(records.contains { $0.lang == "es" && $0.text.contains("importa") })
    }

    @Test("keep es prints only the Spanish spans of each line, joined by spaces")
    func keepSpanishSpans() throws {
        let input = Self.mixed + "The meeting is at noon.\n" + Self.accented
        let spanish = try records(input).filter { $0.lang == "es" }
        let output = try harness.run(options(.keep([.spanish])), input: input).output
        let expected = Dictionary(grouping: spanish, by: \.line).sorted { $0.key < $1.key }
            .map { $0.value.map(\.text).joined(separator: " ") + "\n" }.joined()
        #expect(!spanish.isEmpty)
        #expect(output == expected)
        #expect(!output.contains("told") && !output.contains("meeting") && !output.contains("sleep"))
    }

    @Test("1 and 2 threads write the same bytes over many blocks")
    func threadsAgree() throws {
        let input = String(repeating: Self.mixed + Self.accented + "Home | News | Sports | Weather\n", count: 40)
        for action in [FilterAction.label(.jsonl), .label(.tsv), .keep([.spanish]), .route([.english, .spanish])] {
            var both = options(action)
            both.blockBytes = 256
            let (single, double) = try harness.runOnOneAndTwoThreads(both, input: Array(input.utf8))
            #expect(single.output == double.output, "\(action)")
            #expect(single.statistics.units == double.statistics.units, "\(action)")
        }
    }

    @Test("every input byte is emitted, dropped with a reason or layout")
    func bytesAddUp() throws {
        var input = Array((Self.mixed + "Home | News | Sports | Weather\n\n" + Self.accented).utf8)
        input += [0x4E, 0x6F, 0xFF, 0x20, 0x73, 0xC3, 0xAD, 0x2E, 0x0D, 0x0A]  // "No\xFF sí.\r\n"
        for action in [FilterAction.label(.jsonl), .keep([.spanish]), .route([.spanish]), .route(Set(Destination.allCases))] {
            let statistics = try harness.run(options(action), input: input).statistics
            #expect(statistics.inputBytes == input.count)
            #expect(statistics.accountedBytes == input.count, "\(action)")
        }
    }

    @Test("keep drops a debris line whole, as with sentence units")
    func debrisLinesAsInSentenceMode() throws {
        let navigation = "Inicio | Noticias | Deportes | Contacto\n"
        var sentence = FilterOptions(action: .keep([.spanish]))
        sentence.unit = .sentence
        let spans = try harness.run(options(.keep([.spanish])), input: navigation + Self.mixed)
        let sentences = try harness.run(sentence, input: navigation)
        #expect(!spans.output.contains("Noticias"))
        #expect(spans.statistics.debrisUnits == sentences.statistics.debrisUnits)
        #expect(spans.statistics.debrisUnits.values.reduce(0, +) == 1)
        let debrisKeys = { (s: FilterStatistics) in s.droppedBytes.filter { $0.key != .language } }
        #expect(debrisKeys(spans.statistics) == debrisKeys(sentences.statistics))
        #expect(debrisKeys(spans.statistics).values.reduce(0, +) == navigation.utf8.count - 1)
    }

    @Test("label tsv carries start and end columns before the text")
    func tsvOffsets() throws {
        let output = try harness.run(options(.label(.tsv)), input: Self.mixed).output
        let rows = output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count >= 2)
        for row in rows {
            #expect(row.count == 6)
            let start = try #require(Int(row[3])), end = try #require(Int(row[4]))
            #expect(slice(Substring(Self.mixed), start..<end) == String(row[5]))
        }
        var sentence = FilterOptions(action: .label(.tsv))
        sentence.unit = .sentence
        let sentenceRows = try harness.run(sentence, input: Self.mixed).output.split(separator: "\n")
        #expect(sentenceRows.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 4 })
    }

    @Test("JSON Lines attributes with span units hold the detector's English and Spanish spans")
    func documentAttributes() throws {
        let input = #"{"id":"d1","text":"I told her que no me importa, she can do whatever she wants."}"# + "\n"
        var options = options(.label(.jsonl))
        options.documents = DocumentOptions()
        options.documents!.attributes = true
        let attributesPath = harness.directory.appendingPathComponent("attributes.jsonl").path
        let inputPath = try harness.file("documents.jsonl", text: input)
        let outputPath = harness.directory.appendingPathComponent("out.jsonl").path
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        defer { try? handle.close() }
        _ = try TamizFilter(options: options).run(
            inputs: [inputPath], outputDescriptor: handle.fileDescriptor, attributesPath: attributesPath)
        struct Attributes: Decodable { var attributes: [String: [[Double]]] }
        let line = try harness.read(attributesPath)
        let attributes = try JSONDecoder().decode(Attributes.self, from: Data(line.utf8)).attributes
        let text = "I told her que no me importa, she can do whatever she wants."
        let expected = try records(text + "\n")
        for language in ["en", "es"] {
            let spans = try #require(attributes["tamiz__tamiz__\(language)"])
            let fromLabel = expected.filter { $0.lang == language }.map { [Double($0.start), Double($0.end)] }
            #expect(!spans.isEmpty)
            #expect(spans.map { Array($0.prefix(2)) } == fromLabel)
        }
    }
}
