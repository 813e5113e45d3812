import Testing
@testable import TamizCleaning

/// ``LineCleaner/evidence(ofLines:in:)`` counts, for each line, its topic words and how many of
/// them recur in one / two *other* lines of eight words or more: an article's paragraphs share
/// their topic words, other articles' teasers share few.
@Suite("Shared topic words")
struct SharedTopicWordTests {
    static func evidence(_ lines: [String]) -> [LineEvidence] {
        var text: [UInt8] = []
        var ranges: [Range<Int>] = []
        for line in lines {
            let start = text.count
            text += Array(line.utf8)
            ranges.append(start..<text.count)
        }
        return text.withUnsafeBufferPointer { LineCleaner().evidence(ofLines: ranges, in: $0).evidence }
    }

    static let article = [
        "Drought forces farmers in the valley to sell their cattle early this summer.",
        "Farmers say the drought has dried every well in the valley since April.",
        "The valley cooperative expects cattle prices to fall before the drought ends.",
        "Celebrity chef opens seafood restaurant downtown",
    ]

    @Test("a paragraph's topic words that recur in two other paragraphs count once and twice")
    func paragraphsShareTheirTopicWords() {
        let lines = Self.evidence(Self.article)
        // "drought", "farmers"/"valley", "cattle" recur; the line's own copy does not count.
        #expect(lines[0].topicWords >= 5)
        #expect(lines[0].sharedTopicWords >= 3)
        #expect(lines[0].widelySharedTopicWords >= 2)
        #expect(lines[0].widelySharedTopicWords <= lines[0].sharedTopicWords)
        #expect(lines[0].sharedTopicWords <= lines[0].topicWords)
    }

    @Test("a teaser of another article shares none of the article's topic words")
    func teaserSharesNothing() {
        let teaser = Self.evidence(Self.article)[3]
        #expect(teaser.topicWords >= 4)
        #expect(teaser.sharedTopicWords == 0)
        #expect(teaser.widelySharedTopicWords == 0)
    }

    @Test("a copy of a paragraph is not another line that holds its words")
    func copiesAreNotOtherHolders() {
        let line = "Drought forces farmers in the valley to sell their cattle early this summer."
        let lines = Self.evidence([line, line, "Celebrity chef opens seafood restaurant downtown"])
        #expect(lines[0].sharedTopicWords == 0)
        #expect(lines[1].sharedTopicWords == 0)
    }

    @Test("a line of more than 65,535 topic words records the most its count can hold")
    func hugeLineIsClamped() {
        let huge = (0..<70_000).map { "word\($0)x" }.joined(separator: " ")
        let lines = Self.evidence(Self.article + [huge] + Self.article)
        #expect(lines[4].topicWords == UInt16.max)
        // The lines after it still find their own keys: the article's words recur.
        #expect(lines[5].sharedTopicWords >= 3)
    }
}
