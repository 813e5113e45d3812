import Testing
@testable import Tamiz

/// The JSON reader that rewrites one field of a record: what it accepts, what it rejects and
/// where, and how it lists members and decodes strings.
@Suite("JSONScanner")
struct JSONScannerTests {
    private func validate(_ text: String) -> Result<Range<Int>, JSONScanner.Failure> {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONScanner.Failure) in try JSONScanner.validateObject(buffer) }
        }
    }

    private func failureOffset(_ text: String) -> Int? {
        if case .failure(let failure) = validate(text) { return failure.offset }
        return nil
    }

    @Test("a record with every kind of value is one valid object", arguments: [
        #"{"id":7,"text":"The council met.","tags":["news",null,true,false],"score":-1.5e3,"meta":{"a":{}}}"#,
        #"{}"#,
        #"{"a":[]}"#,
        #"{"n":0,"m":-0.25,"e":1E+2,"f":2e-7}"#,
        #"{"s":"\" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00"}"#,
    ])
    func acceptsValidObjects(_ text: String) {
        guard case .success(let range) = validate(text) else {
            Issue.record("rejected \(text)")
            return
        }
        #expect(range == 0..<text.utf8.count)
    }

    @Test("whitespace around the object is allowed and left out of its range")
    func surroundingWhitespace() throws {
        let text = " \t{\"id\": 1}\r\n"
        #expect(try validate(text).get() == 2..<11)
    }

    @Test("what is not exactly one JSON object is rejected", arguments: [
        #"[1,2]"#, #""text""#, #"42"#, "", "   ",
        #"{"a":1} {"b":2}"#, #"{"a":1,}"#, #"{"a" 1}"#, #"{a:1}"#, #"{"a":01}"#, #"{"a":1.}"#,
        #"{"a":-}"#, #"{"a":tru}"#, #"{"a":"\x"}"#, #"{"a":"\u12G4"}"#, "{\"a\":\"tab\tinside\"}",
        #"{"a":"unterminated}"#, #"{"a":[1,2}"#, #"{'a':1}"#,
    ])
    func rejectsInvalidRecords(_ text: String) {
        #expect(failureOffset(text) != nil, "accepted \(text)")
    }

    @Test("the failure names the offset of the first byte that cannot be valid")
    func failureOffsets() {
        #expect(failureOffset(#"{"a":1,}"#) == 7)
        #expect(failureOffset(#"{"a":1} x"#) == 8)
        #expect(failureOffset(#"{"a":tru}"#) == 8)
        #expect(failureOffset(#"{"a":1"#) == 6)
    }

    @Test("nesting is limited to 512 levels")
    func nestingLimit() {
        let deep = { (levels: Int) in "{\"a\":" + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "}" }
        #expect(failureOffset(deep(510)) == nil)
        #expect(failureOffset(deep(600)) != nil)
    }

    @Test("members are listed in order with their decoded keys and exact byte ranges")
    func membersInOrder() throws {
        let text = #"{ "id" : 12, "te\u0078t":"Hola.", "nested": {"x": [1, 2]} }"#
        let bytes = Array(text.utf8)
        let members = try bytes.withUnsafeBufferPointer { buffer in
            JSONScanner.members(ofObjectAt: try JSONScanner.validateObject(buffer), in: buffer)
        }
        #expect(members.map { String(decoding: $0.key, as: UTF8.self) } == ["id", "text", "nested"])
        let slice = { (range: Range<Int>) in String(decoding: bytes[range], as: UTF8.self) }
        #expect(members.map { slice($0.value) } == ["12", #""Hola.""#, #"{"x": [1, 2]}"#])
        #expect(slice(members[0].range) == #""id" : 12"#)
    }

    @Test("strings decode escapes, surrogate pairs and raw UTF-8", arguments: [
        (#""a\nb\tc\"d\\e\/f""#, "a\nb\tc\"d\\e/f"),
        (#""\u00bfD\u00f3nde?""#, "¿Dónde?"),
        (#""\ud83d\ude00 ok""#, "😀 ok"),
        (#""¿Dónde está?""#, "¿Dónde está?"),
        (#""lone \ud800 high""#, "lone \u{FFFD} high"),
        (#""lone \udc00 low""#, "lone \u{FFFD} low"),
    ])
    func decodesStrings(_ json: String, _ expected: String) {
        let bytes = Array(json.utf8)
        let decoded = bytes.withUnsafeBufferPointer { JSONScanner.decodeString(at: 0..<bytes.count, in: $0) }
        #expect(String(decoding: decoded, as: UTF8.self) == expected)
    }

    @Test("a string decoded over its own bytes fills a prefix of its range and leaves the rest of the record alone", arguments: [
        #""a\nb\tc\"d\\e\/f""#, #""\u00bfD\u00f3nde?""#, #""\ud83d\ude00 ok""#, #""lone \ud800 high""#, #""¿Dónde está?""#,
    ])
    func decodesStringsInPlace(_ json: String) {
        let record = Array(#"{"id":7,"text":"#.utf8) + Array(json.utf8) + Array("}".utf8)
        let field = 15..<(15 + json.utf8.count)
        let expected = record.withUnsafeBufferPointer { JSONScanner.decodeString(at: field, in: $0) }
        var bytes = record
        let decoded = bytes.withUnsafeMutableBufferPointer { JSONScanner.decodeStringInPlace(at: field, in: $0) }
        #expect(decoded.lowerBound == field.lowerBound && decoded.upperBound <= field.upperBound)
        #expect(Array(bytes[decoded]) == expected)
        #expect(bytes[..<field.lowerBound] == record[..<field.lowerBound])
        #expect(bytes[field.upperBound...] == record[field.upperBound...])
    }
}
