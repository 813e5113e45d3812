import Foundation
import Testing
@testable import TamizClassifying

@Suite struct ModelFileTests {
    func committedBytes() throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Paths.model)))
    }

    @Test func committedModelLoadsAndDescribesItself() throws {
        let model = try LanguageModel(contentsOfFile: Paths.model)
        #expect(model.classCodes.contains("en") && model.classCodes.contains("es"))
        #expect(model.bytes.count <= 2_000_000)
    }

    @Test func embeddedModelEqualsTheFileOnDisk() throws {
        #expect(LanguageModel.embedded.bytes == (try committedBytes()))
    }

    @Test func missingFileThrowsUnreadableFile() {
        #expect {
            _ = try LanguageModel(contentsOfFile: Paths.packageRoot + "/Data/model/no-such.model")
        } throws: { error in
            guard let e = error as? ModelLoadError, case .unreadableFile = e.kind else { return false }
            return e.description.contains("no-such.model")
        }
    }

    @Test func truncatedModelThrowsTruncated() throws {
        let bytes = try committedBytes()
        for n in [0, 5, 63, 64, 1000, bytes.count - 8] {
            #expect {
                _ = try LanguageModel(bytes: Array(bytes.prefix(n)))
            } throws: { error in
                guard let e = error as? ModelLoadError, case .truncated = e.kind else { return false }
                return true
            }
        }
    }

    @Test func corruptedTableByteThrowsChecksumMismatch() throws {
        var bytes = try committedBytes()
        bytes[bytes.count / 2] ^= 0x10
        #expect(throws: ModelLoadError.self) { _ = try LanguageModel(bytes: bytes) }
        do {
            _ = try LanguageModel(bytes: bytes)
        } catch {
            guard case .checksumMismatch = error.kind else { Issue.record("got \(error)"); return }
            #expect(error.description.contains("checksum"))
        }
    }

    @Test func corruptedHeaderFieldThrowsChecksumMismatch() throws {
        var bytes = try committedBytes()
        bytes[36] ^= 0x01  // temperature
        #expect {
            _ = try LanguageModel(bytes: bytes)
        } throws: { error in
            guard let e = error as? ModelLoadError, case .checksumMismatch = e.kind else { return false }
            return true
        }
    }

    @Test func wrongMagicThrowsBadMagic() throws {
        var bytes = try committedBytes()
        bytes[0] = UInt8(ascii: "X")
        #expect(throws: ModelLoadError(.badMagic)) { try LanguageModel(bytes: bytes) }
        #expect(throws: ModelLoadError(.badMagic)) { try LanguageModel(bytes: Array("not a model at all".utf8)) }
    }

    @Test func otherVersionThrowsUnsupportedVersion() throws {
        var bytes = try committedBytes()
        bytes[8] = 1
        #expect(throws: ModelLoadError(.unsupportedVersion(found: 1, supported: ModelFormat.version))) { try LanguageModel(bytes: bytes) }
        bytes[8] = 9
        #expect(throws: ModelLoadError(.unsupportedVersion(found: 9, supported: ModelFormat.version))) { try LanguageModel(bytes: bytes) }
    }

    @Test func inconsistentHeaderWithValidChecksumThrowsInvalidHeader() throws {
        var bytes = try committedBytes()
        bytes[25] = 30  // bucket bits out of range, checksum recomputed so only the header check can catch it
        let sum = bytes.withUnsafeBytes { ModelFormat.checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { for k in 0..<8 { bytes[ModelFormat.checksumOffset + k] = $0[k] } }
        #expect {
            _ = try LanguageModel(bytes: bytes)
        } throws: { error in
            guard let e = error as? ModelLoadError, case .invalidHeader = e.kind else { return false }
            return true
        }
    }

    /// The committed model with other word lists (the table and header kept).
    static func withWordLists(_ bytes: [UInt8], english: [UInt64], spanish: [UInt64]) -> [UInt8] {
        var out = Array(bytes.prefix(ModelFormat.wordListOffset(bucketBits: Int(bytes[25]))))
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out += $0 } }
        u32(english.count)
        u32(spanish.count)
        for f in english + spanish { withUnsafeBytes(of: f.littleEndian) { out += $0 } }
        ModelFormat.seal(&out)
        return out
    }

    func expectWordListError(_ bytes: [UInt8], _ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) {
            _ = try LanguageModel(bytes: bytes)
        } throws: { error in
            guard let e = error as? ModelLoadError, case .invalidWordLists = e.kind else { return false }
            return e.description.hasPrefix("invalid model word lists: ") && e.description.contains(words)
        }
    }

    @Test func committedModelCarriesTheEvidenceWordLists() throws {
        let words = try LanguageModel(contentsOfFile: Paths.model).evidenceWords
        func has(_ text: String, _ language: Language) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { words.hasWord(of: language, in: $0) }
        }
        #expect(has("dear", .english) && !has("dear", .spanish))
        #expect(has("hola", .spanish) && !has("hola", .english))
    }

    /// The word lists come from the model, not from the binary: a model whose lists are swapped
    /// or empty changes the answers that the lists decide (`Hi,` is kept English by `hi`; with
    /// `hi` listed as Spanish, it becomes Spanish).
    @Test func aModelsOwnWordListsDecideTheWordListRules() throws {
        let bytes = try committedBytes()
        let hi = EvidenceWords.fingerprint("hi"), hola = EvidenceWords.fingerprint("hola")
        let empty = try LanguageModel(bytes: Self.withWordLists(bytes, english: [], spanish: []))
        let swapped = try LanguageModel(bytes: Self.withWordLists(bytes, english: [hola], spanish: [hi]))
        #expect(LanguageClassifier().classify("Hi,").language == .english)
        #expect(LanguageClassifier(model: empty).classify("Hi,").language == .undetermined)
        #expect(LanguageClassifier(model: swapped).classify("Hi,").language == .spanish)
        Array("hola".utf8).withUnsafeBufferPointer {
            #expect(swapped.evidenceWords.hasWord(of: .english, in: $0))
            #expect(!swapped.evidenceWords.hasWord(of: .spanish, in: $0))
            #expect(!empty.evidenceWords.hasWord(of: .spanish, in: $0))
        }
        // Only the lists differ: the scores are the committed model's.
        Array("Hi,".utf8).withUnsafeBufferPointer {
            #expect(empty.classScores($0).scores == LanguageModel.embedded.classScores($0).scores)
        }
    }

    /// A version 2 model (no word lists; they were compiled into the binary) is refused by name.
    @Test func versionTwoModelIsRefusedWithAClearMessage() throws {
        var bytes = Array(try committedBytes().prefix(ModelFormat.wordListOffset(bucketBits: 17)))
        bytes[8] = 2
        ModelFormat.seal(&bytes)
        #expect(throws: ModelLoadError(.unsupportedVersion(found: 2, supported: 3))) { try LanguageModel(bytes: bytes) }
        #expect(ModelLoadError(.unsupportedVersion(found: 2, supported: 3)).description
            == "unsupported model format version 2 (this build reads version 3)")
    }

    /// A version 3 file that ends after the table (header size and checksum consistent).
    @Test func modelWithoutWordListCountsThrowsInvalidHeader() throws {
        var bytes = Array(try committedBytes().prefix(ModelFormat.wordListOffset(bucketBits: 17)))
        ModelFormat.seal(&bytes)
        #expect {
            _ = try LanguageModel(bytes: bytes)
        } throws: { error in
            guard let e = error as? ModelLoadError, case .invalidHeader = e.kind else { return false }
            return e.description.contains("word-list counts")
        }
    }

    /// A word-list section cut short, with the header's size and checksum made to match, so that
    /// only the section's own counts can catch it.
    @Test func truncatedWordListsThrowInvalidWordLists() throws {
        let bytes = try committedBytes()
        for cut in [8, 800, 8 * 16_000] {
            var short = Array(bytes.dropLast(cut))
            ModelFormat.seal(&short)
            expectWordListError(short, "the file has \(short.count)")
        }
    }

    @Test func wordCountsBeyondTheFileOrTheLimitThrowInvalidWordLists() throws {
        let bytes = try committedBytes()
        let at = ModelFormat.wordListOffset(bucketBits: 17)
        for (offset, count) in [(0, UInt32.max), (4, UInt32.max), (0, UInt32(ModelFormat.maximumEvidenceWords + 1)), (0, 0), (4, 12_345_678 & 0xFFFFF)] {
            var bad = bytes
            withUnsafeBytes(of: count.littleEndian) { for k in 0..<4 { bad[at + offset + k] = $0[k] } }
            ModelFormat.seal(&bad)
            expectWordListError(bad, count > ModelFormat.maximumEvidenceWords ? "more than" : "need")
        }
    }

    @Test func unsortedOrRepeatedFingerprintsThrowInvalidWordLists() throws {
        let bytes = try committedBytes()
        let a = EvidenceWords.fingerprint("dear"), b = EvidenceWords.fingerprint("hello"), c = EvidenceWords.fingerprint("hola")
        expectWordListError(Self.withWordLists(bytes, english: [max(a, b), min(a, b)], spanish: [c]), "English word 1")
        expectWordListError(Self.withWordLists(bytes, english: [a], spanish: [c, c]), "Spanish word 1")
        #expect(throws: Never.self) { try LanguageModel(bytes: Self.withWordLists(bytes, english: [min(a, b), max(a, b)], spanish: [c])) }
    }

    @Test func corruptedWordListByteThrowsChecksumMismatch() throws {
        var bytes = try committedBytes()
        bytes[bytes.count - 3] ^= 0x01
        #expect {
            _ = try LanguageModel(bytes: bytes)
        } throws: { error in
            guard let e = error as? ModelLoadError, case .checksumMismatch = e.kind else { return false }
            return true
        }
    }
}
