/// A small JSON reader over raw bytes, enough to rewrite one field of a JSON Lines record while
/// every other field keeps its exact bytes: it validates a value (RFC 8259, nesting up to 512
/// levels), lists an object's members as byte ranges, and decodes or encodes strings.
struct JSONScanner {
    /// Where and why a record is not valid JSON.
    struct Failure: Error, Equatable {
        var offset: Int
        var message: String
    }

    /// One `"key": value` pair of an object.
    struct Member {
        /// The key, decoded.
        var key: [UInt8]
        /// The whole member, from the key's opening quote to the end of the value.
        var range: Range<Int>
        /// The value alone.
        var value: Range<Int>
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private static let maximumDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Checks that `bytes` hold exactly one JSON object (surrounding whitespace allowed) and
    /// returns its range.
    static func validateObject(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Range<Int> {
        var scanner = JSONScanner(bytes)
        scanner.skipWhitespace()
        guard scanner.peek == UInt8(ascii: "{") else { throw scanner.failure("expected a JSON object") }
        let start = scanner.position
        try scanner.scanValue(depth: 0)
        let end = scanner.position
        scanner.skipWhitespace()
        guard scanner.position == bytes.count else { throw scanner.failure("unexpected text after the object") }
        return start..<end
    }

    /// The members of the (already validated) object at `range`, in order.
    static func members(ofObjectAt range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> [Member] {
        var scanner = JSONScanner(bytes)
        scanner.position = range.lowerBound + 1
        var members: [Member] = []
        while true {
            scanner.skipWhitespace()
            if scanner.peek == UInt8(ascii: "}") { break }
            if scanner.peek == UInt8(ascii: ",") {
                scanner.position += 1
                scanner.skipWhitespace()
            }
            let keyStart = scanner.position
            guard (try? scanner.scanString()) != nil else { break }
            let key = decodeString(at: keyStart..<scanner.position, in: bytes)
            scanner.skipWhitespace()
            scanner.position += 1  // ':'
            scanner.skipWhitespace()
            let valueStart = scanner.position
            guard (try? scanner.scanValue(depth: 0)) != nil else { break }
            members.append(Member(key: key, range: keyStart..<scanner.position, value: valueStart..<scanner.position))
        }
        return members
    }

    /// The UTF-8 bytes of the (validated) JSON string at `range`, quotes included in the range.
    /// Lone surrogate escapes become U+FFFD.
    static func decodeString(at range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var copy = Array(UnsafeBufferPointer(rebasing: bytes[range]))
        let decoded = copy.withUnsafeMutableBufferPointer { decodeStringInPlace(at: 0..<range.count, in: $0) }
        copy.removeSubrange(decoded.upperBound...)
        return copy
    }

    /// Decodes the (validated) JSON string at `range` over its own bytes and returns where its
    /// UTF-8 now lies: a prefix of `range` (a decoded string is never longer than its JSON form,
    /// so each byte is written before or where it was read). The rest of `range` is left as it
    /// was. This is how a large document is decoded without a second copy (`MemoryBoundTests`).
    static func decodeStringInPlace(at range: Range<Int>, in bytes: UnsafeMutableBufferPointer<UInt8>) -> Range<Int> {
        var written = range.lowerBound
        func put(_ byte: UInt8) {
            bytes[written] = byte
            written += 1
        }
        var index = range.lowerBound + 1
        let end = range.upperBound - 1
        while index < end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                put(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "n"): put(0x0A)
            case UInt8(ascii: "t"): put(0x09)
            case UInt8(ascii: "r"): put(0x0D)
            case UInt8(ascii: "b"): put(0x08)
            case UInt8(ascii: "f"): put(0x0C)
            case UInt8(ascii: "u"):
                var scalar = hexValue(UnsafeBufferPointer(bytes), at: index)
                index += 4
                if (0xD800..<0xDC00).contains(scalar), index + 6 <= end, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                {
                    let low = hexValue(UnsafeBufferPointer(bytes), at: index + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                for byte in (Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8 { put(byte) }
            default: put(escape)  // \" \\ \/
            }
        }
        return range.lowerBound..<written
    }

    // MARK: - Scanning

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private func failure(_ message: String) -> Failure {
        Failure(offset: position, message: message)
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            position += 1
        }
    }

    private mutating func scanValue(depth: Int) throws(Failure) {
        guard depth < Self.maximumDepth else { throw failure("nested too deeply") }
        guard let byte = peek else { throw failure("unexpected end of record") }
        switch byte {
        case UInt8(ascii: "{"): try scanContainer(close: UInt8(ascii: "}"), isObject: true, depth: depth)
        case UInt8(ascii: "["): try scanContainer(close: UInt8(ascii: "]"), isObject: false, depth: depth)
        case UInt8(ascii: "\""): try scanString()
        case UInt8(ascii: "t"): try scanLiteral("true")
        case UInt8(ascii: "f"): try scanLiteral("false")
        case UInt8(ascii: "n"): try scanLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        default: throw failure("unexpected character")
        }
    }

    private mutating func scanContainer(close: UInt8, isObject: Bool, depth: Int) throws(Failure) {
        position += 1
        skipWhitespace()
        if peek == close {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            if isObject {
                guard peek == UInt8(ascii: "\"") else { throw failure("expected a member name") }
                try scanString()
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { throw failure("expected ':'") }
                position += 1
                skipWhitespace()
            }
            try scanValue(depth: depth + 1)
            skipWhitespace()
            guard let byte = peek else { throw failure("unexpected end of record") }
            position += 1
            if byte == close { return }
            guard byte == UInt8(ascii: ",") else {
                position -= 1
                throw failure(isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }
    }

    private mutating func scanString() throws(Failure) {
        guard peek == UInt8(ascii: "\"") else { throw failure("expected a string") }
        position += 1
        while let byte = peek {
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                guard let escape = peek else { throw failure("unexpected end of record") }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    continue
                case UInt8(ascii: "u"):
                    for _ in 0..<4 {
                        guard let digit = peek, Self.isHexDigit(digit) else { throw failure("bad \\u escape") }
                        position += 1
                    }
                default:
                    position -= 1
                    throw failure("bad escape")
                }
            case 0x00..<0x20:
                position -= 1
                throw failure("control character in a string")
            default:
                continue
            }
        }
        throw failure("unterminated string")
    }

    private mutating func scanLiteral(_ literal: StaticString) throws(Failure) {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard peek == byte else { throw failure("unexpected character") }
            position += 1
        }
    }

    private mutating func scanNumber() throws(Failure) {
        if peek == UInt8(ascii: "-") { position += 1 }
        guard let first = peek, Self.isDigit(first) else { throw failure("bad number") }
        position += 1
        if first != UInt8(ascii: "0") {
            while let byte = peek, Self.isDigit(byte) { position += 1 }
        }
        if peek == UInt8(ascii: ".") {
            position += 1
            guard let byte = peek, Self.isDigit(byte) else { throw failure("bad number") }
            while let byte = peek, Self.isDigit(byte) { position += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            guard let byte = peek, Self.isDigit(byte) else { throw failure("bad number") }
            while let byte = peek, Self.isDigit(byte) { position += 1 }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    private static func hexValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit = isDigit(byte) ? byte - 0x30 : (byte | 0x20) - UInt8(ascii: "a") + 10
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
