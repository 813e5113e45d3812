/// How a unit becomes output bytes, chosen once from the action: a TSV or JSON Lines record for
/// `label`, the unit's text alone for `keep` and `route`. A record is its start (the fields before
/// the text), its text, which a line longer than a block supplies in pieces, and its terminator;
/// the processor asks the encoder for each and never switches on the output shape itself
/// (`LineRecordTests`, `SpanUnitTests`, and `FilterTests` on lines longer than a block).
enum UnitEncoder: Sendable {
    /// `lang<TAB>confidence<TAB>debris<TAB>[start<TAB>end<TAB>]text\n`.
    case tsvRecord
    /// `{"file":…,"line":N,…,"text":"…"}\n`; `fileNames` are written as `"file"` when more than
    /// one input is read, nil otherwise.
    case jsonRecord(fileNames: [String]?)
    /// The unit's text as it is; `keep` and `route` join a line's kept units with spaces.
    case plainText

    init(action: FilterAction, inputNames: [String]) {
        switch action {
        case .label(.tsv): self = .tsvRecord
        case .label(.jsonl): self = .jsonRecord(fileNames: inputNames.count > 1 ? inputNames : nil)
        case .keep, .route: self = .plainText
        }
    }

    /// Whether each unit is a record of its own (`label`), rather than text joined into lines.
    var writesRecordPerUnit: Bool {
        if case .plainText = self { return false }
        return true
    }

    /// The record's fields before its text (nothing for plain text).
    func appendStart(of unit: UnitEvent, source: Int, to output: inout [UInt8]) {
        switch self {
        case .tsvRecord:
            RecordEncoding.appendTSVHeader(
                language: unit.guess.language, confidence: unit.guess.confidence, debris: unit.debris,
                scalars: unit.scalars, to: &output)
        case .jsonRecord(let fileNames):
            RecordEncoding.appendJSONHeader(
                file: fileNames?[source], line: unit.line, scalars: unit.scalars, language: unit.guess.language,
                confidence: unit.guess.confidence, debris: unit.debris, to: &output)
        case .plainText:
            break
        }
    }

    /// Text of the record, escaped for its shape; called once per piece of a long line.
    func appendText(_ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        switch self {
        case .tsvRecord: RecordEncoding.appendTSVText(text, to: &output)
        case .jsonRecord: RecordEncoding.appendJSONText(text, to: &output)
        case .plainText: output.append(contentsOf: text)
        }
    }

    /// What ends a record after its text.
    var terminator: [UInt8] {
        if case .jsonRecord = self { return RecordEncoding.jsonTrailer }
        return UnitEncoder.newline
    }

    private static let newline: [UInt8] = [0x0A]
}
