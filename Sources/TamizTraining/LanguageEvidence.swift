import TamizClassifying
import TamizBytes

/// Whether a unit carries any language evidence, judged by a rule that does not use the model, so
/// `tamiz eval` can say which of its `und` answers are debatable.
///
/// A unit has *no language evidence* when every whitespace token is one of:
/// - `noLetters`: no letter at all (`2025`, `--`, `:-)`);
/// - `code`: a URL, e-mail address, file name or code (`http://…`, `a@b.com`, `www.x.org`,
///   `TEXT.htm`, `5233-NT`, `4105SF`): a junk character `# & / < = > @ \ ^ _ `` ` `` { | } ~`, a `www.`
///   start, a full stop followed by a letter inside the token, or both letters and digits;
/// - `capitalised`: a word that starts upper case (`Marlene`, `D.`, `MIRAMAR`) and, lower-cased,
///   is not a frequent word (Zipf ≥ `minimumZipf`) of either frequency list.
///
/// `Dear Nina,` has evidence (`dear` is frequent), `Marlene D. Hilliard` has none, and so has
/// a line of URLs. The classifier answering `und` on a unit without evidence is the honest answer;
/// `und` on a unit with evidence is a miss. The reason reported is the weakest kind seen:
/// capitalised words, else code, else no letters.
package struct LanguageEvidence: Sendable {
    /// Why a unit has no language evidence (see the type's documentation).
    package enum Absence: Int, Sendable, CaseIterable {
        case noLetters, code, capitalised

        package var name: String {
            switch self {
            case .noLetters: "no letters"
            case .code: "only URL/e-mail/code"
            case .capitalised: "only capitalised non-frequent words"
            }
        }
    }

    /// Zipf value from which a list word is frequent (about the 5,000 most frequent words).
    package static let minimumZipf = 4.0

    /// Lower-cased frequent words of both lists.
    let frequentWords: Set<[UInt8]>

    /// The frequent words of `TrainingCorpus.wordLists` files under `directory`
    /// (`words/en.words.tsv`, `words/es.words.tsv`: `word<TAB>zipf`, a header line first).
    package init(wordListDirectory directory: String) throws(EvaluationError) {
        var words = Set<[UInt8]>()
        for (_, file) in TrainingCorpus.wordLists {
            let bytes: [UInt8]
            switch readWholeFile(directory + "/" + file) {
            case .success(let read): bytes = read
            case .failure(let failure): throw EvaluationError(failure.description)
            }
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
            for (n, line) in lines.enumerated() where n > 0 {
                guard let tab = line.firstIndex(of: 0x09),
                      let zipf = Double(String(decoding: line[(tab + 1)...], as: UTF8.self)) else { continue }
                if zipf >= Self.minimumZipf { words.insert(Array(line[..<tab])) }
            }
        }
        frequentWords = words
    }

    /// A rule with these frequent (lower-case) words.
    package init(frequentWords: some Sequence<String>) {
        self.frequentWords = Set(frequentWords.map { Array($0.utf8) })
    }

    /// nil when `text` has language evidence, else why it has none.
    package func absence(_ text: [UInt8]) -> Absence? {
        var worst = Absence.noLetters
        for token in text.split(whereSeparator: { $0 == 0x20 || ($0 &- 9) < 5 }) {
            let token = Array(token)
            guard let kind = Self.kind(of: token) else { continue }
            switch kind {
            case .noLetters:
                continue
            case .code:
                if worst == .noLetters { worst = .code }
            case .capitalised:
                // A lower-case start is evidence; so is a frequent word, whatever its case.
                let word = trimPunctuation(token)
                if !Evaluation.startsUpperCase(word) { return nil }
                for part in word.split(whereSeparator: { $0 < 0x80 && !Self.isASCIILetter($0) && $0 != 0x27 })
                where frequentWords.contains(Evaluation.lowercased(Array(part))) {
                    return nil
                }
                worst = .capitalised
            }
        }
        return worst
    }

    /// `.noLetters`, `.code`, or `.capitalised` for a word that still needs its case checked.
    static func kind(of token: [UInt8]) -> Absence? {
        var letters = false, digits = false
        if token.starts(with: Array("www.".utf8)) { return .code }
        for (i, b) in token.enumerated() {
            if b >= 0x80 || isASCIILetter(b) {
                letters = true
            } else if b >= 0x30 && b <= 0x39 {
                digits = true
            } else if FeatureExtractor.isJunkASCII(b) {
                return .code
            } else if b == 0x2E, letters, i + 1 < token.count, isASCIILetter(token[i + 1]),
                      token[(i + 1)...].contains(where: { $0 >= 0x61 && $0 <= 0x7A }) {
                return .code  // `TEXT.htm`, `API.pdf`, `example.com`; not `U.S.` or `D.C.`
            }
        }
        if !letters { return .noLetters }
        return digits ? .code : .capitalised
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
}
