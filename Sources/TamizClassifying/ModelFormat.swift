/// The binary layout of a Tamiz language model file (`Data/model/tamiz.model`), version 3
/// (version 1 had a per-letter FNV word hash; version 2 ended after the weight table, and the
/// evidence word lists were compiled into the binary instead).
///
/// All integers are little-endian. The file is read in place: after the header checks, the
/// weight table is used straight from the bytes (no per-entry parsing), so loading costs one
/// checksum pass.
///
/// ```
/// offset size  field
///      0    8  magic "TAMIZLM\0"
///      8    4  version (UInt32) = 3
///     12    4  header size (UInt32) = 64
///     16    8  file size in bytes (UInt64), a multiple of 8
///     24    1  class count (UInt8) = 8
///     25    1  bucket bits b (UInt8), 10...20: the table has 2^b buckets
///     26    1  n-gram order count k (UInt8) = 1
///     27    1  flags (UInt8): bit 0 = whole-word features on; other bits 0
///     28    8  n-gram order (k bytes, 1...7; the rest 0)
///     36    4  base temperature T0 (Float32, > 0)
///     40    4  class section offset (UInt32) = 64
///     44    4  table offset (UInt32) = 128
///     48    4  minimum letters (UInt32): fewer kept letters than this → `und`
///     52    4  temperature slope T1 (Float32, >= 0): with L kept letters,
///              P(class) ∝ exp(score / (T0 + T1·L)) (naive Bayes grows overconfident with length)
///     56    8  checksum (UInt64), see `ModelFormat.checksum`
///     64   64  classes: 8 × { code: 4 ASCII bytes, zero-padded ("en", "es", "fr", ...);
///                              bias: Int32 added to the class score }
///    128   8·2^b  weight table: 2^b buckets × 8 Int8 weights, bucket-major, in class order
///      W    8  word-list counts, W = 128 + 8·2^b: English nE, Spanish nS (UInt32 each,
///              at most `maximumEvidenceWords`)
///    W+8 8·nE  English evidence words: `EvidenceWords.fingerprint` of each (UInt64),
///              strictly ascending
///      S 8·nS  Spanish evidence words (S = W + 8 + 8·nE), likewise; the file ends here
/// ```
///
/// The word lists are what `LanguageClassifier` checks uncertain answers against
/// (`EvidenceWords`); each list must be strictly ascending, and the counts must account for
/// exactly the bytes after the table.
///
/// A class whose code is not `en` or `es` is a *reject* class (another language); `en` and `es`
/// must each appear exactly once. The feature hashing (how text becomes bucket indices) is
/// part of the version: `FeatureExtractor` documents it, and any change to it bumps `version`.
///
/// The checksum is `ModelFormat.checksum` over the whole file with the checksum field read as 0:
/// for each 8-byte little-endian word `w`, `h = rotl((h ^ w) &* K1, 29) &* K2`, then a final
/// avalanche. It catches truncation and corruption, not tampering.
package enum ModelFormat {
    package static let magic: [UInt8] = Array("TAMIZLM\0".utf8)
    package static let version: UInt32 = 3
    package static let headerSize = 64
    package static let classCount = 8
    package static let classSectionOffset = 64
    package static let tableOffset = 128
    package static let checksumOffset = 56
    package static let maximumOrders = 1
    package static let bucketBitsRange: ClosedRange<Int> = 10...20
    /// The most words one evidence list may hold.
    package static let maximumEvidenceWords = 1 << 20

    /// Where the word-list section starts in a model with 2^`bucketBits` buckets.
    package static func wordListOffset(bucketBits: Int) -> Int { tableOffset + (classCount << bucketBits) }

    /// The size of the largest model file the format allows.
    package static let maximumFileSize = wordListOffset(bucketBits: bucketBitsRange.upperBound) + 8 + 2 * 8 * maximumEvidenceWords

    /// Writes the file size and the checksum of `bytes` (a model file whose other fields are set)
    /// into its header.
    package static func seal(_ bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { for k in 0..<8 { bytes[16 + k] = $0[k] } }
        let sum = bytes.withUnsafeBytes { checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { for k in 0..<8 { bytes[checksumOffset + k] = $0[k] } }
    }

    /// The file checksum (see the type's documentation). `bytes.count` must be a multiple of 8.
    package static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        precondition(bytes.count % 8 == 0)
        let k1: UInt64 = 0x9E37_79B9_7F4A_7C15
        let k2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
        var offset = 0
        while offset < bytes.count {
            var w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            if offset == checksumOffset { w = 0 }
            h = ((h ^ w) &* k1)
            h = ((h << 29) | (h >> 35)) &* k2
            offset += 8
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}

/// `LanguageModel.LoadError` under the name our own targets use.
package typealias ModelLoadError = LanguageModel.LoadError

extension LanguageModel {
    /// Why a model could not be loaded. Loading never crashes on bad input; it throws one of these.
    ///
    /// `ModelFileTests` checks which kind each bad file gives.
    public struct LoadError: Error, CustomStringConvertible, Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            /// The file could not be opened or read (`errno` from the system).
            case unreadableFile(path: String, errno: Int32)
            /// Fewer bytes than the header or the header's sizes require.
            case truncated(expected: Int, actual: Int)
            /// The file does not start with "TAMIZLM\0": not a Tamiz model.
            case badMagic
            /// A model format this build cannot read.
            case unsupportedVersion(found: UInt32, supported: UInt32)
            /// The bytes do not match the stored checksum: the file is corrupt.
            case checksumMismatch(stored: UInt64, computed: UInt64)
            /// The header is self-inconsistent (the message says which field).
            case invalidHeader(String)
            /// The evidence word lists after the table are cut short, overlong or unsorted
            /// (the message says which).
            case invalidWordLists(String)
        }

        public var kind: Kind

        public init(_ kind: Kind) { self.kind = kind }

        public var description: String {
            switch kind {
            case let .unreadableFile(path, errno):
                return "cannot read model file '\(path)' (errno \(errno))"
            case let .truncated(expected, actual):
                return "model is truncated: expected \(expected) bytes, got \(actual)"
            case .badMagic:
                return "not a Tamiz model (bad magic bytes)"
            case let .unsupportedVersion(found, supported):
                return "unsupported model format version \(found) (this build reads version \(supported))"
            case let .checksumMismatch(stored, computed):
                let s = String(stored, radix: 16), c = String(computed, radix: 16)
                return "model is corrupt: checksum mismatch (stored \(s), computed \(c))"
            case let .invalidHeader(why):
                return "invalid model header: \(why)"
            case let .invalidWordLists(why):
                return "invalid model word lists: \(why)"
            }
        }
    }
}
