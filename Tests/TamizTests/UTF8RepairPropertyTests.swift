import Testing
@testable import Tamiz
import TamizTraining

/// `UTF8Repair` must agree with the standard library's decoder on every input: the same
/// replacement characters in the same places, and byte accounting that maps back to the input.
@Suite("UTF8Repair against String(decoding:as:)")
struct UTF8RepairPropertyTests {
    /// Bytes that stress a decoder: ASCII runs (the 8-byte fast path), whole and cut multi-byte
    /// sequences, overlong forms, surrogates, bytes above U+10FFFF and stray continuations.
    private static let pieces: [[UInt8]] = [
        Array("Hola, ".utf8), Array("the council met".utf8), Array("é".utf8), Array("ñ".utf8),
        Array("€".utf8), Array("😀".utf8), [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80], [0xBF],
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF],
        [0x00], [0x0A], [0x0D],
    ]

    private static func randomInput(_ generator: inout TrainingRandom) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...24, using: &generator) {
            if Int.random(in: 0..<5, using: &generator) == 0 {
                bytes.append(UInt8.random(in: 0...255, using: &generator))
            } else {
                bytes += pieces.randomElement(using: &generator)!
            }
        }
        return bytes
    }

    /// `count` inputs from a generator seeded with `seed`.
    private static func generatedInputs(seed: UInt64, count: Int) -> [[UInt8]] {
        var generator = TrainingRandom(state: seed)
        return (0..<count).map { _ in randomInput(&generator) }
    }

    @Test("repairing gives exactly the bytes of String(decoding:as:) on 20,000 generated inputs")
    func repairMatchesTheStandardLibrary() {
        for input in Self.generatedInputs(seed: 0x7A31_5EED, count: 20_000) {
            var repaired: [UInt8] = []
            input.withUnsafeBufferPointer { _ = UTF8Repair.appendRepairing($0, to: &repaired) }
            let expected = Array(String(decoding: input, as: UTF8.self).utf8)
            if repaired != expected {
                Issue.record("input \(input): got \(repaired), expected \(expected)")
                return
            }
        }
    }

    @Test("the first invalid offset is nil exactly when the standard library validates the bytes")
    func validationMatchesTheStandardLibrary() {
        for input in Self.generatedInputs(seed: 0xBAD_0FF5E7, count: 20_000) {
            let offset = input.withUnsafeBufferPointer { UTF8Repair.firstInvalidOffset(in: $0) }
            let valid = String(validating: input, as: UTF8.self) != nil
            if (offset == nil) != valid {
                Issue.record("input \(input): offset \(String(describing: offset)), valid \(valid)")
                return
            }
            if let offset {
                // Everything before the offset is valid on its own.
                #expect(String(validating: input[..<offset], as: UTF8.self) != nil)
            }
        }
    }

    @Test("replacements map every range of the repaired text back to its input bytes")
    func replacementsAccountForEveryInputByte() {
        for input in Self.generatedInputs(seed: 0xACC0_0417, count: 5_000) {
            var repaired: [UInt8] = []
            var replacements = UTF8Repair.Replacements()
            let replaced = input.withUnsafeBufferPointer {
                UTF8Repair.appendRepairing($0, to: &repaired, replacements: &replacements)
            }
            #expect(replacements.inputByteCount(of: 0..<repaired.count) == input.count)
            #expect(repaired.count == input.count - replaced + 3 * replacements.count)
        }
    }
}
