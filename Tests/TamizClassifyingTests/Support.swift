import Foundation

/// Paths relative to this file, so the tests work from any working directory.
enum Paths {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let corpus = packageRoot + "/Data/corpus"
    static let model = packageRoot + "/Data/model/tamiz.model"
    /// The shared dev sets; absent outside the development workspace.
    static let sharedCorpus = packageRoot + "/../shared/corpus"
    static var hasSharedCorpus: Bool { FileManager.default.fileExists(atPath: sharedCorpus + "/en.dev.txt") }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

/// A small fixed-seed generator (SplitMix64) so the junk-input tests are repeatable.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
