import Foundation
import TamizClassifying
// Paths to the package files and ../shared, for every file of this target.
@_exported import TamizTestSupport

let detector = LanguageSpanDetector()

/// (language, text) of each span of `text`.
func spanTexts(_ text: String) -> [(Language, String)] {
    let scalars = Array(text.unicodeScalars)
    return detector.spans(in: text).map { span in
        (span.language, String(String.UnicodeScalarView(scalars[span.scalars])))
    }
}
