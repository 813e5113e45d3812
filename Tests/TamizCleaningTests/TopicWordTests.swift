import Foundation
import Testing
@testable import TamizCleaning

/// The cleaner's first pass collects each line's topic words while it scans the line
/// (`LineScan.init(_:lookup:topics:)`); `LineScan.forEachTopicWord` finds them on its own, byte by
/// byte. Both must yield the same keys in the same order, or the headline rule would change.
@Suite("Topic words found in the line scan")
struct TopicWordTests {
    static let lines: [String] = [
        "Farmers in the valley brace for the driest summer in decades",
        "Los agricultores del valle se preparan para el verano más seco en décadas.",
        "ÁRBOLES CAÍDOS EN LA AVENIDA PRINCIPAL TRAS LA TORMENTA DEL 12 DE MARZO DE 2025",
        "NewsSportCulture | Weather • Opinión · Economía",
        "  leading spaces, tabs\tand no-break\u{00A0}spaces around ñandúes  ",
        "Zoë's café — “naïve” façade, 1999–2024, 東京 and emoji 😀 between words",
        "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefgh abcdefghi",
        "x", "",
    ]

    static func keys(collectedBy scanning: String) -> ([UInt64], [UInt64]) {
        let bytes = Array(scanning.utf8)
        return WordTable(capacity: 16).withLookup { lookup in
            bytes.withUnsafeBufferPointer { line in
                var reference: [UInt64] = []
                LineScan.forEachTopicWord(line, lookup: lookup) { reference.append($0) }
                var topics = TopicKeyBuffer(capacity: 0)
                _ = LineScan(line, lookup: lookup, topics: &topics)
                let collected = topics.withKeys(0..<topics.count) { Array($0) }
                return (reference, collected)
            }
        }
    }

    @Test("the scan collects exactly the topic words, in order", arguments: lines)
    func sameKeys(line: String) {
        let (reference, collected) = Self.keys(collectedBy: line)
        #expect(collected == reference)
    }

    @Test("a line of four-letter words fills the buffer's bound for its length")
    func boundIsTight() {
        let line = Array(repeating: "word", count: 40).joined(separator: " ")
        let (_, collected) = Self.keys(collectedBy: line)
        #expect(collected.count == 40)
        #expect(TopicKeyBuffer.maximumKeys(inLineOf: line.utf8.count) == 40)
    }

    @Test("every line of the shared dev scrapes yields the same topic words both ways",
          .enabled(if: FileManager.default.fileExists(atPath: DevScrapeTests.directory.path),
                   "../shared/samples/scrapes is not beside the project"))
    func sharedScrapes() throws {
        let texts = try DevScrapeTests.pageTexts()
        #expect(!texts.isEmpty)
        var mismatches = 0
        for text in texts {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let (reference, collected) = Self.keys(collectedBy: String(line))
                if reference != collected { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }
}
