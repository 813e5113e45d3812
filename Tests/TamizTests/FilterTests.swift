import Foundation
import Testing
import Tamiz

@Suite("Streaming filter")
struct FilterTests {
    let harness: FilterHarness
    init() throws { harness = try FilterHarness() }

    let mixedParagraph = """
        Dr. Smith arrived in the U.S. Army camp on Monday. He was tired. ¿Dónde está el Sr. García? Nadie lo sabe.
        """

    @Test("label splits a mixed paragraph into sentences, each with its language")
    func labelsSentences() throws {
        let records = TSVRecord.parse(try harness.run(.label(), input: mixedParagraph + "\n").output)
        #expect(records.map(\.text) == [
            "Dr. Smith arrived in the U.S. Army camp on Monday.", "He was tired.",
            "¿Dónde está el Sr. García?", "Nadie lo sabe.",
        ])
        #expect(records.map(\.language) == ["en", "en", "es", "es"])
        #expect(records.allSatisfy { (0...1).contains($0.confidence) })
    }

    @Test("label marks debris with its reason and leaves content as '-'")
    func labelsDebris() throws {
        let input = "Skip to content\n_\nThe bridge reopened to traffic on Friday after two years of repairs.\n"
        let records = TSVRecord.parse(try harness.run(.label(), input: input).output)
        #expect(records.map(\.debris) == ["navigation", "no-letters", "-"])
    }

    @Test("tab, newline-like escapes, backslash and NUL in text are escaped in TSV")
    func tsvEscaping() throws {
        let input: [UInt8] = Array("The path is C:\\temp\tand more text here\u{0}ok.\r\n".utf8)
        let (output, _) = try harness.run(.label(unit: .line), input: input)
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.hasSuffix("\tThe path is C:\\\\temp\\tand more text here\\0ok.\n"))
        #expect(text.filter { $0 == "\t" }.count == 3)
    }

    @Test("--unit line gives exactly one record per input line, blank lines included, in order")
    func oneRecordPerLine() throws {
        let input = "First line of English text here.\n\n_\nSegunda línea en español, con dos frases. Otra más.\nlast line without newline"
        let records = TSVRecord.parse(try harness.run(.label(unit: .line), input: input).output)
        #expect(records.count == 5)
        #expect(records.map(\.text) == input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(records[1].debris == "blank")
    }

    @Test("JSON Lines records carry line, lang, confidence, debris and text")
    func jsonLines() throws {
        let input = "Skip to content\n\nShe said \"hello\" and left the room quickly.\n"
        let output = try harness.run(.label(.jsonl), input: input).output
        let objects = try output.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(objects.count == 2)
        #expect(objects[0]["debris"] as? String == "navigation")
        #expect(objects[1]["line"] as? Int == 3)
        #expect(objects[1]["lang"] as? String == "en")
        #expect(objects[1]["debris"] is NSNull)
        #expect(objects[1]["text"] as? String == "She said \"hello\" and left the room quickly.")
        #expect(objects[1]["confidence"] is Double)
    }

    @Test("keep prints only sentences of the kept language, joined per line, debris dropped")
    func keepEnglish() throws {
        let input = "Skip to content\n" + mixedParagraph + "\n"
        let output = try harness.run(.keep(.english), input: input).output
        #expect(output == "Dr. Smith arrived in the U.S. Army camp on Monday. He was tired.\n")
    }

    @Test("keep es prints no English")
    func keepSpanish() throws {
        let output = try harness.run(.keep(.spanish), input: mixedParagraph + "\n").output
        #expect(output == "¿Dónde está el Sr. García? Nadie lo sabe.\n")
    }

    @Test("route writes each unit to exactly one file and counts unrouted units")
    func route() throws {
        let english = harness.directory.appendingPathComponent("en.txt").path
        let spanish = harness.directory.appendingPathComponent("es.txt").path
        let debris = harness.directory.appendingPathComponent("debris.txt").path
        let input = try harness.file("route-input.txt", text: "Most viewed\n" + mixedParagraph + "\n12345\n")
        let statistics = try TamizFilter(options: FilterOptions(action: .route([.english, .spanish, .debris])))
            .run(inputs: [input], routePaths: [.english: english, .spanish: spanish, .debris: debris])
        #expect(try harness.read(english) == "Dr. Smith arrived in the U.S. Army camp on Monday. He was tired.\n")
        #expect(try harness.read(spanish) == "¿Dónde está el Sr. García? Nadie lo sabe.\n")
        #expect(try harness.read(debris) == "Most viewed\n12345\n")
        #expect(statistics.droppedBytes.isEmpty)
    }

    @Test("empty input gives empty output and zero counts")
    func emptyInput() throws {
        let (output, statistics) = try harness.run(.label(), input: "")
        #expect(output.isEmpty)
        #expect(statistics.units == 0 && statistics.inputBytes == 0)
    }

    @Test("invalid UTF-8 is replaced with U+FFFD and counted")
    func invalidUTF8IsReplaced() throws {
        let input: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" is closed today.\n".utf8)
        let (output, statistics) = try harness.run(.label(unit: .line), input: input)
        #expect(String(decoding: output, as: UTF8.self).hasSuffix("\tCaf\u{FFFD} is closed today.\n"))
        #expect(statistics.replacedInvalidBytes == 1)
    }

    @Test("--strict stops at invalid UTF-8 with the line number, after writing the lines before it")
    func strictRejectsInvalidUTF8() throws {
        var options = FilterOptions.label(unit: .line)
        options.strict = true
        let input: [UInt8] = Array("Good line.\n".utf8) + [0x41, 0xFF, 0x0A]
        #expect {
            _ = try harness.run(options, input: input)
        } throws: { error in
            let error = error as! FilterError
            return error.kind == .invalidUTF8 && error.description.contains("line 2")
        }
    }

    @Test("a missing input file is an input error")
    func missingFile() {
        #expect {
            _ = try TamizFilter(options: .label()).run(inputs: ["/nonexistent/tamiz-input.txt"])
        } throws: { error in
            let error = error as! FilterError
            return error.kind == .input && error.description.contains("/nonexistent/tamiz-input.txt")
        }
    }

    @Test("a line longer than a block is still one record in --unit line, with all its text")
    func longLineStreamsAsOneRecord() throws {
        var options = FilterOptions.label(unit: .line)
        options.blockBytes = 4096
        let words = (0..<3000).map { "word\($0)" }.joined(separator: " ")
        let input = "Short first line here.\n" + words + "\nLast line here.\n"
        let records = TSVRecord.parse(try harness.run(options, input: input).output)
        #expect(records.count == 3)
        #expect(records[1].text == words)
    }

    @Test("keep on a line longer than a block keeps or drops it whole")
    func longLineKeptWhole() throws {
        var options = FilterOptions.keep(.english, unit: .line)
        options.blockBytes = 1024
        let paragraph = Array(repeating: "The river rose slowly during the night and the town waited.", count: 100)
            .joined(separator: " ")
        let spanish = Array(repeating: "El río subió despacio durante la noche y el pueblo esperó.", count: 100)
            .joined(separator: " ")
        let output = try harness.run(options, input: paragraph + "\n" + spanish + "\n").output
        #expect(output == paragraph + "\n")
    }

    @Test("output is identical with one and with two threads")
    func threadsDoNotChangeOutput() throws {
        let sample = try String(contentsOfFile: ProjectFiles.sample, encoding: .utf8)
        let input = String(repeating: sample + "\n", count: 200)
        for unit in UnitKind.allCases {
            var options = FilterOptions.label(.jsonl, unit: unit)
            options.blockBytes = 8192
            let (one, two) = try harness.runOnOneAndTwoThreads(options, input: Array(input.utf8))
            #expect(one.output == two.output)
            #expect(one.statistics == two.statistics)
        }
    }

    @Test("every input byte is emitted, dropped with a reason, or layout")
    func byteAccounting() throws {
        let input = try String(contentsOfFile: ProjectFiles.sample, encoding: .utf8)
        for unit in UnitKind.allCases {
            let statistics = try harness.run(.keep(.english, unit: unit), input: input).statistics
            let dropped = statistics.droppedBytes.values.reduce(0, +)
            #expect(statistics.emittedBytes + dropped + statistics.layoutBytes == statistics.inputBytes)
        }
    }
}

