import CICUSentenceBreak

/// `SentenceSegmenter.OpenError` under the name our own targets use.
package typealias SegmenterError = SentenceSegmenter.OpenError

extension SentenceSegmenter {
    /// ICU could not open its sentence break iterator (for example because its data is missing).
    /// `icuErrorName` is ICU's own name for the failure, such as `U_MISSING_RESOURCE_ERROR`.
    public struct OpenError: Error, CustomStringConvertible, Sendable, Equatable {
        /// ICU's `UErrorCode` value (always > 0, i.e. a real failure, not a warning).
        public let icuErrorCode: Int32
        /// ICU's name for `icuErrorCode`.
        public let icuErrorName: String

        init(icuErrorCode: Int32) {
            self.icuErrorCode = icuErrorCode
            self.icuErrorName = String(cString: tz_icu_error_name(icuErrorCode))
        }

        public var description: String {
            "ICU sentence break iterator failed to open: \(icuErrorName) (\(icuErrorCode))"
        }
    }
}
