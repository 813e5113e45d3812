import TamizClassifying

/// Builds the evidence word lists that `EvidenceWords` holds, by the rule its documentation
/// states; `ModelTrainer` stores them in the model file (`ModelFormat`), so the rebuild test
/// (`RebuildTests`) checks the committed lists equal a fresh build from `Data/corpus`.
extension EvidenceWords {
    /// Lower-cased words that the English and Spanish training sentences write capitalised inside
    /// a sentence at least three times and four times as often as in lower case (`pedro`,
    /// `madrid`, `fernández`): names, which carry no language however frequent they are in one
    /// list, so they are no evidence.
    package static func capitalisedWords(_ corpus: TrainingCorpus) -> Set<String> {
        var counts: [String: (capitalised: Int, lower: Int)] = [:]
        for c in 0..<min(2, corpus.sentences.count) {
            for line in corpus.sentences[c] {
                let tokens = String(decoding: line, as: UTF8.self).split(separator: " ")
                // Only a word right after a word that ends in a letter or a comma is inside a
                // sentence (not after `.`, `:`, `-`, nor behind `¡`, `¿` or a quote).
                for (previous, word) in zip(tokens, tokens.dropFirst()) {
                    guard let end = previous.last, end.isLetter || end == ",",
                          let first = word.first, first.isLetter,
                          word.allSatisfy({ $0.isLetter || $0.isPunctuation }) else { continue }
                    let letters = String(word.prefix(while: { $0.isLetter }))
                    var count = counts[letters.lowercased()] ?? (0, 0)
                    if first.isUppercase { count.capitalised += 1 } else { count.lower += 1 }
                    counts[letters.lowercased()] = count
                }
            }
        }
        return Set(counts.filter { $0.value.capitalised >= 3 && $0.value.capitalised >= 4 * $0.value.lower }.keys)
    }

    /// The English and Spanish evidence words of `corpus`, most frequent first.
    package static func lists(_ corpus: TrainingCorpus) -> (english: [String], spanish: [String]) {
        var zipf: [[String: Double]] = [[:], [:]]
        for (c, word, z) in corpus.words where c < 2 {
            let w = String(decoding: word, as: UTF8.self)
            if zipf[c][w] == nil { zipf[c][w] = z }
        }
        let names = capitalisedWords(corpus)
        var lists: [[String]] = [[], []]
        var seen: [Set<String>] = [[], []]
        for (c, word, z) in corpus.words where c < 2 {
            let w = String(decoding: word, as: UTF8.self)
            guard z >= minimumZipf, z - (zipf[1 - c][w] ?? 0) >= minimumMargin, w.unicodeScalars.count >= 2, !names.contains(w),
                  w.allSatisfy({ $0.isLetter && $0.isLowercase }), seen[c].insert(w).inserted else { continue }
            lists[c].append(w)
        }
        return (lists[0], lists[1])
    }

    /// `lists(corpus)` as the model file stores them: each word's `fingerprint`, ascending,
    /// without repeats.
    package static func fingerprints(_ corpus: TrainingCorpus) -> (english: [UInt64], spanish: [UInt64]) {
        let (english, spanish) = lists(corpus)
        func sorted(_ words: [String]) -> [UInt64] { Array(Set(words.map { fingerprint($0) })).sorted() }
        return (sorted(english), sorted(spanish))
    }
}
