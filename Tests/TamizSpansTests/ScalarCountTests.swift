import Testing
import TamizClassifying

@Suite("Code-point counting")
struct ScalarCountTests {
    @Test("valid UTF-8 counts as many code points as Swift's own view of the string",
          arguments: ["", "a", "¿Dónde está el Sr. García?", "naïve café 😀 — 東京 año", String(repeating: "ñ€😀a", count: 9)])
    func validText(text: String) {
        var text = text
        let counted = text.withUTF8 { LanguageSpanDetector.scalarCount($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
        #expect(counted == text.unicodeScalars.count)
    }

    @Test("any bytes count as the bytes that are not continuation bytes, at every length and offset")
    func anyBytes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // xorshift64, fixed seed: the same bytes every run
        func nextByte() -> UInt8 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 32)
        }
        for length in 0..<80 {
            let bytes = (0..<length).map { _ in nextByte() }
            let expected = bytes.count { $0 & 0xC0 != 0x80 }
            let counted = bytes.withUnsafeBufferPointer {
                LanguageSpanDetector.scalarCount($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count)
            }
            #expect(counted == expected, "\(bytes)")
        }
        let continuations = [UInt8](repeating: 0x80, count: 64)
        #expect(continuations.withUnsafeBufferPointer { LanguageSpanDetector.scalarCount($0.baseAddress!, 64) } == 0)
    }

    /// A span's confidence goes through `fastExpNegativeScalar`, the eight-lane exp's operations
    /// on one value: the same bits as that exp's lane 0, for every x the confidence can give
    /// (0 up to and past the 30 cut-off) and a sweep of bit patterns.
    @Test("the one-lane exp gives the eight-lane exp's bits")
    func scalarExpIsLaneZero() {
        var x: Float = 0
        while x < 40 {
            let (scalar, lanes) = LanguageSpanDetector.exponentials(x)
            #expect(scalar.bitPattern == lanes.bitPattern, "\(x)")
            x = x.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp.nextUp
                + 1e-5
        }
        for bits in stride(from: UInt32(0), to: 0x7F80_0000, by: 9_973) {
            let x = Float(bitPattern: bits)
            let (scalar, lanes) = LanguageSpanDetector.exponentials(x)
            #expect(scalar.bitPattern == lanes.bitPattern, "\(x)")
        }
        for x: Float in [0, .leastNonzeroMagnitude, 1e-30, 0.5, 1, 29.999998, 30, 30.000002, 31, 100, .greatestFiniteMagnitude, .infinity] {
            let (scalar, lanes) = LanguageSpanDetector.exponentials(x)
            #expect(scalar.bitPattern == lanes.bitPattern, "\(x)")
        }
    }
}
