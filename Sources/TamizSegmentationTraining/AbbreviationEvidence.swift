/// Counts, in sentences written one to a line, how each word followed by a period is used: the
/// evidence that it is an abbreviation (the Punkt idea: inside a sentence, a period that is
/// followed by a lowercase word, a digit or another such token does not end it) and the
/// evidence that it is an ordinary word (the same word ending a sentence, or written without
/// the period). `AbbreviationTableTests` shows the counts on small corpora.
package struct AbbreviationEvidence: Sendable {
    package struct Counts: Equatable, Sendable {
        /// Inside a line, followed by a lowercase word, a digit or another period-final token.
        package var continued = 0
        /// Inside a line, followed by anything.
        package var inside = 0
        /// As the line's last token: ending a sentence.
        package var final = 0
        /// Written without the period (before `,;:` or closing marks, or as a bare token).
        package var bare = 0

        package init(continued: Int = 0, inside: Int = 0, final: Int = 0, bare: Int = 0) {
            self.continued = continued
            self.inside = inside
            self.final = final
            self.bare = bare
        }
    }

    /// Counts per word, exactly as written (case kept), without the final period.
    package private(set) var counts: [String: Counts] = [:]

    package init() {}

    package init(lines: some Sequence<some StringProtocol>) {
        for line in lines { add(line: line) }
    }

    /// The longest word the segmenter's lookup keys hold, in UTF-8 bytes.
    package static let maximumWordBytes = 16

    /// Adds one sentence.
    package mutating func add(line: some StringProtocol) {
        let tokens = Substring(line).split(whereSeparator: { $0 == " " || $0 == "\t" }).map { Self.strippingOpeners($0) }
        var bareWords: [Substring] = []
        for (index, token) in tokens.enumerated() {
            if index == tokens.count - 1 {
                if let word = Self.periodFinalWord(Self.strippingClosers(token)) { counts[String(word), default: Counts()].final += 1 }
            } else if let word = Self.periodFinalWord(token) {
                let next = tokens[index + 1]
                var entry = counts[String(word), default: Counts()]
                entry.inside += 1
                if let first = next.unicodeScalars.first,
                   first.properties.isLowercase || ("0"..."9").contains(first) || Self.periodFinalWord(next) != nil {
                    entry.continued += 1
                }
                counts[String(word)] = entry
                continue
            }
            bareWords.append(Self.strippingTrailingPunctuation(token))
        }
        for word in bareWords where Self.isCandidateWord(word) {
            counts[String(word), default: Counts()].bare += 1
        }
    }

    /// Merges the counts of another corpus.
    package mutating func add(_ other: AbbreviationEvidence) {
        for (word, c) in other.counts {
            var entry = counts[word, default: Counts()]
            entry.continued += c.continued
            entry.inside += c.inside
            entry.final += c.final
            entry.bare += c.bare
            counts[word] = entry
        }
    }

    /// The word before the final period of `token`, if the token is letters with optional inner
    /// periods ("etc.", "p.ej.", "EE.UU.") of more than one letter and fits a lookup key.
    package static func periodFinalWord(_ token: Substring) -> Substring? {
        guard token.count >= 2, token.last == "." else { return nil }
        let word = token.dropLast()
        return isCandidateWord(word) ? word : nil
    }

    /// Letters with optional single inner periods, starting and ending with a letter, more than
    /// one letter, at most `maximumWordBytes` bytes.
    package static func isCandidateWord(_ word: Substring) -> Bool {
        guard word.utf8.count <= maximumWordBytes, word.count >= 2,
              word.first?.isLetter == true, word.last?.isLetter == true, !word.contains("..") else { return false }
        return word.allSatisfy { $0.isLetter || $0 == "." }
    }

    static func strippingOpeners(_ token: Substring) -> Substring {
        token.drop(while: { "\"'([{«“‘¿¡—–-".contains($0) })
    }

    static func strippingClosers(_ token: Substring) -> Substring {
        var t = token
        while let last = t.last, "\"')]}»”’".contains(last) { t = t.dropLast() }
        return t
    }

    static func strippingTrailingPunctuation(_ token: Substring) -> Substring {
        var t = token
        while let last = t.last, ",;:\"')]}»”’?!".contains(last) { t = t.dropLast() }
        return t
    }
}
