import Testing
import TamizBytes

/// The byte helpers every module folds and hashes words with.
@Suite struct ByteHelpersTests {
    func folded(_ text: String) -> [UInt8] {
        var previous: UInt8 = 0
        return text.utf8.map { b in
            let lowered = Latin1.lowercased(b, after: previous)
            previous = lowered
            return lowered
        }
    }

    @Test func asciiAndLatin1CapitalsFoldAsSwiftLowercasesThem() {
        for scalar in (0x41 ... 0x5A).map({ Unicode.Scalar($0)! }) + (0xC0 ... 0xDE).map({ Unicode.Scalar($0)! }) where scalar != "×" {
            let letter = String(scalar)
            #expect(folded(letter) == Array(letter.lowercased().utf8), "\(letter)")
        }
    }

    @Test func otherBytesStayAsTheyAre() {
        #expect(folded("×÷ß€ Ω 9_") == Array("×÷ß€ Ω 9_".utf8))
        #expect(folded("ÉCOLE Ñandú") == Array("école ñandú".utf8))
    }

    @Test func fnv1aMatchesThePublishedTestVectors() {
        #expect(FNV1a.hash([UInt8](), folding: false) == 0xCBF2_9CE4_8422_2325)
        #expect(FNV1a.hash(Array("a".utf8), folding: false) == 0xAF63_DC4C_8601_EC8C)
        #expect(FNV1a.hash(Array("foobar".utf8), folding: false) == 0x8594_4171_F739_67E8)
    }

    @Test func foldingHashesAWordLikeItsLowerCaseForm() {
        #expect(FNV1a.hash(Array("ÉCOLE".utf8), folding: true) == FNV1a.hash(Array("école".utf8), folding: false))
        #expect(FNV1a.hash(Array("ÉCOLE".utf8), folding: false) != FNV1a.hash(Array("école".utf8), folding: false))
    }

    @Test func wwwIsRecognisedInAnyCase() {
        for (text, expected) in [("www", true), ("WwW", true), ("ww.", false), ("wow", false)] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { URLBytes.isWWW($0.baseAddress!) } == expected, "\(text)")
        }
    }
}
