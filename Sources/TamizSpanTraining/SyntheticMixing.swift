import TamizClassifying
import TamizTraining

/// A text whose whitespace tokens each have a gold language (nil: not scored, e.g. punctuation,
/// emoji, @handles, names).
package struct LabelledText: Sendable {
    package var tokens: [(text: String, language: Language?)]

    package init(tokens: [(text: String, language: Language?)]) { self.tokens = tokens }

    /// The tokens joined by single spaces.
    package var line: String { tokens.map(\.text).joined(separator: " ") }
}

/// Code-switched training sentences made from the licensed monolingual corpus: phrases of
/// `en.train.txt` and `es.train.txt` spliced at clause boundaries (sentence starts, after a comma,
/// before a conjunction or `que`/`that`) or anywhere, in tweet-like shape: often lower case,
/// Spanish often without accents, with @handles, laughter (`jajaja`, `hahaha`), emoji and
/// elongated words. Deterministic for a seed.
package struct SyntheticMixing: Sendable {
    let english: [[String]]
    let spanish: [[String]]
    /// Lower-cased words of the frequency lists (a capitalised word outside them is a name: not scored).
    let listed: Set<String>

    package init(corpus: TrainingCorpus) {
        func tokens(_ lines: [[UInt8]]) -> [[String]] {
            lines.map { String(decoding: $0, as: UTF8.self).split(separator: " ").map(String.init) }.filter { $0.count >= 3 }
        }
        english = tokens(corpus.sentences[0])
        spanish = tokens(corpus.sentences[1])
        listed = Set(corpus.words.map { String(decoding: $0.word, as: UTF8.self) })
    }

    static let clauseStarts: Set<String> = [
        "and", "but", "because", "so", "that", "when", "if", "or", "like", "with", "for", "to", "i", "you",
        "y", "pero", "porque", "que", "cuando", "si", "o", "como", "con", "para", "a", "yo", "tu", "no",
    ]

    /// In mixed texts, the share (in sixths) of segments of one or two words: a word or two of the
    /// other language inside a sentence, as tweets switch.
    package static let shortSegmentSixths: UInt64 = 4

    /// `count` texts: a third monolingual, the rest with one or two switches.
    package func texts(count: Int, seed: UInt64) -> [LabelledText] {
        var random = TrainingRandom(state: seed)
        return (0..<count).map { _ in text(&random) }
    }

    func text(_ r: inout TrainingRandom) -> LabelledText {
        let roll = r.next() % 6
        let segments = roll < 2 ? 1 : roll < 4 ? 2 : roll < 5 ? 3 : 4
        var language: Language = r.next() % 2 == 0 ? .english : .spanish
        var out: [(text: String, language: Language?)] = []
        let lower = r.next() % 5 < 2
        let plain = r.next() % 10 < 4
        if r.next() % 10 < 3 {
            for _ in 0...(r.next() % 2) { out.append((Self.handle(&r), nil)) }
        }
        for k in 0..<segments {
            let single = segments > 1 && r.next() % 6 < Self.shortSegmentSixths
            let length = single ? 1 + Int(r.next() % 2) : 2 + Int(r.next() % (segments == 1 ? 14 : 8))
            var phrase = self.phrase(language, length: length, first: k == 0, &r)
            if k == segments - 1, var last = phrase.last, r.next() % 2 == 0 {
                while let c = last.last, ".!?".contains(c) { last.removeLast() }
                phrase[phrase.count - 1] = last
            }
            for var word in phrase {
                if lower { word = word.lowercased() }
                if plain && language == .spanish { word = Self.withoutAccents(word) }
                if r.next() % 40 == 0 { word = Self.elongated(word, &r) }
                out.append((word, gold(word, language, atStart: out.isEmpty)))
            }
            if r.next() % 8 == 0 {
                // Laughter is labelled by the language around it, whichever kind it is.
                let own = r.next() % 3 != 0
                let laughs = (language == .spanish) == own ? ["jajaja", "jaja", "jajajaja", "jajajajaja"] : ["hahaha", "haha", "lol", "lmao"]
                out.append((laughs[Int(r.next() % UInt64(laughs.count))], language))
            }
            language = language == .english ? .spanish : .english
        }
        if r.next() % 12 == 0 {
            let tagLanguage: Language = r.next() % 2 == 0 ? .english : .spanish
            let words = phrase(tagLanguage, length: 2 + Int(r.next() % 3), first: false, &r)
                .map { String($0.unicodeScalars.filter { $0.properties.isAlphabetic }) }
            let camel = r.next() % 2 == 0
            let tag = "#" + words.map { camel ? $0.prefix(1).uppercased() + $0.dropFirst().lowercased() : $0.lowercased() }.joined()
            if tag.count > 3 { out.append((tag, tagLanguage)) }
        }
        if r.next() % 5 == 0 { out.append((Self.emoji[Int(r.next() % UInt64(Self.emoji.count))], nil)) }
        return LabelledText(tokens: out.filter { !$0.text.isEmpty })
    }

    /// A phrase of about `length` words of `language`: from a sentence start, a clause start or anywhere.
    func phrase(_ language: Language, length: Int, first: Bool, _ r: inout TrainingRandom) -> [String] {
        let pool = language == .english ? english : spanish
        let sentence = pool[Int(r.next() % UInt64(pool.count))]
        var start = 0
        let way = r.next() % 3
        if way == 1 || (way == 0 && !first) {
            let starts = sentence.indices.filter { k in
                k > 0 && (sentence[k - 1].hasSuffix(",") || Self.clauseStarts.contains(sentence[k].lowercased()))
            }
            if !starts.isEmpty { start = starts[Int(r.next() % UInt64(starts.count))] }
        } else if way == 2 {
            start = Int(r.next() % UInt64(sentence.count))
        }
        return Array(sentence[start..<min(sentence.count, start + length)])
    }

    /// The gold label: the language for a word with letters, nil for a token without letters or a
    /// capitalised word outside the frequency lists (a name) after the first.
    func gold(_ word: String, _ language: Language, atStart: Bool) -> Language? {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard !letters.isEmpty else { return nil }
        if !atStart, let first = letters.first, first.properties.isUppercase,
           !listed.contains(String(String.UnicodeScalarView(letters)).lowercased()) {
            return nil
        }
        return language
    }

    static let emoji = ["😂", "😭😭", "❤️", "🙏", "😍😍😍", ":)", "!!!", "👍", "🔥🔥"]

    static func handle(_ r: inout TrainingRandom) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz_0123456789")
        return "@" + String((0..<(4 + Int(r.next() % 9))).map { _ in letters[Int(r.next() % UInt64(letters.count))] })
    }

    static func elongated(_ word: String, _ r: inout TrainingRandom) -> String {
        guard let last = word.lastIndex(where: { "aeiouyAEIOUY".contains($0) }) else { return word }
        var w = word
        w.insert(contentsOf: String(repeating: w[last], count: 2 + Int(r.next() % 4)), at: last)
        return w
    }

    static func withoutAccents(_ word: String) -> String {
        let map: [Character: Character] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "Á": "A", "É": "E", "Í": "I", "Ó": "O", "Ú": "U"]
        return String(word.map { map[$0] ?? $0 })
    }
}

