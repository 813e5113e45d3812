/// Decides, line by line and with the whole document in view, which lines of a scrape are debris.
///
/// A *document* is whatever the caller passes in one call: a file, a JSON Lines record, or a bounded
/// window of a stream. Rules, first match wins:
///
/// 1. `blank` – only whitespace.
/// 2. `no-letters` – no letter at all (see ``LineFeatures``).
/// 3. `navigation` – the whole line is a navigation label (`Skip to content`, `Lo más visto`).
/// 4. `boilerplate` – a cookie, paywall, subscription, newsletter or legal cue in a line of at most
///    ``boilerplateMaxWords`` words (long article paragraphs that merely mention cookies survive).
/// 5. `repeated` – the line occurs more than once in the document: every copy when it has at most
///    ``repeatedMaxWords`` words (headers, menus), otherwise every copy after the first.
/// 6. `short` – at most two words and no sentence punctuation (labels, buttons, bylines' fragments).
///
/// Lines are compared after ``TextNormalizer`` folding, so `Most viewed` and `MOST VIEWED ›` match.
/// The cleaner holds no state between calls; it is safe to share across threads.
public struct LineCleaner: Sendable {
    /// Cue lines longer than this are treated as prose, not banners.
    public var boilerplateMaxWords = 60
    /// Repeated lines up to this length are dropped in every copy.
    public var repeatedMaxWords = 12

    private let navigationLines: Set<UInt64>
    private let cueHashes: Set<UInt64>
    private let longestCueWords: Int

    /// Creates a cleaner with the built-in English and Spanish phrase lists.
    public init() {
        var scratch: [UInt8] = []
        func key(_ phrase: String) -> UInt64 {
            var bytes = Array(phrase.utf8)
            bytes.withUnsafeBufferPointer { TextNormalizer.normalize($0, into: &scratch) }
            bytes = scratch
            return TextNormalizer.hash(bytes)
        }
        navigationLines = Set(PhraseLists.navigationLines.map(key))
        cueHashes = Set(PhraseLists.boilerplateCues.map(key))
        longestCueWords = PhraseLists.boilerplateCues.map { $0.split(separator: " ").count }.max() ?? 1
    }

    /// Returns one entry per line: `nil` for content, or the reason the line is debris.
    /// - Parameters:
    ///   - lines: byte ranges of the document's lines within `text`, without line terminators.
    ///   - text: the document's bytes (any bytes; invalid UTF-8 is tolerated).
    public func debris(ofLines lines: [Range<Int>], in text: UnsafeBufferPointer<UInt8>) -> [DebrisReason?] {
        var reasons = [DebrisReason?](repeating: nil, count: lines.count)
        var features = [LineFeatures](repeating: LineFeatures(), count: lines.count)
        var keys = [UInt64](repeating: 0, count: lines.count)
        var occurrences: [UInt64: Int] = [:]
        var normalized: [UInt8] = []
        normalized.reserveCapacity(256)

        for (index, range) in lines.enumerated() {
            let line = UnsafeBufferPointer(rebasing: text[range])
            let lineFeatures = LineFeatures(line)
            features[index] = lineFeatures
            if lineFeatures.isBlank {
                reasons[index] = .blank
                continue
            }
            if lineFeatures.letters == 0 {
                reasons[index] = .noLetters
                continue
            }
            TextNormalizer.normalize(line, into: &normalized)
            let key = TextNormalizer.hash(normalized)
            keys[index] = key
            occurrences[key, default: 0] += 1
            if navigationLines.contains(key) {
                reasons[index] = .navigation
            } else if lineFeatures.words <= boilerplateMaxWords && containsCue(normalized) {
                reasons[index] = .boilerplate
            }
        }

        var seen: Set<UInt64> = []
        for index in lines.indices where reasons[index] == nil {
            let lineFeatures = features[index]
            if occurrences[keys[index], default: 0] > 1 {
                let isFirstCopy = seen.insert(keys[index]).inserted
                if lineFeatures.words <= repeatedMaxWords || !isFirstCopy {
                    reasons[index] = .repeated
                    continue
                }
            }
            if lineFeatures.words <= 2 && !lineFeatures.endsWithSentencePunctuation {
                reasons[index] = .short
            }
        }
        return reasons
    }

    /// Convenience for library users and tests: one entry per line of `lines`.
    public func debris(ofLines lines: [String]) -> [DebrisReason?] {
        var text: [UInt8] = []
        var ranges: [Range<Int>] = []
        for line in lines {
            let start = text.count
            text.append(contentsOf: line.utf8)
            ranges.append(start..<text.count)
        }
        return text.withUnsafeBufferPointer { debris(ofLines: ranges, in: $0) }
    }

    /// Whether any sequence of 1…longestCueWords consecutive words of `normalized` is a cue.
    private func containsCue(_ normalized: [UInt8]) -> Bool {
        var wordStarts: [Int] = []
        var start = 0
        while start < normalized.count {
            var end = start
            while end < normalized.count && normalized[end] != 0x20 { end += 1 }
            wordStarts.append(start)
            let first = max(0, wordStarts.count - longestCueWords)
            for wordIndex in first..<wordStarts.count {
                let phrase = normalized[wordStarts[wordIndex]..<end]
                if cueHashes.contains(TextNormalizer.hash(phrase)) { return true }
            }
            start = end + 1
        }
        return false
    }
}
