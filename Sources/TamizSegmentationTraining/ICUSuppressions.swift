import CICUSuppressions

/// ICU's CLDR sentence-break suppression lists (the data behind `@ss=standard`), read from the
/// ICU on this machine.
package enum ICUSuppressions {
    package struct Failure: Error, CustomStringConvertible {
        package let locale: String
        package let code: Int32
        package var description: String { "ICU has no readable sentence-break suppression list for '\(locale)' (error \(code))" }
    }

    /// The entries of `locale`'s own list (no fallback), in ICU's order, each ending in ".".
    package static func entries(locale: String) throws -> [String] {
        var capacity: Int64 = 1 << 14
        while true {
            var buffer = [CChar](repeating: 0, count: Int(capacity))
            var error: Int32 = 0
            let needed = tz_icu_sentence_suppressions(locale, &buffer, capacity, &error)
            guard needed >= 0 else { throw Failure(locale: locale, code: error) }
            if needed <= capacity {
                let bytes = buffer.prefix(Int(needed)).map { UInt8(bitPattern: $0) }
                return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
            }
            capacity = needed
        }
    }

    /// ICU's version, e.g. "72.1".
    package static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        tz_icu_version(&buffer)
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
