import Foundation
import TamizCleaning

/// One row of the cleaner's feature table: a non-blank line of a dev scrape, as numbers only
/// (which page and site group it comes from, its line number, its gold label and its
/// ``LineEvidence``). Rows of a page are contiguous and in line order.
package struct FeatureRow: Sendable, Equatable {
    /// The page's number (`NNN` of `NNN.txt`).
    package var page: Int32
    /// The site group (pages of one site or template share it), numbered in order of the sorted
    /// group names.
    package var site: Int32
    /// The page's language: 0 English, 1 Spanish, 2 mixed.
    package var language: Int32
    /// 1-based line number in the page.
    package var line: Int32
    /// 1 content, 0 debris, -1 either is acceptable (not scored, not fitted).
    package var gold: Int32
    package var evidence: LineEvidence
}

/// The feature table `Data/cleaner/lines.tsv`: a header row, then one ``FeatureRow`` per line.
package enum FeatureTable {
    package static let header = (["page", "site", "language", "line", "gold"] + LineEvidence.fieldNames).joined(separator: "\t")

    package static func render(_ rows: [FeatureRow]) -> String {
        var text = header + "\n"
        for row in rows {
            let fields = [row.page, row.site, row.language, row.line, row.gold] + row.evidence.fields
            text += fields.map(String.init).joined(separator: "\t") + "\n"
        }
        return text
    }

    package static func parse(_ text: String) throws -> [FeatureRow] {
        var rows: [FeatureRow] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            lineNumber += 1
            if lineNumber == 1 {
                guard line == header else { throw FeatureTableError("feature table: unexpected header \(line.prefix(80))") }
                continue
            }
            let numbers = line.split(separator: "\t", omittingEmptySubsequences: false).map { Int32($0) }
            guard numbers.count == 5 + LineEvidence.fieldNames.count, numbers.allSatisfy({ $0 != nil }) else {
                throw FeatureTableError("feature table line \(lineNumber): expected \(5 + LineEvidence.fieldNames.count) integers")
            }
            let values = numbers.map { $0! }
            guard let evidence = LineEvidence(fields: Array(values[5...])) else {
                throw FeatureTableError("feature table line \(lineNumber): bad evidence fields")
            }
            rows.append(FeatureRow(page: values[0], site: values[1], language: values[2], line: values[3],
                                   gold: values[4], evidence: evidence))
        }
        return rows
    }

    /// Builds the table from scrape folders (each with `index.tsv`, `NNN.txt`, `NNN.labels.tsv`).
    package static func build(folders: [URL]) throws -> [FeatureRow] {
        struct Page { var id: Int32; var language: Int32; var site: String; var folder: URL; var name: String }
        var pages: [Page] = []
        for folder in folders {
            let index = try String(contentsOf: folder.appendingPathComponent("index.tsv"), encoding: .utf8)
            for row in index.split(separator: "\n").dropFirst() {
                let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 9, let id = Int32(fields[0]) else { throw FeatureTableError("\(folder.path)/index.tsv: bad row") }
                let language: Int32 = fields[1] == "en" ? 0 : fields[1] == "es" ? 1 : 2
                pages.append(Page(id: id, language: language, site: siteGroup(url: fields[8]), folder: folder, name: fields[0]))
            }
        }
        let sites = Array(Set(pages.map(\.site))).sorted()
        let siteNumbers = Dictionary(uniqueKeysWithValues: sites.enumerated().map { ($1, Int32($0)) })
        let cleaner = LineCleaner()
        var rows: [FeatureRow] = []
        for page in pages {
            let bytes = [UInt8](try Data(contentsOf: page.folder.appendingPathComponent("\(page.name).txt")))
            let labels = try String(contentsOf: page.folder.appendingPathComponent("\(page.name).labels.tsv"), encoding: .utf8)
            var gold: [Int: Int32] = [:]
            for label in labels.split(separator: "\n").dropFirst() {
                let columns = label.split(separator: "\t", omittingEmptySubsequences: false)
                guard columns.count >= 2, let line = Int(columns[0]) else { continue }
                gold[line] = columns[1] == "1" ? 1 : columns[1] == "0" ? 0 : -1
            }
            let ranges = lineRanges(bytes)
            let (evidence, indices) = bytes.withUnsafeBufferPointer { cleaner.evidence(ofLines: ranges, in: $0) }
            for (position, index) in indices.enumerated() {
                rows.append(FeatureRow(page: page.id, site: siteNumbers[page.site]!, language: page.language,
                                       line: Int32(index + 1), gold: gold[index + 1] ?? -1, evidence: evidence[position]))
            }
        }
        return rows
    }

    /// Lines split at `\n` (a final line without one included), as `score.py` numbers them.
    package static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            ranges.append(start..<offset)
            start = offset + 1
        }
        ranges.append(start..<bytes.count)
        return ranges
    }

    /// Pages of one site or publishing template form one group: the host's registered name
    /// without `www.` and the public suffix (`elpais`, `ultimahora` for `.es` and `.com`).
    package static func siteGroup(url: String) -> String {
        var host = url
        if let range = host.range(of: "://") { host = String(host[range.upperBound...]) }
        host = String(host.prefix { $0 != "/" && $0 != ":" }).lowercased()
        var labels = host.split(separator: ".").map(String.init)
        if labels.count >= 2 { labels.removeLast() }
        if labels.count >= 2, ["co", "com", "org", "net", "gov", "ac", "gob", "edu"].contains(labels.last!) { labels.removeLast() }
        return labels.last ?? host
    }

    /// The rows of each page, in table order.
    package static func pages(_ rows: [FeatureRow]) -> [ArraySlice<FeatureRow>] {
        var result: [ArraySlice<FeatureRow>] = []
        var start = 0
        for index in 1...rows.count where index == rows.count || rows[index].page != rows[start].page {
            result.append(rows[start..<index])
            start = index
        }
        return rows.isEmpty ? [] : result
    }
}

/// A feature table (`Data/cleaner/lines.tsv`) or a scrape folder's index that cannot be read:
/// the file and line, and what was expected there.
package struct FeatureTableError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
