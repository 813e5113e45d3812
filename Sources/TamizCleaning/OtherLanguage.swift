/// The language rules the hand-tuned rules and the learned model share: which language a line's
/// function words clearly say, and which kept prose stands in the other language than the kept
/// text around it (a Spanish comment under an English article: ``DebrisReason/otherLanguage``).
enum OtherLanguage {
    /// 1 English, 2 Spanish, 0 when the function words do not clearly say (fewer than five words,
    /// or no 2-word and 5 : 2 lead of one language's function words).
    @inline(__always)
    static func decisive(words: Int, englishStops: Int, spanishStops: Int) -> Int {
        if words < 5 { return 0 }
        if englishStops >= spanishStops + 2 && englishStops * 2 > spanishStops * 5 { return 1 }
        if spanishStops >= englishStops + 2 && spanishStops * 2 > englishStops * 5 { return 2 }
        return 0
    }

    /// The positions in `0..<count` of kept lines in a clear language whose kept neighbours within
    /// 40 lines hold at least 60 words in the other clear language and three times their own.
    static func minorityLines(
        count: Int, kept: (Int) -> Bool, language: (Int) -> Int, words: (Int) -> Int
    ) -> [Int] {
        // Prefix sums of kept words per language.
        var english = [Int](repeating: 0, count: count + 1)
        var spanish = [Int](repeating: 0, count: count + 1)
        for position in 0..<count {
            let own = kept(position) ? language(position) : 0
            english[position + 1] = english[position] + (own == 1 ? words(position) : 0)
            spanish[position + 1] = spanish[position] + (own == 2 ? words(position) : 0)
        }
        var result: [Int] = []
        for position in 0..<count where kept(position) {
            let own = language(position)
            guard own != 0 else { continue }
            let low = max(0, position - 40), high = min(count, position + 41)
            let englishWords = english[high] - english[low], spanishWords = spanish[high] - spanish[low]
            let (same, other) = own == 1 ? (englishWords, spanishWords) : (spanishWords, englishWords)
            if other >= 60 && same * 3 < other { result.append(position) }
        }
        return result
    }
}
