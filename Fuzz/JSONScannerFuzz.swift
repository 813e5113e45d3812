// libFuzzer harness: JSONScanner and UTF8Repair on arbitrary bytes (built by scripts/fuzz.sh with
// the two source files compiled in directly). Invariants: never crash; a validated object's
// members lie inside it; repair yields valid UTF-8 and counts no more bytes than it was given.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONScanner(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    if let object = try? JSONScanner.validateObject(bytes) {
        for member in JSONScanner.members(ofObjectAt: object, in: bytes) {
            check(member.range.lowerBound >= object.lowerBound && member.range.upperBound <= object.upperBound, "member \(member.range) outside object \(object)")
            if bytes[member.value.lowerBound] == UInt8(ascii: "\"") {
                _ = JSONScanner.decodeString(at: member.value, in: bytes)
            }
        }
    }
    var repaired: [UInt8] = []
    var replacements = UTF8Repair.Replacements()
    let replaced = UTF8Repair.appendRepairing(bytes, to: &repaired, replacements: &replacements)
    check(replaced <= size, "replaced \(replaced) of \(size) bytes")
    check(repaired.withUnsafeBufferPointer(UTF8Repair.firstInvalidOffset) == nil, "repaired text is not valid UTF-8")
    check(replacements.inputByteCount(of: 0..<repaired.count) == size, "repaired text counts \(replacements.inputByteCount(of: 0..<repaired.count)) input bytes of \(size)")
    return 0
}
