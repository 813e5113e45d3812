import Foundation
import Testing
import Tamiz

@Suite("JSON Lines documents")
struct DocumentTests {
    let harness: FilterHarness
    init() throws { harness = try FilterHarness() }

    static let article = #"{"id":7,"url":"https://example.org/a","text":"Skip to content\nThe council met on Tuesday to discuss the new budget. It was approved after a long debate.\nEl consejo se reunió el martes.\n_","meta":{"tags":["x",1,null,true]}}"#

    func options(_ action: FilterAction, split: Bool = false, field: [String] = ["text"]) -> FilterOptions {
        var options = FilterOptions(action: action)
        var documents = DocumentOptions()
        documents.split = split
        documents.fieldPath = field
        options.documents = documents
        return options
    }

    func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test("label cleans the text field, keeps every other field, and adds the document's results")
    func labelDocument() throws {
        let output = try harness.run(options(.label(.jsonl)), input: Self.article + "\n").output
        let record = try objects(output).first!
        #expect(record["text"] as? String == "The council met on Tuesday to discuss the new budget. It was approved after a long debate.\nEl consejo se reunió el martes.")
        #expect(record["id"] as? Int == 7)
        #expect(output.contains(#""meta":{"tags":["x",1,null,true]}"#), "other fields keep their exact bytes")
        let result = record["tamiz"] as! [String: Any]
        #expect(result["lang"] as? String == "en")
        let fraction = result["fraction"] as! [String: Double]
        #expect(fraction["en"]! > 0.6 && fraction["es"]! > 0.2)
        #expect(result["dropped"] as? [String: Int] == ["navigation": 1, "no-letters": 1])
    }

    @Test("a document of more lines than one cleaning window (65,536) keeps every content line, in order")
    func documentLongerThanACleaningWindow() throws {
        let paragraphs = (1...34_000).map { "Paragraph \($0) of the report says that the council met on Tuesday to discuss the budget." }
        // A blank line after each paragraph: 68,000 lines, so the document spans two windows.
        let text = paragraphs.map { $0 + "\\n\\n" }.joined()
        let output = try harness.run(options(.label(.jsonl)), input: #"{"id":1,"text":""# + text + "\"}\n").output
        let record = try objects(output).first!
        #expect(record["text"] as? String == paragraphs.joined(separator: "\n"))
        #expect((record["tamiz"] as! [String: Any])["dropped"] as? [String: Int] == ["blank": 34_000])
    }

    @Test("keep acts on whole documents by the share of their content in the kept languages")
    func keepWholeDocuments() throws {
        let spanish = #"{"id":8,"text":"Llueve mucho hoy en la ciudad, dijo el alcalde a los vecinos."}"#
        let output = try harness.run(options(.keep([.english])), input: Self.article + "\n" + spanish + "\n").output
        #expect(try objects(output).map { $0["id"] as? Int } == [7])
    }

    @Test("keep --split writes only the kept language's part of each document")
    func keepSplit() throws {
        let output = try harness.run(options(.keep([.spanish]), split: true), input: Self.article + "\n").output
        let record = try objects(output).first!
        #expect(record["text"] as? String == "El consejo se reunió el martes.")
        #expect((record["tamiz"] as! [String: Any])["part"] as? String == "es")
    }

    @Test("the text field may be a dotted path into nested objects")
    func nestedField() throws {
        let input = #"{"page":{"title":"T","body":"The river rose slowly during the night.\nMost viewed"}}"# + "\n"
        let record = try objects(try harness.run(options(.label(.jsonl), field: ["page", "body"]), input: input).output).first!
        #expect((record["page"] as! [String: Any])["body"] as? String == "The river rose slowly during the night.")
        #expect((record["page"] as! [String: Any])["title"] as? String == "T")
    }

    @Test("invalid records are reported with their line number, counted and skipped")
    func invalidRecords() throws {
        let input = "{broken\n" + Self.article + "\n[1,2]\n" + #"{"text":42}"# + "\n"
        let errors = harness.directory.appendingPathComponent("errors.jsonl").path
        let inputPath = try harness.file("docs.jsonl", text: input)
        let messages = MessageLog()
        let devNull = open("/dev/null", O_WRONLY)
        defer { close(devNull) }
        let statistics = try TamizFilter(options: options(.label(.jsonl))).run(
            inputs: [inputPath], outputDescriptor: devNull, errorsPath: errors,
            report: messages.append)
        #expect(statistics.invalidRecords == 3)
        #expect(statistics.documents == 1)
        #expect(messages.lines.map { $0.contains("line 1") || $0.contains("line 3") || $0.contains("line 4") } == [true, true, true])
        #expect(try harness.read(errors) == "{broken\n[1,2]\n{\"text\":42}\n")
    }

    @Test("with --strict an invalid record stops the run")
    func strictRecords() throws {
        var strict = options(.label(.jsonl))
        strict.strict = true
        #expect {
            _ = try harness.run(strict, input: Self.article + "\n{broken\n")
        } throws: { error in
            let error = error as! FilterError
            return error.kind == .invalidRecord && error.description.contains("line 2")
        }
    }

    @Test("JSON escapes in the text are decoded before cleaning and encoded again")
    func escapes() throws {
        let input = #"{"text":"Caf\u00e9 \"Sol\" opened a second shop on the corner last week.\ud83d\ude00"}"# + "\n"
        let record = try objects(try harness.run(options(.label(.jsonl)), input: input).output).first!
        #expect(record["text"] as? String == "Café \"Sol\" opened a second shop on the corner last week.😀")
    }
}

@Suite("Plain-text documents")
struct PlainTextDocumentTests {
    @Test("a form feed starts a new document, so a line repeated across documents is not 'repeated'")
    func formFeedSeparatesDocuments() throws {
        let harness = try FilterHarness()
        let input = "Weather report for the coast\nThe storm moved north overnight.\n\u{0C}Weather report for the coast\nThe sun came out at noon.\n"
        let records = TSVRecord.parse(try harness.run(.label(unit: .line), input: input).output)
        #expect(records.map(\.debris) == ["-", "-", "-", "-"])
        let single = TSVRecord.parse(try harness.run(.label(unit: .line), input: input.replacingOccurrences(of: "\u{0C}", with: "")).output)
        #expect(single[0].debris == "repeated")
    }
}

final class MessageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var lines: [String] { lock.withLock { stored } }
    func append(_ line: String) { lock.withLock { stored.append(line) } }
}
