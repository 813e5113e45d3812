/// How often each word is written in lower case and how often capitalised inside the training
/// sentences, never counting a sentence's first word or a word after final punctuation, a colon,
/// a quote or a dash: the orthographic evidence (Punkt's) behind `EmbeddedWordList.lowercaseWords`.
package struct CapitalisationEvidence: Sendable {
    /// Lower-case word → uses written in lower case.
    package private(set) var lower: [String: Int] = [:]
    /// Lower-case word → uses written with a capital first letter and the rest lower case.
    package private(set) var capitalised: [String: Int] = [:]

    package init(lines: some Sequence<Substring>) {
        for line in lines {
            let tokens = line.split(separator: " ")
            for i in tokens.indices.dropFirst() {
                if let last = tokens[i - 1].last, Self.opensAfter.contains(last) { continue }
                let word = tokens[i].drop(while: { Self.openers.contains($0) }).prefix(while: \.isLetter)
                guard word.count >= 2 else { continue }
                let lowered = word.lowercased()
                if word == lowered {
                    lower[lowered, default: 0] += 1
                } else if word.first!.isUppercase && word.dropFirst() == lowered.dropFirst() {
                    capitalised[lowered, default: 0] += 1
                }
            }
        }
    }

    /// A word after one of these may be capitalised because a sentence or a quotation starts.
    static let opensAfter: Set<Character> = [".", "?", "!", ":", "…", "\"", "”", "»", "—", "–", "-"]
    static let openers: Set<Character> = ["\"", "'", "“", "‘", "«", "(", "[", "¿", "¡"]

    /// The words seen in lower case at least `minimumLower` times and capitalised at most
    /// `maximumCapitalisedShare` times as often, sorted by their UTF-8 bytes.
    package func lowercaseWords(minimumLower: Int, maximumCapitalisedShare: Double) -> [String] {
        lower.filter { word, count in
            count >= minimumLower && Double(capitalised[word] ?? 0) <= maximumCapitalisedShare * Double(count)
        }.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
