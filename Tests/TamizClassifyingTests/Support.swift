import Foundation
import TamizClassifying


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
