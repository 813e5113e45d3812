/// Encodes output records (TSV, JSON Lines fields, confidences, integers) into byte buffers
/// without creating a String per unit; it writes nothing itself (`LineRecordTests`).
enum RecordEncoding {
    /// `lang<TAB>confidence<TAB>debris<TAB>` — the TSV record up to its text; with `scalars`
    /// (span units) followed by `start<TAB>end<TAB>`.
    static func appendTSVHeader(
        language: Language, confidence: Float, debris: DebrisReason?, scalars: Range<Int>? = nil,
        to output: inout [UInt8]
    ) {
        HeaderBytes.append(to: &output) { header in
            header.put(language.rawValue)
            header.put(0x09)
            header.put(confidence: confidence)
            header.put(0x09)
            if let debris { header.put(debris.rawValue) } else { header.put(UInt8(ascii: "-")) }
            header.put(0x09)
            if let scalars {
                header.put(integer: scalars.lowerBound)
                header.put(0x09)
                header.put(integer: scalars.upperBound)
                header.put(0x09)
            }
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
        HeaderBytes.append(to: &output) { header in
            header.put(#""line":"#)
            header.put(integer: line)
            if let scalars {
                header.put(#","start":"#)
                header.put(integer: scalars.lowerBound)
                header.put(#","end":"#)
                header.put(integer: scalars.upperBound)
            }
            header.put(#","lang":""#)
            header.put(language.rawValue)
            header.put(#"","confidence":"#)
            header.put(confidence: confidence)
            header.put(#","debris":"#)
            if let debris {
                header.put(UInt8(ascii: "\""))
                header.put(debris.rawValue)
                header.put(UInt8(ascii: "\""))
            } else {
                header.put("null")
            }
            header.put(#","text":""#)
        }
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
        HeaderBytes.append(to: &output) { $0.put(confidence: confidence) }
    }

    static func appendInteger(_ value: Int, to output: inout [UInt8]) {
        HeaderBytes.append(to: &output) { $0.put(integer: value) }
    }
}

/// The fixed-size fields of one record, gathered in a stack buffer and appended to the output in
/// one copy: each `Array.append` checks capacity and uniqueness, which cost more than the few
/// bytes of a field (`LineRecordTests` checks the encodings).
struct HeaderBytes {
    /// Room for the longest header: the JSON one with three 20-digit integers (about 150 bytes).
    static let capacity = 192
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    private init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// Runs `body` on an empty header and appends what it put to `output`.
    static func append(to output: inout [UInt8], _ body: (inout HeaderBytes) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var header = HeaderBytes(buffer)
            body(&header)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<header.count]))
        }
    }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        precondition(count < buffer.count, "record header longer than \(HeaderBytes.capacity) bytes")
        buffer[count] = byte
        count &+= 1
    }

    /// A short string: a language or debris name (stored inline, so `withUTF8` copies nothing).
    mutating func put(_ string: String) {
        var string = string
        string.withUTF8 { for byte in $0 { put(byte) } }
    }

    mutating func put(_ literal: StaticString) {
        literal.withUTF8Buffer { for byte in $0 { put(byte) } }
    }

    /// A confidence in [0, 1] with three decimals (`0.987`, `1.000`); NaN is written as `0.000`.
    mutating func put(confidence: Float) {
        let clamped = confidence.isNaN ? 0 : min(max(confidence, 0), 1)
        let thousandths = Int((clamped * 1000).rounded())
        put(UInt8(ascii: "0") + UInt8(thousandths / 1000))
        put(UInt8(ascii: "."))
        put(UInt8(ascii: "0") + UInt8(thousandths / 100 % 10))
        put(UInt8(ascii: "0") + UInt8(thousandths / 10 % 10))
        put(UInt8(ascii: "0") + UInt8(thousandths % 10))
    }

    /// A decimal integer, with `-` when negative.
    mutating func put(integer value: Int) {
        if value < 0 { put(UInt8(ascii: "-")) }
        // Digits of the magnitude, lowest first, then reversed in place (Int.min has 19 digits).
        let first = count
        var rest = value.magnitude
        repeat {
            put(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        var low = first, high = count - 1
        while low < high {
            buffer.swapAt(low, high)
            low += 1
            high -= 1
        }
    }
}
