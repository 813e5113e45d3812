import Foundation
import Testing
import Tamiz

/// `TamizFilter.run(bytes:)` / `run(text:)`: the filter over bytes in memory, with every output
/// and the statistics returned, equal to what a run over files writes.
@Suite("In-memory runs")
struct InMemoryRunTests {
    let harness: FilterHarness
    init() throws { harness = try FilterHarness() }

    static let text = """
        Skip to content
        The council approved the new budget on Tuesday after a long debate about school funding. El presupuesto incluye más fondos para las escuelas públicas de la ciudad.
        La votación fue unánime y el alcalde celebró el acuerdo con los vecinos del barrio.
        Share on Facebook

        """
    static let spanish = [
        "El presupuesto incluye más fondos para las escuelas públicas de la ciudad.",
        "La votación fue unánime y el alcalde celebró el acuerdo con los vecinos del barrio.",
    ]

    @Test("an in-memory run writes the same bytes and statistics as a run over files")
    func inMemoryRunEqualsFileRun() throws {
        let input = try Array(Data(contentsOf: URL(fileURLWithPath: ProjectFiles.sample)))
        for options in [FilterOptions.label(.jsonl), .label(.tsv, unit: .line), .keep(.english), .label(unit: .span)] {
            for threads in [1, 2] {
                var options = options
                options.threads = threads
                options.blockBytes = 4096  // many blocks, so lines cross block ends
                let memory = try TamizFilter(options: options).run(bytes: input)
                let file = try harness.runThroughFiles(options, input: input)
                #expect(memory.output == file.output, "\(options.action) threads \(threads)")
                #expect(memory.statistics == file.statistics, "\(options.action) threads \(threads)")
                #expect(!memory.output.isEmpty)
            }
        }
    }

    @Test("route in memory returns each destination's text, and nothing for one left out")
    func routeReturnsEachDestination() throws {
        let result = try TamizFilter(options: .route(.english, .spanish, .debris)).run(text: Self.text)
        #expect(result.text(for: .english) == "The council approved the new budget on Tuesday after a long debate about school funding.\n")
        #expect(result.text(for: .spanish) == Self.spanish.joined(separator: "\n") + "\n")
        #expect(result.text(for: .debris) == "Skip to content\nShare on Facebook\n")
        #expect(result.routed[.undetermined] == nil)
        #expect(result.output.isEmpty)
        #expect(result.statistics.accountedBytes == Self.text.utf8.count)
    }

    @Test("keep in memory drops the other language and debris, counting each by its reason")
    func keepCountsDropsByReason() throws {
        let result = try TamizFilter(options: .keep(.english)).run(text: Self.text)
        #expect(result.text == "The council approved the new budget on Tuesday after a long debate about school funding.\n")
        let spanishBytes = Self.spanish.map(\.utf8.count).reduce(0, +)
        #expect(result.statistics.droppedBytes[.language] == spanishBytes)
        let debrisBytes = result.statistics.droppedBytes.filter { if case .debris = $0.key { true } else { false } }
        #expect(debrisBytes.values.reduce(0, +) == "Skip to content".utf8.count + "Share on Facebook".utf8.count)
    }

    @Test("invalid JSON Lines records come back as messages and error records, not on the output")
    func invalidRecordsAreReturned() throws {
        let input = #"{"text":"The bridge will close for repairs next month."}"# + "\nnot json\n"
        let result = try TamizFilter(options: .jsonl()).run(text: input)
        #expect(result.messages == ["input: line 2: invalid JSON record: expected a JSON object at byte 1"])
        #expect(String(decoding: result.errors, as: UTF8.self) == "not json\n")
        #expect(result.statistics.droppedBytes[.invalidRecord] == "not json".utf8.count)
        #expect(result.text.hasPrefix(#"{"text":"The bridge will close for repairs next month.","tamiz":{"lang":"en""#))
    }

    @Test("names the caller gives the inputs are used in records, not replaced by paths")
    func inputNamesGivenByTheCallerAreKept() throws {
        let first = try harness.file("a.txt", text: "The train was late again this morning.\n")
        let second = try harness.file("b.txt", text: "El tren llegó tarde otra vez esta mañana.\n")
        var options = FilterOptions.label(.jsonl)
        options.inputNames = ["first", "second"]
        let output = harness.directory.appendingPathComponent("out.jsonl").path
        FileManager.default.createFile(atPath: output, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        _ = try TamizFilter(options: options).run(inputs: [first, second], outputDescriptor: handle.fileDescriptor)
        try handle.close()
        let files = try harness.read(output).split(separator: "\n").map {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["file"] as? String
        }
        #expect(files == ["first", "second"])
    }

    @Test("a text field inside the result member is refused in memory too")
    func resultMemberFieldIsRefused() throws {
        var options = FilterOptions.jsonl()
        options.documents!.fieldPath = ["tamiz", "text"]
        let error = #expect(throws: FilterError.self) { try TamizFilter(options: options).run(text: "{}\n") }
        #expect(error?.kind == .usage)
    }

    /// The README's library example, as written there.
    @Test func theReadmeRouteExampleGivesEachLanguageItsOwnBytes() throws {
        let result = try TamizFilter(options: FilterOptions(action: .route([.english, .spanish])))
            .run(text: "The bridge reopened on Friday.\nEl puente reabrió el viernes.\n")
        #expect(result.text(for: .spanish) == "El puente reabrió el viernes.\n")
        #expect(result.text(for: .english) == "The bridge reopened on Friday.\n")
    }
}
