import Foundation
import Testing
@testable import TamizCleaning

/// A line's last eight bytes go through the scan's eight-byte path with a load that ends at the
/// line's end (`LineScanner.scan`). Trailing spaces change nothing the scan measures, and with eight
/// of them the same words are read by the plain load: both must measure the same.
@Suite("Line scan at the end of a line")
struct LineScanTailTests {
    static let lines: [String] = [
        "Farmers in the valley brace for the driest summer",
        "Los agricultores del valle se preparan para el verano más seco en décadas.",
        "ÁRBOLES CAÍDOS EN LA AVENIDA PRINCIPAL DEL 12 DE MARZO",
        "NewsSportCulture | Weather • Opinión · Economía",
        "Read more about it", "Skip to content", "abcdefgh", "abcdefg", "Menu", "x y z w v u",
        "The end. Then", "Zoë's café — “naïve” façade, 東京 😀 word",
        "subprocess.run([\"osascript\", \"-e\", script]) { x = a_b; }",
    ]

    /// Everything the scan measures, as numbers.
    static func measures(_ text: String) -> [UInt64] {
        var table = WordTable(capacity: 16)
        for (word, flags) in [("the", WordFlags.englishStop), ("in", .englishStop), ("de", .spanishStop),
                              ("el", .spanishStop), ("la", .spanishStop), ("en", .spanishStop), ("marzo", .dateWord)] {
            table.insert(LineScan.key(of: word).lastWord, flags)
        }
        let bytes = Array(text.utf8)
        return table.withLookup { lookup in
            bytes.withUnsafeBufferPointer { line in
                var topics = TopicKeyBuffer(capacity: 0)
                let scan = LineScan(line, lookup: lookup, topics: &topics)
                let keys = topics.withKeys(0..<topics.count) { Array($0) }
                return [
                    scan.spacedWords, scan.words, scan.numbers, scan.englishStops, scan.spanishStops, scan.stops,
                    scan.contentWords, scan.capitalized, scan.glued, scan.separators, scan.sentenceBreaks, scan.dateWords,
                    scan.codeSymbols, scan.calls,
                ].map { UInt64($0) } + [
                    scan.hasLetter ? 1 : 0, scan.hasNonSpace ? 1 : 0, scan.punctuated ? 1 : 0, scan.codeEnding ? 1 : 0,
                    UInt64(scan.cues.rawValue), UInt64(scan.firstWord.rawValue), UInt64(scan.leadingCues.rawValue),
                    scan.lineKey, scan.lastWord, scan.firstWordKey,
                ] + keys
            }
        }
    }

    @Test("a line measures the same with eight trailing spaces", arguments: lines)
    func trailingSpacesChangeNothing(line: String) {
        #expect(Self.measures(line) == Self.measures(line + "        "))
    }

    @Test("every line of the shared dev scrapes measures the same with eight trailing spaces",
          .enabled(if: FileManager.default.fileExists(atPath: DevScrapeTests.directory.path),
                   "../shared/samples/scrapes is not beside the project"))
    func sharedScrapes() throws {
        let texts = try DevScrapeTests.pageTexts()
        #expect(!texts.isEmpty)
        var mismatches = 0
        for text in texts {
            for line in text.split(separator: "\n") where Self.measures(String(line)) != Self.measures(line + "        ") {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }
}
