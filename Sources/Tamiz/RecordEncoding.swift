/// Encodes output records (TSV, JSON Lines fields, confidences, integers) into byte buffers
/// without creating a String per unit; it writes nothing itself (`LineRecordTests`).
enum RecordEncoding {
    /// `lang<TAB>confidence<TAB>debris<TAB>` — the TSV record up to its text; with `scalars`
    /// (span units) followed by `start<TAB>end<TAB>`.
    static func appendTSVHeader(
        language: Language, confidence: Float, debris: DebrisReason?, scalars: Range<Int>? = nil,
        to output: inout [UInt8]
    ) {
        output.append(contentsOf: language.rawValue.utf8)
        output.append(0x09)
        appendConfidence(confidence, to: &output)
        output.append(0x09)
        if let debris {
            output.append(contentsOf: debris.rawValue.utf8)
        } else {
            output.append(UInt8(ascii: "-"))
        }
        output.append(0x09)
        if let scalars {
            appendInteger(scalars.lowerBound, to: &output)
            output.append(0x09)
            appendInteger(scalars.upperBound, to: &output)
            output.append(0x09)
        }
    }

    /// Text escaped for a TSV field: `\` `\t` `\n` `\r` and NUL become `\\` `\t` `\n` `\r` `\0`.
    static func appendTSVText(_ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        var index = ByteScanning.firstToEscape(in: text, from: 0, quote: false)
        while index < text.count {
            let escape: UInt8?
            switch text[index] {
            case 0x5C: escape = 0x5C
            case 0x09: escape = UInt8(ascii: "t")
            case 0x0A: escape = UInt8(ascii: "n")
            case 0x0D: escape = UInt8(ascii: "r")
            case 0x00: escape = UInt8(ascii: "0")
            default: escape = nil  // other control bytes pass through
            }
            if let escape {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                output.append(0x5C)
                output.append(escape)
                runStart = index + 1
            }
            index = ByteScanning.firstToEscape(in: text, from: index + 1, quote: false)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
    }

    /// `{"file":…,"line":N,"lang":…,"confidence":…,"debris":…,"text":"` — the JSON record up to
    /// its text, which comes last so that a very long line can be streamed in pieces. With
    /// `scalars` (span units), `"start":S,"end":E` follow `"line"`.
    static func appendJSONHeader(
        file: String?, line: Int, scalars: Range<Int>? = nil, language: Language, confidence: Float,
        debris: DebrisReason?, to output: inout [UInt8]
    ) {
        output.append(UInt8(ascii: "{"))
        if let file {
            output.append(contentsOf: #""file":""#.utf8)
            Array(file.utf8).withUnsafeBufferPointer { appendJSONText($0, to: &output) }
            output.append(contentsOf: #"","#.utf8)
        }
        output.append(contentsOf: #""line":"#.utf8)
        appendInteger(line, to: &output)
        if let scalars {
            output.append(contentsOf: #","start":"#.utf8)
            appendInteger(scalars.lowerBound, to: &output)
            output.append(contentsOf: #","end":"#.utf8)
            appendInteger(scalars.upperBound, to: &output)
        }
        output.append(contentsOf: #","lang":""#.utf8)
        output.append(contentsOf: language.rawValue.utf8)
        output.append(contentsOf: #"","confidence":"#.utf8)
        appendConfidence(confidence, to: &output)
        output.append(contentsOf: #","debris":"#.utf8)
        if let debris {
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: debris.rawValue.utf8)
            output.append(UInt8(ascii: "\""))
        } else {
            output.append(contentsOf: "null".utf8)
        }
        output.append(contentsOf: #","text":""#.utf8)
    }

    /// The end of a JSON record after its text.
    static let jsonTrailer: [UInt8] = Array("\"}\n".utf8)

    /// Text escaped for a JSON string (the text is valid UTF-8 by the time it gets here).
    static func appendJSONText(_ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard !text.isEmpty else { return }
        var runStart = 0
        var index = ByteScanning.firstToEscape(in: text, from: 0, quote: true)
        while index < text.count {
            let byte = text[index]
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            output.append(0x5C)
            switch byte {
            case 0x22: output.append(0x22)
            case 0x5C: output.append(0x5C)
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            default:
                let hex: StaticString = "0123456789abcdef"
                output.append(contentsOf: "u00".utf8)
                output.append(hex.utf8Start[Int(byte >> 4)])
                output.append(hex.utf8Start[Int(byte & 0xF)])
            }
            runStart = index + 1
            index = ByteScanning.firstToEscape(in: text, from: runStart, quote: true)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
    }

    /// A confidence in [0, 1] with three decimals (`0.987`, `1.000`); NaN is written as `0.000`.
    static func appendConfidence(_ confidence: Float, to output: inout [UInt8]) {
        let clamped = confidence.isNaN ? 0 : min(max(confidence, 0), 1)
        let thousandths = Int((clamped * 1000).rounded())
        output.append(UInt8(ascii: "0") + UInt8(thousandths / 1000))
        output.append(UInt8(ascii: "."))
        output.append(UInt8(ascii: "0") + UInt8(thousandths / 100 % 10))
        output.append(UInt8(ascii: "0") + UInt8(thousandths / 10 % 10))
        output.append(UInt8(ascii: "0") + UInt8(thousandths % 10))
    }

    static func appendInteger(_ value: Int, to output: inout [UInt8]) {
        if value < 0 {
            output.append(UInt8(ascii: "-"))
            appendInteger(-value, to: &output)
            return
        }
        if value >= 10 { appendInteger(value / 10, to: &output) }
        output.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
