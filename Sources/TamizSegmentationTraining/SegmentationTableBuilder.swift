import TamizSegmenting

/// Builds Data/segmentation/abbreviations.tsv: the abbreviations learned from each language's
/// training sentences plus ICU's CLDR suppression lists, each with the kind the corpus supports.
///
/// Kinds (see `AbbreviationKind`): a lowercase word written more often (and at least
/// `minimumBareUses` times) without its period than with it inside a sentence is `beforeNumber` (only a number after it continues the sentence); other
/// lowercase words, acronyms in capitals and capitalised words that the corpus shows ending a
/// sentence or mostly without their period are `trailing` (ICU's break before a capital stands; a
/// lowercase word or a number after it continues the sentence); other capitalised words are
/// `ambiguous` (merged unless a common sentence opener follows); dotted ones ("S.p.A") `ambiguous`,
/// as the segmenter treats unlisted ones.
package struct SegmentationTableBuilder: Sendable {
    /// Inside-sentence uses before a lowercase word, digit or another such token needed to learn a word.
    package var minimumEvidence = 2

    package init() {}

    /// Words learned from one language's sentences: at least `minimumEvidence` continued uses and
    /// no more bare uses than inside uses with the period.
    package func learned(_ evidence: AbbreviationEvidence) -> [String] {
        evidence.counts.filter { $0.value.continued >= minimumEvidence && $0.value.bare <= $0.value.inside }
            .map(\.key).sorted(by: Self.byteOrder)
    }

    /// The usable words of an ICU list: entries without spaces whose word before the final period
    /// is a candidate (`AbbreviationEvidence.isCandidateWord`).
    package static func usableWords(ofICUEntries entries: [String]) -> [String] {
        entries.compactMap { entry in
            guard entry.hasSuffix("."), !entry.contains(" ") else { return nil }
            let word = entry.dropLast()
            return AbbreviationEvidence.isCandidateWord(word) ? String(word) : nil
        }
    }

    /// Uses without the period that make a lowercase word an ordinary word (see `kind(of:counts:)`).
    package static let minimumBareUses = 5

    /// The kind of `word` given the pooled corpus counts.
    package static func kind(of word: String, counts: AbbreviationEvidence.Counts?) -> AbbreviationKind {
        if word.contains(".") { return .ambiguous }
        guard let first = word.first, first.isUppercase else {
            // A lowercase word seen more often without its period is an ordinary word before a
            // lowercase word ("a long time ago. we left"), an abbreviation only before a number.
            if let c = counts, c.bare >= minimumBareUses && c.bare > c.inside { return .beforeNumber }
            return .trailing
        }
        if word.allSatisfy({ !$0.isLowercase }) { return .trailing }
        if let c = counts, c.final > 0 || c.bare > c.inside { return .trailing }
        return .ambiguous
    }

    /// The table's entries, sorted by their UTF-8 bytes.
    /// - Parameters:
    ///   - evidence: per language code ("en", "es"), the counts over its training sentences.
    ///   - icuEntries: per language code, ICU's suppression entries for that locale.
    package func entries(evidence: [String: AbbreviationEvidence], icuEntries: [String: [String]]) -> [AbbreviationTable.Entry] {
        var pooled = AbbreviationEvidence()
        for language in evidence.keys.sorted() { pooled.add(evidence[language]!) }
        var sources: [String: [String]] = [:]
        for language in evidence.keys.sorted() {
            for word in learned(evidence[language]!) { sources[word, default: []].append("learned-" + language) }
        }
        for language in icuEntries.keys.sorted() {
            for word in Self.usableWords(ofICUEntries: icuEntries[language]!) where sources[word]?.contains("icu-" + language) != true {
                sources[word, default: []].append("icu-" + language)
            }
        }
        return sources.keys.sorted(by: Self.byteOrder).map { word in
            AbbreviationTable.Entry(word: word, kind: Self.kind(of: word, counts: pooled.counts[word]), sources: sources[word]!.joined(separator: ","))
        }
    }

    /// The TSV text of the table, with a comment header.
    package static func render(_ entries: [AbbreviationTable.Entry], header: [String]) -> String {
        var text = header.map { "# " + $0 + "\n" }.joined()
        text += "# word\tkind\tsources\n"
        for entry in entries { text += "\(entry.word)\t\(entry.kind.rawValue)\t\(entry.sources)\n" }
        return text
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