@Suite("Sample scrapes")
struct SampleScrapeTests {
    let harness: FilterHarness
    init() throws { harness = try FilterHarness() }

    @Test("the project's sample: keep en gives the article and drops Spanish and debris")
    func projectSample() throws {
        let input = try String(contentsOfFile: ProjectFiles.sample, encoding: .utf8)
        let output = try harness.run(.keep(.english), input: input).output
        #expect(output.contains("Dr. Helen Ortiz, who led the engineering team, said"))
        #expect(output.contains("near the U.S. Navy pier"))
        #expect(output.contains("Will the second array be built before 2027? Nobody at the port would say."))
        for debris in ["Skip to content", "Menu", "Most viewed", "newsletter", "All rights reserved", "Share"] {
            #expect(!output.contains(debris), "\(debris) should be dropped")
        }
        for spanish in ["suscripción", "granja solar", "Lo más visto"] {
            #expect(!output.contains(spanish), "\(spanish) is Spanish")
        }
    }

    @Test("El País scrape: keep en gives the headline and every article paragraph, and no Spanish or debris",
          .enabled(if: ProjectFiles.hasElpaisScrape, "../shared/samples is not beside the project"))
    func elpaisEnglish() throws {
        let input = try String(contentsOfFile: ProjectFiles.elpaisScrape, encoding: .utf8)
        let output = try harness.run(.keep(.english), input: input).output
        let keptLines = Set(output.split(separator: "\n").map(String.init))
        // Every body paragraph (the long lines) comes through whole.
        let paragraphs = input.split(separator: "\n").filter { $0.count > 300 && $0.contains(" the ") }
        #expect(paragraphs.count >= 8)
        for paragraph in paragraphs {
            #expect(keptLines.contains(String(paragraph)), "missing: \(paragraph.prefix(60))…")
        }
        // The headline: the page's first line of eight words or more.
        let headline = input.split(separator: "\n").first { $0.split(separator: " ").count >= 8 }
        #expect(headline.map { keptLines.contains(String($0)) } == true, "missing the headline")
        for debris in ["Skip to content", "Most viewed", "Archived In", "Recomendaciones", "suscripción", "¿"] {
            #expect(!output.contains(debris), "\(debris) should be dropped")
        }
        #expect(!keptLines.contains("_"))
    }

    @Test("El País scrape: keep es gives no English",
          .enabled(if: ProjectFiles.hasElpaisScrape, "../shared/samples is not beside the project"))
    func elpaisSpanish() throws {
        let input = try String(contentsOfFile: ProjectFiles.elpaisScrape, encoding: .utf8)
        let output = try harness.run(.keep(.spanish), input: input).output
        for english in ["Drug traffickers", "intelligence", "Colombia and the", " the "] {
            #expect(!output.contains(english), "\(english) is English")
        }
    }
}
