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
}
