import Foundation

/// The package's own files and the shared workspace beside it, found from this file's path so the
/// tests work from any working directory. Tests that read `../shared` skip themselves when
/// `hasSharedCorpus` / `hasCodeswitch` is false (a user's fresh clone).
public enum Paths {
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    public static let corpus = packageRoot + "/Data/corpus"
    public static let model = packageRoot + "/Data/model/tamiz.model"
    public static let table = packageRoot + "/Data/spans/spans.table"
    /// The team's shared folder beside the package (dev corpora, scrape pages, tweets); absent on a
    /// user's fresh clone.
    public static let shared = packageRoot + "/../shared"
    /// The shared dev sets; absent outside the development workspace.
    public static let sharedCorpus = shared + "/corpus"
    public static var hasSharedCorpus: Bool { FileManager.default.fileExists(atPath: sharedCorpus + "/en.dev.txt") }
    /// The code-switched tweets (no licence: measured here, never copied); absent outside the workspace.
    public static let codeswitch = sharedCorpus + "/codeswitch/lince-spaeng-train-sample.conll"
    public static var hasCodeswitch: Bool { FileManager.default.fileExists(atPath: codeswitch) }

    /// A file or folder of the package, by its path from the package root (`Data/cleaner/lines.tsv`).
    public static func packageURL(_ relative: String) -> URL {
        URL(fileURLWithPath: packageRoot).appendingPathComponent(relative)
    }

    /// A file or folder of `../shared`, by its path inside it (`samples/scrapes`).
    public static func sharedURL(_ relative: String) -> URL {
        URL(fileURLWithPath: shared).appendingPathComponent(relative)
    }

    /// The lines of a text file.
    public static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}
