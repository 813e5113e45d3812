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
        // A scrape that lost its accents still writes the word: each accented evidence word's
        // stripped and deleted forms (`también` → `tambien`, `tambin`) are evidence too, by the
        // same margin against the other list, unless that form is a listed word of either language.
        let listed = [Set(lists[0]), Set(lists[1])]
        var variants: [[String]] = [[], []]
        for c in 0..<2 {
            for w in lists[c] where !w.utf8.allSatisfy({ $0 < 0x80 }) {
                let z = zipf[c][w] ?? 0
                for bytes in [stripAccents(Array(w.utf8)), deleteAccents(Array(w.utf8))] {
                    let v = String(decoding: bytes, as: UTF8.self)
                    guard v.unicodeScalars.count >= 2, z - (zipf[1 - c][v] ?? 0) >= minimumMargin, !names.contains(v),
                          !listed[0].contains(v), !listed[1].contains(v), seen[c].insert(v).inserted else { continue }
                    variants[c].append(v)
                }
            }
        }
        // A form that both languages' words produce is evidence for neither.
        let shared = Set(variants[0]).intersection(variants[1])
        return (lists[0] + variants[0].filter { !shared.contains($0) }, lists[1] + variants[1].filter { !shared.contains($0) })
    }

    /// `lists(corpus)` as the model file stores them: each word's `fingerprint`, ascending,
    /// without repeats.
    package static func fingerprints(_ corpus: TrainingCorpus) -> (english: [UInt64], spanish: [UInt64]) {
        let (english, spanish) = lists(corpus)
        func sorted(_ words: [String]) -> [UInt64] { Array(Set(words.map { fingerprint($0) })).sorted() }
        return (sorted(english), sorted(spanish))
    }
}
