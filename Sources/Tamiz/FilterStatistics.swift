/// Counts of what the filter did. Every input byte ends up in exactly one of `emittedBytes`,
/// `droppedBytes` (by reason) or `layoutBytes`, counted in input bytes (an invalid byte replaced
/// with the three bytes of U+FFFD still counts as one), so `inputBytes` is always their sum
/// (`accountingAddsUpOnHostileBytes`); `--stats` prints these counts.
public struct FilterStatistics: Sendable, Equatable {
    /// Bytes read from the inputs.
    public var inputBytes = 0
    /// Lines read (a last line without a newline counts).
    public var lines = 0
    /// Units annotated, kept or routed, by language (debris included).
    public var unitsByLanguage: [Language: Int] = [:]
    /// `keep`, `route` and `--jsonl`: debris lines dropped (or routed) whole, without being
    /// segmented or classified; each counts as one unit.
    public var unclassifiedDebrisLines = 0
    /// Units the cleaner marked as debris, by reason.
    public var debrisUnits: [DebrisReason: Int] = [:]
    /// Bytes of unit text written to some output.
    public var emittedBytes = 0
    /// Bytes of unit text (or whole records) not written, by reason.
    public var droppedBytes: [DropReason: Int] = [:]
    /// Line terminators and the whitespace around and between sentences.
    public var layoutBytes = 0
    /// Invalid UTF-8 bytes that were replaced with U+FFFD in the output.
    public var replacedInvalidBytes = 0
    /// Invalid UTF-8 sequences (maximal subparts) replaced, each with one U+FFFD.
    public var replacedInvalidSequences = 0
    /// `--jsonl`: documents read, documents (or parts) written, and records that were not
    /// valid JSON objects with a string text field.
    public var documents = 0
    public var documentsWritten = 0
    public var invalidRecords = 0
    /// WARC inputs: records of other types than `conversion` skipped, by `WARC-Type`, and records
    /// skipped as malformed (each also reported with its offset).
    public var warcRecordsSkipped: [String: Int] = [:]
    public var warcRecordsMalformed = 0

    public init() {}

    /// Adds `other`'s counts to these.
    public mutating func merge(_ other: FilterStatistics) {
        inputBytes += other.inputBytes
        lines += other.lines
        unitsByLanguage.merge(other.unitsByLanguage, uniquingKeysWith: +)
        unclassifiedDebrisLines += other.unclassifiedDebrisLines
        debrisUnits.merge(other.debrisUnits, uniquingKeysWith: +)
        emittedBytes += other.emittedBytes
        droppedBytes.merge(other.droppedBytes, uniquingKeysWith: +)
        layoutBytes += other.layoutBytes
        replacedInvalidBytes += other.replacedInvalidBytes
        replacedInvalidSequences += other.replacedInvalidSequences
        documents += other.documents
        documentsWritten += other.documentsWritten
        invalidRecords += other.invalidRecords
    }

    /// Total units seen.
    public var units: Int { unitsByLanguage.values.reduce(0, +) + unclassifiedDebrisLines }

    /// A short human-readable report, one `name: value` per line, for stderr.
    public var report: String {
        var lines = [
            "input bytes: \(inputBytes)",
            "lines: \(self.lines)",
            "units: \(units)",
        ]
        for language in Language.allCases {
            lines.append("  \(language.rawValue): \(unitsByLanguage[language, default: 0])")
        }
        if unclassifiedDebrisLines > 0 {
            lines.append("  debris lines dropped whole, not classified: \(unclassifiedDebrisLines)")
        }
        lines.append("debris units: \(debrisUnits.values.reduce(0, +))")
        for reason in DebrisReason.allCases where debrisUnits[reason, default: 0] > 0 {
            lines.append("  \(reason.rawValue): \(debrisUnits[reason]!)")
        }
        lines.append("emitted bytes: \(emittedBytes)")
        lines.append("dropped bytes: \(droppedBytes.values.reduce(0, +))")
        for (reason, bytes) in droppedBytes.sorted(by: { $0.key.word < $1.key.word }) {
            lines.append("  \(reason.word): \(bytes)")
        }
        lines.append("layout bytes: \(layoutBytes)")
        if documents > 0 || invalidRecords > 0 {
            lines.append("documents: \(documents)")
            lines.append("documents written: \(documentsWritten)")
            lines.append("invalid records: \(invalidRecords)")
        }
        if !warcRecordsSkipped.isEmpty || warcRecordsMalformed > 0 {
            lines.append("WARC records skipped: \(warcRecordsSkipped.values.reduce(0, +))")
            for (type, count) in warcRecordsSkipped.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(type): \(count)")
            }
            lines.append("WARC records malformed: \(warcRecordsMalformed)")
        }
        if replacedInvalidBytes > 0 {
            lines.append("invalid UTF-8 bytes replaced with U+FFFD: \(replacedInvalidBytes)")
            lines.append("invalid UTF-8 sequences replaced (one U+FFFD each): \(replacedInvalidSequences)")
        }
        return lines.joined(separator: "\n")
    }
}
