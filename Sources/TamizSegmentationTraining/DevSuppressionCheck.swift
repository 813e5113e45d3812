import TamizSegmenting

/// Measures how many real sentence ends an abbreviation list would hide: dev sentences (one a line)
/// are joined in consecutive pairs, and a pair whose boundary the segmenter no longer finds with the
/// list (but finds with the hand-written list alone) is a sentence end the list wrongly suppresses.
package struct DevSuppressionCheck {
    package struct Result: Sendable {
        /// Dev sentences whose last token is one of the list's words and a period.
        package var sentenceEndsMatched: Int
        /// Pair boundaries lost with the list that the hand-written list alone keeps.
        package var boundariesLost: Int
        /// Pair boundaries gained (found with the list, not without).
        package var boundariesGained: Int
        /// The words behind the lost boundaries, most frequent first.
        package var lostWords: [(word: String, count: Int)]
    }

    let lines: [Substring]
    let baseline: SentenceSegmenter
    let baselineKept: [Bool]

    package init(devLines: [Substring]) throws {
        lines = devLines.filter { !$0.allSatisfy(\.isWhitespace) }
        baseline = try SentenceSegmenter(abbreviations: AbbreviationTable.lexicon(adding: []))
        baselineKept = Self.keptBoundaries(lines, baseline)
    }

    /// Pairs considered: consecutive dev lines.
    package var pairs: Int { max(0, lines.count - 1) }

    /// The result for the hand-written list plus `entries`.
    package func check(_ entries: [AbbreviationTable.Entry]) throws -> Result {
        let words = Set(entries.map(\.word))
        let segmenter = try SentenceSegmenter(abbreviations: AbbreviationTable.lexicon(adding: entries))
        let kept = Self.keptBoundaries(lines, segmenter)
        var lost = 0, gained = 0
        var lostWords: [String: Int] = [:]
        for i in kept.indices where kept[i] != baselineKept[i] {
            if kept[i] { gained += 1 } else {
                lost += 1
                let last = lines[i].split(separator: " ").last.map { AbbreviationEvidence.strippingClosers($0) } ?? ""
                lostWords[String(last), default: 0] += 1
            }
        }
        let matched = lines.filter { line in
            guard let last = line.split(separator: " ").last,
                  let word = AbbreviationEvidence.periodFinalWord(AbbreviationEvidence.strippingClosers(last)) else { return false }
            return words.contains(String(word))
        }.count
        return Result(sentenceEndsMatched: matched, boundariesLost: lost, boundariesGained: gained,
                      lostWords: lostWords.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// For each consecutive pair, whether the segmenter splits "line_i line_i+1" where they meet.
    static func keptBoundaries(_ lines: [Substring], _ segmenter: SentenceSegmenter) -> [Bool] {
        var kept: [Bool] = []
        var ranges: [Range<Int>] = []
        for i in lines.indices.dropLast() {
            let first = lines[i].trimmingSpaces, second = lines[i + 1].trimmingSpaces
            var pair = Array(first.utf8) + [0x20] + Array(second.utf8)
            let join = first.utf8.count + 1
            ranges.removeAll(keepingCapacity: true)
            pair.withUnsafeMutableBufferPointer { segmenter.appendSentences(of: UnsafeBufferPointer($0), to: &ranges) }
            kept.append(ranges.contains { $0.lowerBound == join })
        }
        return kept
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}
