import Foundation
import Testing
import Tamiz

/// `route --jsonl`: whole documents go to the file of their majority language (or `und` when no
/// language has `--min-fraction` of the content, or debris when nothing is content); with
/// `--split` each language's part of a document goes to its own file.
@Suite("Routing JSON Lines documents")
struct DocumentRoutingTests {
    let harness: FilterHarness
    init() throws { harness = try FilterHarness() }

    static let english = #"{"id":"en-1","text":"Skip to content\nThe library will stay open late during the exam weeks this spring."}"#
    static let spanish = #"{"id":"es-1","text":"La biblioteca abrirá hasta tarde durante las semanas de exámenes."}"#
    static let mixed = #"{"id":"mix-1","text":"The museum reopened on Saturday after a long renovation of its roof.\nEl museo reabrió el sábado tras una larga reforma del tejado."}"#
    static let debrisOnly = #"{"id":"nav-1","text":"Skip to content\n_\n12345"}"#

    struct Routed {
        var files: [Destination: [[String: Any]]]
        var statistics: FilterStatistics
    }

    func route(_ destinations: Set<Destination>, split: Bool, records: [String]) throws -> Routed {
        var options = FilterOptions(action: .route(destinations))
        var documents = DocumentOptions()
        documents.split = split
        options.documents = documents
        let result = try TamizFilter(options: options).run(text: records.joined(separator: "\n") + "\n")
        var files: [Destination: [[String: Any]]] = [:]
        for destination in destinations {
            files[destination] = try result.text(for: destination).split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
            }
        }
        return Routed(files: files, statistics: result.statistics)
    }

    private func ids(_ records: [[String: Any]]?) -> [String] {
        (records ?? []).compactMap { $0["id"] as? String }
    }

    @Test("each whole document goes to the file of its language, in input order")
    func wholeDocumentsByLanguage() throws {
        let routed = try route([.english, .spanish, .undetermined, .debris], split: false,
                               records: [Self.english, Self.spanish, Self.debrisOnly])
        #expect(ids(routed.files[.english]) == ["en-1"])
        #expect(ids(routed.files[.spanish]) == ["es-1"])
        #expect(ids(routed.files[.debris]) == ["nav-1"], "a document with no content is debris")
        #expect(ids(routed.files[.undetermined]).isEmpty)
    }

    @Test("a routed document carries its cleaned text, not the debris lines")
    func routedTextIsCleaned() throws {
        let routed = try route([.english], split: false, records: [Self.english])
        #expect(routed.files[.english]?.first?["text"] as? String
                == "The library will stay open late during the exam weeks this spring.")
    }

    @Test("a document whose destination has no file is dropped and its bytes counted as unrouted")
    func unroutedDocumentsAreCounted() throws {
        let routed = try route([.english], split: false, records: [Self.english, Self.spanish])
        #expect(ids(routed.files[.english]) == ["en-1"])
        #expect(routed.statistics.droppedBytes[.unrouted] == Self.spanish.utf8.count, "the line break is layout")
        #expect(routed.statistics.accountedBytes == routed.statistics.inputBytes)
    }

    @Test("with --split a mixed document is written once per language, each part marked")
    func splitWritesEachLanguagePart() throws {
        let routed = try route([.english, .spanish], split: true, records: [Self.mixed])
        let english = try #require(routed.files[.english]?.first)
        let spanish = try #require(routed.files[.spanish]?.first)
        #expect(english["text"] as? String == "The museum reopened on Saturday after a long renovation of its roof.")
        #expect(spanish["text"] as? String == "El museo reabrió el sábado tras una larga reforma del tejado.")
        #expect((english["tamiz"] as? [String: Any])?["part"] as? String == "en")
        #expect((spanish["tamiz"] as? [String: Any])?["part"] as? String == "es")
        #expect(english["id"] as? String == "mix-1" && spanish["id"] as? String == "mix-1")
    }

    @Test("with --split a part whose language has no file is dropped, the rest still written")
    func splitDropsUnroutedParts() throws {
        let routed = try route([.spanish], split: true, records: [Self.mixed])
        #expect(routed.files[.spanish]?.count == 1)
        #expect(routed.statistics.droppedBytes[.unrouted] == nil, "the record counts once, as written")
        #expect(routed.statistics.emittedBytes == Self.mixed.utf8.count)
    }
}
