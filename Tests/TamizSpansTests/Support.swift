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
    static let table = packageRoot + "/Data/spans/spans.table"
    /// The code-switched tweets (no licence: measured here, never copied); absent outside the workspace.
    static let codeswitch = packageRoot + "/../shared/corpus/codeswitch/lince-spaeng-train-sample.conll"
    static var hasCodeswitch: Bool { FileManager.default.fileExists(atPath: codeswitch) }
}

let detector = LanguageSpanDetector()

/// (language, text) of each span of `text`.
func spanTexts(_ text: String) -> [(Language, String)] {
    let scalars = Array(text.unicodeScalars)
    return detector.spans(in: text).map { span in
        (span.language, String(String.UnicodeScalarView(scalars[span.scalars])))
    }
}
