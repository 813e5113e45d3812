import Testing
@testable import TamizContainers

@Suite("WARC records to documents")
struct WARCDocumentSourceTests {
    let spanishPage = "El museo reabrió hoy tras dos años de obras.\nLos visitantes dijeron: \"por fin\".\n"
    let englishPage = "The museum reopened today.\tVisitors queued along the river.\n"

    func documents(_ warc: String, maximumRecordBytes: Int = 1 << 20) -> (lines: [[String: Any]], source: WARCDocumentSource, reports: [String]) {
        final class Reports: @unchecked Sendable { var lines: [String] = [] }
        let reports = Reports()
        let source = WARCDocumentSource(
            MemorySource(Array(warc.utf8), piece: 100), name: "page.warc.wet",
            maximumRecordBytes: maximumRecordBytes, report: { reports.lines.append($0) })
        let (bytes, error) = drain(source)
        #expect(error == nil)
        return (lines(bytes).map { try! jsonObject($0) }, source, reports.lines)
    }

    @Test("a conversion record becomes one JSON document with its id, url, date, language and text")
    func conversionRecord() {
        let warc = TamizContainersTests.conversionRecord(
            id: "5e0b9c1a-1d1f-4c55-9d0f-3b4b1b0f9c01", url: "https://elpais.com/cultura/museo.html",
            language: "spa,eng", content: spanishPage)
        let (lines, source, reports) = documents(warc)
        #expect(lines.count == 1)
        #expect(lines.first?["id"] as? String == "<urn:uuid:5e0b9c1a-1d1f-4c55-9d0f-3b4b1b0f9c01>")
        #expect(lines.first?["url"] as? String == "https://elpais.com/cultura/museo.html")
        #expect(lines.first?["date"] as? String == "2024-04-12T20:01:42Z")
        #expect(lines.first?["warc_language"] as? String == "spa,eng")
        #expect(lines.first?["text"] as? String == spanishPage)
        #expect(source.statistics.documents == 1)
        #expect(reports.isEmpty)
    }

    @Test("a record without WARC-Identified-Content-Language has a null warc_language")
    func missingLanguage() {
        let warc = TamizContainersTests.conversionRecord(id: "a", url: "https://example.org/", language: nil, content: englishPage)
        let (lines, _, _) = documents(warc)
        #expect(lines.first?["warc_language"] is NSNull)
        #expect(lines.first?["text"] as? String == englishPage)
    }

    @Test("warcinfo and other record types are skipped and counted by type")
    func skippedRecords() {
        let warc = warcinfoRecord
            + TamizContainersTests.conversionRecord(id: "a", url: "https://example.org/a", language: "eng", content: englishPage)
            + warcRecord(type: "metadata", content: "fetchTimeMs: 180\r\n")
        let (lines, source, reports) = documents(warc)
        #expect(lines.count == 1)
        #expect(source.statistics.skippedByType == ["warcinfo": 1, "metadata": 1])
        #expect(source.statistics.malformed == 0)
        #expect(reports.isEmpty)
    }

    @Test("a record without a valid Content-Length is reported with its offset and the next one is read")
    func malformedLength() {
        let first = warcinfoRecord
        let bad = warcRecord(type: "conversion", content: "Texto roto.\n").replacingOccurrences(
            of: "Content-Length: 12", with: "Content-Length: twelve")
        let good = TamizContainersTests.conversionRecord(id: "b", url: "https://example.org/b", language: "eng", content: englishPage)
        let (lines, source, reports) = documents(first + bad + good)
        #expect(lines.map { $0["url"] as? String } == ["https://example.org/b"])
        #expect(source.statistics.malformed == 1)
        #expect(reports == ["'page.warc.wet': malformed WARC record at byte \(first.utf8.count) of the WARC stream: missing or invalid Content-Length; skipped"])
    }

    @Test("a record cut short by the end of the file is reported, after the documents before it")
    func truncatedRecord() {
        let good = TamizContainersTests.conversionRecord(id: "a", url: "https://example.org/a", language: "spa", content: spanishPage)
        let cut = String(TamizContainersTests.conversionRecord(id: "b", url: "https://example.org/b", language: "eng", content: englishPage).dropLast(30))
        let (lines, source, reports) = documents(good + cut)
        #expect(lines.count == 1)
        #expect(source.statistics.malformed == 1)
        #expect(reports.first?.contains("at byte \(good.utf8.count) ") == true)
        #expect(reports.first?.contains("ends inside the record's content") == true)
    }

    @Test("a conversion record longer than the limit is reported and skipped, not held in memory")
    func oversizedRecord() {
        let long = TamizContainersTests.conversionRecord(id: "a", url: "https://example.org/a", language: "eng",
                                                          content: String(repeating: englishPage, count: 100))
        let short = TamizContainersTests.conversionRecord(id: "b", url: "https://example.org/b", language: "spa", content: spanishPage)
        let (lines, source, reports) = documents(long + short, maximumRecordBytes: 1000)
        #expect(lines.map { $0["url"] as? String } == ["https://example.org/b"])
        #expect(source.statistics.malformed == 1)
        #expect(reports.first?.contains("longer than the limit of 1000") == true)
    }

    @Test("text that is not WARC before the first record is reported once and skipped")
    func leadingGarbage() {
        let garbage = "not a warc line\nnor this one\n"
        let good = TamizContainersTests.conversionRecord(id: "a", url: "https://example.org/a", language: "eng", content: englishPage)
        let (lines, source, reports) = documents(garbage + good)
        #expect(lines.count == 1)
        #expect(source.statistics.malformed == 1)
        #expect(reports.count == 1)
        #expect(reports.first?.contains("at byte 0 ") == true)
    }
}

import Foundation
