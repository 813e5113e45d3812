/// Tamiz's corrections to ICU's sentence breaks, working on the bytes of one window of a paragraph.
///
/// ICU proposes breaks; `decide` keeps or drops each one (abbreviations, initials, list numbers,
/// quoted "?"/"!" before a lowercase word, URL query strings, footnote marks). `emit` then adds the
/// breaks ICU never makes (`¿`/`¡` or a dialogue dash after final punctuation, `…` or an emoticon
/// before a capital, "." before a lowercase word or a number, inline list items), trims whitespace
/// and caps the length of each sentence. No allocation besides appending to the caller's array.
struct SentenceRules {
    let text: TextView
    let maxSentenceBytes: Int
    /// Words that are abbreviations before their final period (`Lexicon.abbreviations` unless a
    /// tool measures another list).
    let abbreviations: [WordKey: AbbreviationKind]

    enum Decision: Equatable {
        case merge
        case split
        /// Split, but at this later offset (a footnote mark ICU cut in half: `martyr.[` | `1] The`).
        case splitAt(Int)
    }

    // MARK: Keeping or dropping ICU's breaks

    /// Whether ICU's break at `boundary` ends the sentence that started at `start`.
    func decide(start: Int, boundary: Int) -> Decision {
        let s = text.skipSpace(from: start, to: boundary)
        let e = text.trimEnd(s, boundary)
        if s >= e { return .merge }

        if text[boundary - 1] == UInt8(ascii: "["), let end = footnoteEnd(from: boundary) {
            return .splitAt(end)
        }
        if let first = listMarker(at: s, limit: e) {
            if first.end == e { return .merge }  // "1." or "a)" alone is not a sentence.
            if endsWithNextListMarker(after: first, end: e) { return .merge }  // emit splits before it.
        }

        // An emoticon after final punctuation belongs to the sentence before: "Best pizza! ;) The"
        // (`emit` splits after it, before the capital).
        let afterSpace = text.skipSpace(from: boundary, to: text.hi)
        if isEmoticon(at: afterSpace) { return .merge }

        // A closing bracket or quote after a space belongs to the sentence before: "next day. )"
        if afterSpace < text.hi, TextView.isCloser(text.scalar(at: afterSpace).value), text[afterSpace] != 0x22,
           text[afterSpace] != 0x27 {
            return .merge
        }

        let (last, _) = text.scalar(before: e)
        if (last == 0x3F || last == 0x21) && e == boundary {
            // ICU breaks after "?" even with no space: "https://example.org/a.b?c=d", "lol?ok".
            let (next, _) = text.scalar(at: boundary)
            if TextView.isLower(next) || (next < 0x80 && TextView.isDigit(UInt8(next))) { return .merge }
        }
        // Spanish marks a question or exclamation at both ends, and where the writer capitalises
        // sentences a lower-case word after the closing mark goes on with the same sentence:
        // "¿Quién llama? preguntó", "¡Cuidado! dijo"; but "¿en serio? no lo sabía".
        if (last == 0x3F || last == 0x21) && opensWithInvertedMark(closing: last, from: s, to: e)
            && firstLetterIsUpper(from: s, to: e) && nextIsLowercaseWord(boundary) {
            return .merge
        }
        if last == 0x2E {  // "."
            if endsWithSpacedEllipsis(e, floor: s) { return .merge }
            if isInlineListMark(dotAt: e - 1, floor: s) || isLetteredItemAfterSentence(dotAt: e - 1, floor: s) { return .merge }
            if e == boundary && endsWithGluedListNumber(dotAt: e - 1, floor: s) { return .merge }
            if endsWithListNumberAfterColon(dotAt: e - 1, floor: s) { return .merge }
            switch abbreviationKind(dotAt: e - 1, floor: s) {
            case .title?: return .merge
            case .ambiguous?:
                return nextStartsSentence(boundary, afterInitial: isInitial(before: e - 1, floor: s)) ? .split : .merge
            case .beforeNumber?, .trailing?:
                if nextIsDigit(boundary) || nextIsRomanNumeral(boundary) { return .merge }
                return isLowercaseLetter(before: e - 1, floor: s) && nextIsInitial(boundary) ? .merge : .split
            case nil:
                return nextIsDigit(boundary) && !nextIsListNumber(boundary) && isShortWordEndingNoSentence(dotAt: e - 1, floor: s)
                    ? .merge : .split
            }
        }

        // ICU always breaks after ? and !, even before a lowercase word. Across web text that is
        // usually right ("really? no way"), but not after quoted speech: "“Why?” she asked."
        var t = e
        while t > s {
            let (v, n) = text.scalar(before: t)
            guard TextView.isCloser(v) else { break }
            t -= n
        }
        if t > s && t < e {
            let (v, _) = text.scalar(before: t)
            if (v == 0x3F || v == 0x21) && nextContinuesLowercase(boundary) { return .merge }
        }
        return .split
    }

    /// The kind of abbreviation whose final period is at `dot`, if the word before it is one.
    func abbreviationKind(dotAt dot: Int, floor: Int) -> AbbreviationKind? {
        var t = dot
        while t > floor {
            let (v, n) = text.scalar(before: t)
            guard v == 0x2E || TextView.isLetter(v) else { break }
            t -= n
        }
        let count = dot - t
        guard count > 0 else { return nil }
        let number = numberBefore(wordAt: t, floor: floor)
        if let key = WordKey(text.bytes + t, count: count), let kind = abbreviations[key] {
            // A unit after a decimal number can end the sentence: "pesa 2,5 kg. Lo enviaremos".
            if number == .decimal && kind == .ambiguous && !text.contains(0x2E, in: t ..< dot) { return .trailing }
            return kind
        }
        if isDottedAbbreviation(t, dot) { return .ambiguous }  // U.S, a.m, EE.UU, Ph.D
        let (v, n) = text.scalar(at: t)
        if n == count {  // a single letter
            if TextView.isUpper(v) { return number == .decimal ? .trailing : .ambiguous }  // "J. K. Rowling"; "2,2 A."
            if TextView.isLower(v) { return .beforeNumber }  // "p. 55"
        }
        return inferredKind(wordAt: t, dot: dot, number: number)
    }

    enum NumberBefore { case none, integer, decimal }

    /// Whether the word at `t` follows a number and a space ("300 lts.", "3,5 °C.", "5th fl.", with an
    /// optional degree or ordinal sign before the word), and whether that number has a decimal part.
    func numberBefore(wordAt t: Int, floor: Int) -> NumberBefore {
        var end = t
        if end - 2 >= floor && text[end - 2] == 0xC2 && (text[end - 1] == 0xB0 || text[end - 1] == 0xBA) { end -= 2 }  // ° º
        guard end - 2 >= floor, text[end - 1] == 0x20 else { return .none }
        end -= 1
        // An English ordinal counts as its number: "the 5th fl. of", "the 3rd fl. or".
        if end - 3 >= floor, TextView.isDigit(text[end - 3]) {
            switch (text[end - 2], text[end - 1]) {
            case (0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68): end -= 2  // st nd rd th
            default: break
            }
        }
        var start = end
        while start > floor && (TextView.isDigit(text[start - 1]) || text[start - 1] == 0x2C || text[start - 1] == 0x2E) { start -= 1 }
        while start < end && !TextView.isDigit(text[start]) { start += 1 }
        guard start < end, TextView.isDigit(text[end - 1]) else { return .none }
        if start > floor && TextView.isLetter(text.scalar(before: start).value) { return .none }  // "v2 A."
        // One separator with other than three digits after it is a decimal ("3,5", "1.8");
        // "1.200" and "1,200" group thousands.
        var separatorCount = 0, tail = 0
        for i in start ..< end {
            if TextView.isDigit(text[i]) { tail += 1 } else { separatorCount += 1; tail = 0 }
        }
        return separatorCount == 1 && tail != 3 ? .decimal : .integer
    }

    /// The kind of a word no list holds, from its shape: a word of two to four letters without a
    /// vowel, lowercase after its first letter, is an abbreviation before a number ("ch. 3",
    /// "Ch. 3"), and after a number a unit that a lowercase word continues ("300 lts. de agua").
    func inferredKind(wordAt t: Int, dot: Int, number: NumberBefore) -> AbbreviationKind? {
        // Spanish doubles the initial for a plural: "EE. UU.", "RR. HH.", "JJ. OO."; not the
        // Roman numerals that end sentences ("el siglo XX.", "Juan Pablo II.").
        if dot - t == 2 && text[t] == text[t + 1] && text[t] >= 0x41 && text[t] <= 0x5A,
           text[t] != UInt8(ascii: "I") && text[t] != UInt8(ascii: "V") && text[t] != UInt8(ascii: "X") {
            return .ambiguous
        }
        var letters = 0, vowels = 0
        var i = t
        let capitalised = TextView.isUpper(text.scalar(at: t).value)
        while i < dot {
            let (v, n) = text.scalar(at: i)
            if capitalised && i == t {
                if TextView.isVowel(v | 0x20) { vowels += 1 }  // "Ch. 3", not "Eso."
                letters += 1
                i += n
                continue
            }
            guard TextView.isLower(v) else { return nil }
            if TextView.isVowel(v) { vowels += 1 }
            letters += 1
            i += n
        }
        guard vowels == 0 && letters >= 2 && letters <= 4 else { return nil }
        return number != .none && !capitalised ? .trailing : .beforeNumber
    }

    /// Two or more parts of one or two letters separated by periods.
    private func isDottedAbbreviation(_ start: Int, _ end: Int) -> Bool {
        var parts = 0
        var letters = 0
        var i = start
        while i < end {
            let (v, n) = text.scalar(at: i)
            if v == 0x2E {
                guard letters > 0 else { return false }
                parts += 1
                letters = 0
            } else {
                letters += 1
                if letters > 2 { return false }
            }
            i += n
        }
        guard letters > 0 else { return false }
        return parts + 1 >= 2
    }

    /// After an ambiguous abbreviation: does the next word begin a new sentence?
    /// Yes for an opening quote, `¿`, `¡` or a dash, a capitalised common sentence opener ("The",
    /// "He", "Pero") or a capitalised word that text writes in lower case (`EmbeddedWordList.lowercaseWords`: "a.m.
    /// Lunch") or a frequent word the training sentences never write (`EmbeddedWordList.unseenWords`),
    /// unless `afterInitial`; no for names and the words of names ("U.S. Army").
    func nextStartsSentence(_ boundary: Int, afterInitial: Bool = false) -> Bool {
        let j = text.skipSpace(from: boundary, to: text.hi)
        guard j < text.hi else { return false }
        let (v, n) = text.scalar(at: j)
        if TextView.isInvertedMark(v) || TextView.isDash(v) { return true }
        if TextView.isOpener(v) { return v != 0x28 && v != 0x5B }  // a quote, not "(": "10 a.m. (CDT) at"
        guard TextView.isUpper(v) else { return false }
        var k = j + n
        while k < text.hi {
            let (w, m) = text.scalar(at: k)
            guard TextView.isLetter(w) else { break }
            k += m
        }
        if k == j + n && k < text.hi && text[k] == UInt8(ascii: ".") { return false }  // another initial
        if let key = WordKey(text.bytes + j, count: k - j, lowercased: true), Lexicon.sentenceStarters.contains(key) { return true }
        // A capitalised noun before a number labels something: "P.O. Box 1187", "M.A.L.I.C.I.A. Número 3".
        if k < text.hi && text[k] == 0x20 && nextIsDigit(k) { return false }
        if k < text.hi && text[k] == UInt8(ascii: "-") { return false }  // part of a name: "M.S. Al-Sahaf"
        if continuesTitleCase(after: k) { return false }  // "U.S. Food and Drug Administration"
        guard k - j > n else { return false }
        if EmbeddedWordList.lowercaseWords.contains(text.bytes + j, count: k - j) { return true }
        // After an initial a surname is likelier than a sentence ("E. Pardo", "J. Walker"), and a
        // word with its own period is an abbreviation too ("Elm Ave. Apt. 3").
        if afterInitial || (k < text.hi && text[k] == UInt8(ascii: ".")) { return false }
        return EmbeddedWordList.unseenWords.contains(text.bytes + j, count: k - j)
    }

    /// The abbreviation ending at `dot` is one letter ("J", "E"), a name's initial.
    private func isInitial(before dot: Int, floor: Int) -> Bool {
        guard dot > floor else { return false }
        let (v, n) = text.scalar(before: dot)
        return TextView.isLetter(v) && (dot - n == floor || !TextView.isLetter(text.scalar(before: dot - n).value))
    }

    /// Whether the word after `end` (past a space and at most one lower-case word of up to three
    /// letters: "and", "of", "de") is capitalised, as the words of a name are.
    private func continuesTitleCase(after end: Int) -> Bool {
        guard end < text.hi && text[end] == 0x20 else { return false }
        var j = text.skipSpace(from: end, to: text.hi)
        var letters = 0, k = j
        while k < text.hi, TextView.isLower(text.scalar(at: k).value) {
            k += text.scalar(at: k).length
            letters += 1
        }
        if letters > 0 {
            guard letters <= 3, k < text.hi, text[k] == 0x20 else { return false }
            j = text.skipSpace(from: k, to: text.hi)
        }
        return j < text.hi && TextView.isUpper(text.scalar(at: j).value)
    }

    /// "Requisitos: 1. Ser mayor de edad.": a one- or two-digit number (or a Roman numeral: "partes:
    /// I. Antecedentes.") after a word, a colon and a space opens the first item of a list, which
    /// goes on after it ("ganó 3: 2." is a score).
    private func endsWithListNumberAfterColon(dotAt dot: Int, floor: Int) -> Bool {
        var t = dot
        while t > floor && TextView.isDigit(text[t - 1]) { t -= 1 }
        if t == dot {  // "Tres partes: I. Antecedentes."
            while t > floor && (text[t - 1] == 0x49 || text[t - 1] == 0x56 || text[t - 1] == 0x58) { t -= 1 }
            guard t < dot, romanNumeral(at: t, limit: dot + 1) != nil else { return false }
        } else {
            guard dot - t <= 2 else { return false }
        }
        var c = t
        while c > floor && text[c - 1] == UInt8(ascii: " ") { c -= 1 }
        guard c < t && c - 1 > floor && text[c - 1] == UInt8(ascii: ":") else { return false }
        return !TextView.isDigit(text[c - 2]) && text[c - 2] != UInt8(ascii: " ")
    }

    /// Whether the sentence in `start..<end`, which ends with `closing` ("?" or "!"), holds the
    /// inverted mark that opens it ("¿" or "¡").
    private func opensWithInvertedMark(closing: UInt32, from start: Int, to end: Int) -> Bool {
        let second: UInt8 = closing == 0x3F ? 0xBF : 0xA1
        var i = start
        while i + 1 < end {
            if text[i] == 0xC2 && text[i + 1] == second { return true }
            i += 1
        }
        return false
    }

    /// Whether the first letter in `start..<end` is a capital.
    private func firstLetterIsUpper(from start: Int, to end: Int) -> Bool {
        var i = start
        while i < end {
            let (v, n) = text.scalar(at: i)
            if TextView.isLetter(v) { return TextView.isUpper(v) }
            i += n
        }
        return false
    }

    /// Whether the first character after the spaces at `boundary` is a lower-case letter.
    private func nextIsLowercaseWord(_ boundary: Int) -> Bool {
        let j = text.skipSpace(from: boundary, to: text.hi)
        return j < text.hi && TextView.isLower(text.scalar(at: j).value)
    }

    /// "1.Abra la caja" after a colon: ICU breaks between a one- or two-digit list number and the
    /// capital glued to it; the item goes on.
    private func endsWithGluedListNumber(dotAt dot: Int, floor: Int) -> Bool {
        var t = dot
        while t > floor && TextView.isDigit(text[t - 1]) { t -= 1 }
        guard dot - t >= 1 && dot - t <= 2 else { return false }
        return t == floor || text.isSpace(at: t - 1) || text[t - 1] == UInt8(ascii: ":")
    }

    /// A Roman numeral of two or more letters follows: "s. XIX", "cap. IV".
    private func nextIsRomanNumeral(_ boundary: Int) -> Bool {
        var j = text.skipSpace(from: boundary, to: text.hi)
        let start = j
        while j < text.hi, "IVXLCDM".utf8.contains(text[j]) { j += 1 }
        return j - start >= 2 && (j == text.hi || !TextView.isLetter(text.scalar(at: j).value))
    }

    /// The abbreviation ending at `dot` is one lowercase letter ("a", "d").
    private func isLowercaseLetter(before dot: Int, floor: Int) -> Bool {
        isInitial(before: dot, floor: floor) && TextView.isLower(text.scalar(before: dot).value)
    }

    /// A single capital and a period follow: the second part of "a. C.", "d. C.".
    private func nextIsInitial(_ boundary: Int) -> Bool {
        let j = text.skipSpace(from: boundary, to: text.hi)
        guard j < text.hi else { return false }
        let (v, n) = text.scalar(at: j)
        return TextView.isUpper(v) && j + n < text.hi && text[j + n] == UInt8(ascii: ".")
    }

    private func nextIsDigit(_ boundary: Int) -> Bool {
        let j = text.skipSpace(from: boundary, to: text.hi)
        return j < text.hi && TextView.isDigit(text[j])
    }

    /// ICU does not break between "." and a lowercase word, nor before a number followed by one
    /// ("this week. 2005 is"), but in web text ("call me. i will be home.") that is mostly a sentence
    /// boundary. Returns the offset of the next word when the period directly ends an ordinary word
    /// or a number (not an abbreviation, initial or ellipsis).
    private func sentenceAfterPeriod(_ dot: Int, floor: Int, end: Int) -> Int? {
        guard dot > floor, dot + 1 < end, text.isSpace(at: dot + 1) else { return nil }
        let k = text.skipSpace(from: dot + 1, to: end)
        guard k < end else { return nil }
        let (next, _) = text.scalar(at: k)
        let nextIsDigit = next < 0x80 && TextView.isDigit(UInt8(next))
        guard nextIsDigit || TextView.isLower(next) else { return nil }
        if isInlineListMark(dotAt: dot, floor: floor) { return nil }
        let (before, _) = text.scalar(before: dot)
        if before < 0x80 && TextView.isDigit(UInt8(before)) { return k }
        guard TextView.isLetter(before) else { return nil }
        var t = dot
        while t > floor {
            let (v, n) = text.scalar(before: t)
            if v == 0x2E { return nil }  // dotted abbreviation: "U.S. citizens", "a.m. and"
            guard TextView.isLetter(v) else { break }
            t -= n
        }
        if text.scalar(at: t).length == dot - t { return nil }  // single letter: "J. smith", "8 a. m. y"
        if t > floor && TextView.isDigit(text[t - 1]) && isSpanishOrdinalSuffix(t, dot) { return nil }  // "el 1er. lugar"
        if let key = WordKey(text.bytes + t, count: dot - t), let kind = abbreviations[key] {
            // "No." and "art." are ordinary words before a lowercase word ("i said no. he left").
            if nextIsDigit || kind != .beforeNumber { return nil }
        } else if let kind = inferredKind(wordAt: t, dot: dot, number: numberBefore(wordAt: t, floor: floor)) {
            if nextIsDigit || kind != .beforeNumber { return nil }
        } else if isRareShortLowercaseWord(t, dot) {
            return nil  // "el párr. 3", "del cte. mes"
        } else if nextIsDigit && !nextIsListNumber(k) && isShortWordEndingNoSentence(dotAt: dot, floor: floor) {
            return nil  // "Eq. 12", "la secc. 5"
        }
        return k
    }

    /// Whether a numbered list item follows the spaces at `boundary`: a number glued to its item
    /// ("2.Remove"), the first one ("1. Fold"), or one whose predecessor opens an earlier item in
    /// the 2,000 bytes before it ("1. Open the lid. 2. Rinse"). Without that a number after a period is part of
    /// a reference: "compare Fig. 3 with Tab. 2. The authors".
    private func nextIsListNumber(_ boundary: Int) -> Bool {
        let j = text.skipSpace(from: boundary, to: text.hi)
        guard let marker = listMarker(at: j, limit: text.hi), marker.style == .number, marker.end < text.hi else { return false }
        if marker.value == 1 || !text.isSpace(at: marker.end) { return true }
        var i = max(text.lo, j - 2000)  // a bounded look back: an item's text is not longer
        while i < j {
            if (i == text.lo || text.isSpace(at: i - 1)), TextView.isDigit(text[i]), let earlier = listMarker(at: i, limit: j),
               earlier.style == .number, earlier.value == marker.value - 1 {
                return true
            }
            i += 1
        }
        return false
    }

    /// Before a number, a word of two to five letters (lower case after the first) that ends no
    /// training sentence (`EmbeddedWordList.finalWords`) reads as an abbreviation: "Eq. 12", "la secc. 5", "para. 3".
    private func isShortWordEndingNoSentence(dotAt dot: Int, floor: Int) -> Bool {
        var t = dot, letters = 0
        while t > floor {
            let (v, n) = text.scalar(before: t)
            guard TextView.isLetter(v) else { break }
            t -= n
            letters += 1
        }
        guard letters >= 2 && letters <= 5 else { return false }
        if t > floor && !text.isSpace(at: t - 1) && !TextView.isOpener(text.scalar(before: t).value) { return false }
        var i = text.scalar(at: t).length + t
        while i < dot {
            let (v, n) = text.scalar(at: i)
            guard TextView.isLower(v) else { return false }
            i += n
        }
        return !EmbeddedWordList.finalWords.contains(text.bytes + t, count: dot - t)
    }

    /// A word of two to four lower-case letters that is not a frequent short word (`EmbeddedWordList.shortWords`) reads as an abbreviation before a lower-case word or a
    /// number: "párr. 3", "cte. mes". Capitalised and all-caps words are left to split: before a
    /// lower-case word they are mostly names and acronyms ending a sentence ("the IAEA. it").
    private func isRareShortLowercaseWord(_ t: Int, _ dot: Int) -> Bool {
        var letters = 0
        var i = t
        while i < dot {
            let (v, n) = text.scalar(at: i)
            guard TextView.isLower(v) else { return false }
            letters += 1
            i += n
        }
        return letters >= 2 && letters <= 4 && !EmbeddedWordList.shortWords.contains(text.bytes + t, count: dot - t)
    }


    /// "er", "do", "ra", "da", "ro", "to", "vo", "no", "mo": the letters after the digits of a
    /// Spanish ordinal ("1er", "2do", "3ra"). English "5th." ends sentences ("saturday Nov 5th. preferably").
    private func isSpanishOrdinalSuffix(_ t: Int, _ dot: Int) -> Bool {
        guard dot - t == 2 else { return false }
        switch (text[t], text[t + 1]) {
        case (0x65, 0x72), (0x64, 0x6F), (0x72, 0x61), (0x64, 0x61), (0x72, 0x6F), (0x74, 0x6F), (0x76, 0x6F), (0x6E, 0x6F), (0x6D, 0x6F):
            return true
        default:
            return false
        }
    }

    /// Whether an emoticon (":)", ";-)", ":D", ":(", ":P") stands at `i`, followed by a space or the end.
    private func isEmoticon(at i: Int) -> Bool {
        guard let e = emoticonEnd(at: i, limit: text.hi) else { return false }
        return e == text.hi || text.isSpace(at: e)
    }

    /// The offset just after an emoticon (":)", ";-)", ":D", ":(", ":P") that starts at `i` and
    /// ends before `limit`, if one does.
    private func emoticonEnd(at i: Int, limit: Int) -> Int? {
        guard i < limit, text[i] == UInt8(ascii: ":") || text[i] == UInt8(ascii: ";") else { return nil }
        var j = i + 1
        if j < limit && text[j] == UInt8(ascii: "-") { j += 1 }
        guard j < limit else { return nil }
        switch text[j] {
        case UInt8(ascii: ")"), UInt8(ascii: "("), UInt8(ascii: "D"), UInt8(ascii: "P"): return j + 1
        default: return nil
        }
    }

    /// An emoticon (":)", ";-)", ":D", ":(") at `i` followed by a space and a capital ends a sentence:
    /// "Iguazu is in Argentina :) How much is a big mac?" Returns the offset of the capital.
    private func sentenceAfterEmoticon(_ i: Int, end: Int) -> Int? {
        guard let e = emoticonEnd(at: i, limit: end), e < end, text.isSpace(at: e) else { return nil }
        let k = text.skipSpace(from: e, to: end)
        var w = k
        while w < end, TextView.isOpener(text.scalar(at: w).value) { w += text.scalar(at: w).length }
        guard w < end else { return nil }
        let v = text.scalar(at: w).value
        return TextView.isUpper(v) || TextView.isInvertedMark(v) ? k : nil
    }

    /// The next word (after spaces and dashes) starts with a lowercase letter.
    private func nextContinuesLowercase(_ boundary: Int) -> Bool {
        var j = boundary
        while j < text.hi {
            let (v, n) = text.scalar(at: j)
            if TextView.isSpace(v) || TextView.isDash(v) { j += n; continue }
            return TextView.isLower(v)
        }
        return false
    }

    /// " . . ." (three spaced periods, MLA style) marks an omission inside a sentence;
    /// a fourth period (". . . .") ends it.
    private func endsWithSpacedEllipsis(_ e: Int, floor: Int) -> Bool {
        guard e - 7 >= floor else { return false }
        let dot = UInt8(ascii: "."), space = UInt8(ascii: " ")
        return text[e - 1] == dot && text[e - 2] == space && text[e - 3] == dot && text[e - 4] == space
            && text[e - 5] == dot && text[e - 6] == space && text[e - 7] != dot
    }

    /// ICU breaks inside a footnote mark after a period ("martyr.[" | "1] The"); returns the end of
    /// the mark(s), e.g. after "[1][2]", or nil if `boundary` does not start one.
    private func footnoteEnd(from boundary: Int) -> Int? {
        var i = boundary
        var found: Int?
        while true {
            var j = i
            while j < text.hi && j - i <= 32 {
                let b = text[j]
                if b == UInt8(ascii: "]") || b == UInt8(ascii: "[") || b == UInt8(ascii: ".") || b == UInt8(ascii: "?")
                    || b == UInt8(ascii: "!") || b == 0x0A { break }
                j += 1
            }
            guard j > i, j < text.hi, text[j] == UInt8(ascii: "]") else { return found }
            found = j + 1
            guard j + 2 < text.hi, text[j + 1] == UInt8(ascii: "[") else { return found }
            i = j + 2
        }
    }

    // MARK: List items ("1. … 2. …", "a) … b) …", "• 9. … • 10. …")

    struct ListMarker {
        enum Style: Equatable { case number, lowerLetter, upperLetter, roman, lowerRoman }
        var style: Style
        var value: Int
        /// 1 = ".", 2 = ")", 3 = ".)"
        var punctuation: Int
        /// Offset just after the marker's punctuation.
        var end: Int

        /// Uppercase letters with a period ("A.") are initials too often to continue a list.
        var canContinueList: Bool { !(style == .upperLetter && punctuation == 1) }

        func isFollowed(by next: ListMarker) -> Bool {
            canContinueList && next.style == style && next.punctuation == punctuation && next.value > value
        }
    }

    /// The value and length of the Roman numeral I…XII at `i` ("IV." → 4), if one is there and a
    /// list mark ("." or ")") follows it.
    /// With `lowercase`, the same for ii…xii, of two letters or more ("iii. The lessee"): one
    /// letter ("i.", "v.") reads as a lettered item.
    func romanNumeral(at i: Int, limit: Int, lowercase: Bool = false) -> (value: Int, length: Int)? {
        let caseBit: UInt8 = lowercase ? 0x20 : 0
        var k = i
        while k < limit && k - i < 4 && (text[k] == 0x49 | caseBit || text[k] == 0x56 | caseBit || text[k] == 0x58 | caseBit) { k += 1 }  // I V X
        guard k - i >= (lowercase ? 2 : 1), k < limit, text[k] == UInt8(ascii: ".") || text[k] == UInt8(ascii: ")"),
              let value = romanValue(from: i, to: k) else { return nil }
        return (value, k - i)
    }

    /// The value of the Roman numeral I…XII (or i…xii) written in `start..<end`, if it is one.
    private func romanValue(from start: Int, to end: Int) -> Int? {
        guard end > start, end - start <= 4 else { return nil }
        var code = 0  // the letters as base-4 digits, I = 1, V = 2, X = 3: no allocation
        for b in start ..< end {
            switch text[b] | 0x20 {
            case 0x69: code = code * 4 + 1
            case 0x76: code = code * 4 + 2
            case 0x78: code = code * 4 + 3
            default: return nil
            }
        }
        switch code {
        case 1: return 1  // I
        case 5: return 2  // II
        case 21: return 3  // III
        case 6: return 4  // IV
        case 2: return 5  // V
        case 9: return 6  // VI
        case 37: return 7  // VII
        case 149: return 8  // VIII
        case 7: return 9  // IX
        case 3: return 10  // X
        case 13: return 11  // XI
        case 53: return 12  // XII
        default: return nil
        }
    }

    /// How an item of a list written inside a sentence is numbered.
    private enum InlineNumbering: Equatable { case digits, upperRoman, lowerRoman }

    /// The numbering and value of the list mark written in `start..<end` (before its period): one
    /// or two digits, or a Roman numeral all in capitals or all in lower case.
    private func inlineMark(from start: Int, to end: Int) -> (numbering: InlineNumbering, value: Int)? {
        guard end > start else { return nil }
        if TextView.isDigit(text[start]) {
            guard end - start <= 2, (start ..< end).allSatisfy({ TextView.isDigit(text[$0]) }) else { return nil }
            let value = (start ..< end).reduce(0) { $0 * 10 + Int(text[$1] - 0x30) }
            return value > 0 ? (.digits, value) : nil
        }
        let upper = text[start] < 0x60
        guard (start ..< end).allSatisfy({ (text[$0] < 0x60) == upper }), let value = romanValue(from: start, to: end) else { return nil }
        return (upper ? .upperRoman : .lowerRoman, value)
    }

    /// Whether the period at `dot` closes a lettered list mark that opens a sentence ICU did not
    /// break before: "Answer both questions. a. Explain the causes." (the break before the letter
    /// comes from `emit`, as before any lower-case word after a period).
    private func isLetteredItemAfterSentence(dotAt dot: Int, floor: Int) -> Bool {
        guard dot - 3 >= floor, text[dot - 1] >= 0x61, text[dot - 1] <= 0x7A, text[dot - 2] == 0x20 else { return false }
        let t = startOfTrailingSpaceAndClosers(before: dot - 1, floor: floor)
        guard t - 3 >= floor else { return false }
        let (v, _) = text.scalar(before: t)
        if v == 0x3F || v == 0x21 { return true }
        // A period after a word of two letters or more: not the "p." of "7 p. m.".
        return v == 0x2E && TextView.isLetter(text.scalar(before: t - 1).value) && !isInitial(before: t - 1, floor: floor)
    }

    /// Whether the period at `dot` closes the mark of a list written inside a sentence: "remember
    /// to 1. lock the door, 2. feed the cat", "tres partes: I. Antecedentes, II. Métodos y III.
    /// Resultados". The mark follows a word and a space, and the list's next mark comes later in
    /// the paragraph or its previous one earlier in the sentence (within 400 bytes), each as a
    /// word of its own with a period and a space after it. A sentence seldom ends in such a run.
    func isInlineListMark(dotAt dot: Int, floor: Int) -> Bool {
        // Most periods end a word whose last letter can end no list mark.
        guard dot > floor else { return false }
        switch text[dot - 1] | 0x20 {
        case 0x30 ... 0x39, 0x69, 0x76, 0x78: break  // digits (0x30...0x39 | 0x20 is itself), i, v, x
        default: return false
        }
        var t = dot
        while t > floor && (TextView.isLetter(UInt32(text[t - 1])) || TextView.isDigit(text[t - 1])) { t -= 1 }
        guard t - floor >= 2, text[t - 1] == 0x20, text[t - 2] != 0x20, text[t - 2] != UInt8(ascii: "."),
              let mark = inlineMark(from: t, to: dot) else { return false }
        func isMark(_ value: Int, at start: Int, _ end: Int) -> Bool {
            guard value > 0, start > text.lo, text[start - 1] == 0x20, end + 1 < text.hi, text[end] == UInt8(ascii: "."),
                  text[end + 1] == 0x20, let other = inlineMark(from: start, to: end) else { return false }
            return other.numbering == mark.numbering && other.value == value
        }
        // Marks are at most four bytes long: try each word start followed by a period within that.
        func hasMark(_ value: Int, in range: Range<Int>) -> Bool {
            var i = range.lowerBound
            while i < range.upperBound {
                if text[i] == 0x20 {
                    var end = i + 1
                    while end < range.upperBound && end - i <= 5 && text[end] != UInt8(ascii: ".") && text[end] != 0x20 { end += 1 }
                    if end < range.upperBound && text[end] == UInt8(ascii: ".") && isMark(value, at: i + 1, end) { return true }
                }
                i += 1
            }
            return false
        }
        return hasMark(mark.value + 1, in: dot + 1 ..< max(dot + 1, min(text.hi - 1, dot + 400)))
            || hasMark(mark.value - 1, in: max(floor, t - 400) ..< t - 1)
    }

    /// A list marker at `i` (after optional bullets and spaces), followed by a space or `limit`
    /// (or, for "1.", by a capital).
    func listMarker(at i: Int, limit: Int) -> ListMarker? {
        var j = i
        var guardSteps = 0
        while j < limit && guardSteps < 4 {
            let (v, n) = text.scalar(at: j)
            if TextView.isBullet(v) || TextView.isSpace(v) { j += n; guardSteps += 1 } else { break }
        }
        guard j < limit else { return nil }
        var style: ListMarker.Style
        var value = 0
        var k = j
        if TextView.isDigit(text[k]) {
            while k < limit && TextView.isDigit(text[k]) && k - j < 3 {
                value = value * 10 + Int(text[k] - 0x30)
                k += 1
            }
            style = .number
        } else if text[k] == 0x49 || text[k] == 0x56 || text[k] == 0x58, let (roman, length) = romanNumeral(at: k, limit: limit) {
            style = .roman
            value = roman
            k += length
        } else if let (roman, length) = romanNumeral(at: k, limit: limit, lowercase: true) {
            style = .lowerRoman
            value = roman
            k += length
        } else {
            let b = text[k]
            if b >= 0x61 && b <= 0x7A { style = .lowerLetter; value = Int(b - 0x61) }
            else if b >= 0x41 && b <= 0x5A { style = .upperLetter; value = Int(b - 0x41) }
            else { return nil }
            k += 1
        }
        guard k < limit else { return nil }
        var punctuation = 0
        if text[k] == UInt8(ascii: ".") {
            punctuation = 1
            k += 1
            if k < limit && text[k] == UInt8(ascii: ")") { punctuation = 3; k += 1 }
        } else if text[k] == UInt8(ascii: ")") {
            punctuation = 2
            k += 1
        } else {
            return nil
        }
        // "1.Abrir la caja", "1)Abrir": a numbered item may start right after its mark, with a capital.
        let glued = style == .number && punctuation <= 2 && k < limit && TextView.isUpper(text.scalar(at: k).value)
        guard k == limit || text.isSpace(at: k) || glued else { return nil }
        return ListMarker(style: style, value: value, punctuation: punctuation, end: k)
    }

    /// The sentence started with list marker `first` and its last word is a later marker of the same list.
    private func endsWithNextListMarker(after first: ListMarker, end e: Int) -> Bool {
        guard first.canContinueList else { return false }
        var t = e
        while t > first.end {
            let (v, n) = text.scalar(before: t)
            if TextView.isSpace(v) { break }
            t -= n
        }
        guard t > first.end, let last = listMarker(at: t, limit: e), last.end == e else { return false }
        return first.isFollowed(by: last)
    }

    // MARK: Emitting sentences

    /// Appends the sentences in `start..<end` (one ICU segment after merging) to `ranges`,
    /// adding the breaks ICU does not make.
    func emit(start: Int, end: Int, into ranges: inout [Range<Int>]) {
        var pieceStart = start
        var list = listMarker(at: text.skipSpace(from: start, to: end), limit: end)
        if let marker = list, !marker.canContinueList { list = nil }
        var i = start
        while i < end {
            if list == nil {
                // Fast path: skip bytes that cannot add a break (spaces matter only inside lists),
                // 8 at a time, then one at a time up to the next candidate.
                while i &+ 8 <= end && !SentenceRules.hasCandidate(text.bytes + i) { i &+= 8 }
                while i < end && !SentenceRules.isCandidate(text[i]) { i &+= 1 }
                if i >= end { break }
            }
            let b = text[i]
            var split = -1
            if b >= 0xC2 {
                if b == 0xC2 && i + 1 < end && (text[i + 1] == 0xBF || text[i + 1] == 0xA1) {
                    // "Vale. ¿y tú?" — ICU only breaks before "¿" when an uppercase letter follows it.
                    if invertedMarkStartsSentence(i, floor: pieceStart, end: end) { split = i }
                } else if b == 0xE2 && i + 2 < end && text[i + 1] == 0x80 {
                    let b2 = text[i + 2]
                    if b2 == 0xA6 {
                        // ICU does not treat "…" as a terminator (it does "...").
                        split = capitalAfterEllipsis(i + 3, end: end) ?? -1
                    } else if (b2 == 0x93 || b2 == 0x94 || b2 == 0x95) && dashStartsSentence(i, length: 3, floor: pieceStart, end: end) {
                        // ICU never breaks before a dash ("Sí. —Vamos."): dashes are SContinue.
                        split = i
                    }
                }
            } else if b == UInt8(ascii: ".") {
                split = sentenceAfterPeriod(i, floor: pieceStart, end: end) ?? -1
            } else if b == UInt8(ascii: ":") || b == UInt8(ascii: ";") {
                split = sentenceAfterEmoticon(i, end: end) ?? -1
            } else if b == UInt8(ascii: "-") {
                if dashStartsSentence(i, length: 1, floor: pieceStart, end: end) { split = i }
            } else if let current = list, b == 0x20 || b == 0x09 {
                if let next = listMarker(at: i + 1, limit: end), current.isFollowed(by: next), next.value == current.value + 1 {
                    split = i + 1
                }
            }
            if split > pieceStart {
                appendTrimmedAndCapped(pieceStart, split, into: &ranges)
                pieceStart = split
                list = listMarker(at: split, limit: end)
                if let marker = list, !marker.canContinueList { list = nil }
                i = max(split, i + 1)
            } else {
                i += 1
            }
        }
        appendTrimmedAndCapped(pieceStart, end, into: &ranges)
    }

    /// Bytes that can start an added break outside lists: "-", ".", ":", ";" and the lead bytes
    /// 0xC2 (¿ ¡) and 0xE2 (… — –).
    @inline(__always)
    static func isCandidate(_ b: UInt8) -> Bool {
        b == 0x2D || b == 0x2E || b | 1 == 0x3B || b | 0x20 == 0xE2
    }

    /// Whether any of the 8 bytes at `p` is a candidate (SWAR: a byte equal to c gives a zero byte
    /// in `word ^ c`, and `(x - 0x01…) & ~x & 0x80…` is non-zero exactly when `x` has a zero byte).
    @inline(__always)
    static func hasCandidate(_ p: UnsafePointer<UInt8>) -> Bool {
        let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
        let dash = word ^ 0x2D2D_2D2D_2D2D_2D2D
        let dot = word ^ 0x2E2E_2E2E_2E2E_2E2E
        let colon = (word | ones) ^ 0x3B3B_3B3B_3B3B_3B3B  // ":" or ";"
        let lead = (word | 0x2020_2020_2020_2020) ^ 0xE2E2_E2E2_E2E2_E2E2  // 0xC2 or 0xE2
        return (zeroBytes(dash) | zeroBytes(dot) | zeroBytes(colon) | zeroBytes(lead)) & 0x8080_8080_8080_8080 != 0
    }

    /// Where the run of spaces and closing quotes/brackets that ends at `i` begins (not below `floor`).
    private func startOfTrailingSpaceAndClosers(before i: Int, floor: Int) -> Int {
        var t = i
        while t > floor {
            let (v, n) = text.scalar(before: t)
            guard TextView.isSpace(v) || TextView.isCloser(v) else { break }
            t -= n
        }
        return t
    }

    /// Whether the text before `i` (over spaces and closing quotes) ends with . ? ! or …
    private func followsTerminal(_ i: Int, floor: Int) -> Bool {
        let t = startOfTrailingSpaceAndClosers(before: i, floor: floor)
        guard t > floor else { return false }
        return TextView.isTerminal(text.scalar(before: t).value)
    }

    /// A `¿` or `¡` at `i` after . ? or ! begins a sentence. After an ellipsis only when a capital
    /// follows, as for "Wait... what?": "Espera... ¿qué dijiste?" stays one sentence.
    private func invertedMarkStartsSentence(_ i: Int, floor: Int, end: Int) -> Bool {
        let t = startOfTrailingSpaceAndClosers(before: i, floor: floor)
        guard t > floor else { return false }
        // A list mark opens the question: "1. ¿Cuál es la capital?", "b) ¡Nunca!".
        if let mark = listMarker(at: floor, limit: end), mark.end == t { return false }
        let (v, n) = text.scalar(before: t)
        guard TextView.isTerminal(v) else { return false }
        let isEllipsis = v == 0x2026 || (v == 0x2E && t - n > floor && text[t - n - 1] == 0x2E)
        guard isEllipsis else { return true }
        var k = i
        while k < end, TextView.isInvertedMark(text.scalar(at: k).value) { k += 2 }
        return k < end && TextView.isUpper(text.scalar(at: k).value)
    }

    /// "I waited… The bus": the offset of the capitalised word (or its opening quote, `¿`, `¡`).
    private func capitalAfterEllipsis(_ i: Int, end: Int) -> Int? {
        var j = i
        while j < end, TextView.isCloser(text.scalar(at: j).value) { j += text.scalar(at: j).length }
        let k = text.skipSpace(from: j, to: end)
        guard k > j, k < end else { return nil }
        var w = k
        while w < end, TextView.isOpener(text.scalar(at: w).value) { w += text.scalar(at: w).length }
        guard w < end else { return nil }
        let v = text.scalar(at: w).value
        return TextView.isUpper(v) || TextView.isInvertedMark(v) ? k : nil
    }

    /// "—¿Vienes? —Sí." splits before the second dash; "—¿Vienes? —preguntó ella." does not.
    private func dashStartsSentence(_ i: Int, length: Int, floor: Int, end: Int) -> Bool {
        guard i > floor, TextView.isSpace(text.scalar(before: i).value) else { return false }
        guard followsTerminal(i, floor: floor) else { return false }
        let k = text.skipSpace(from: i + length, to: end)
        guard k < end else { return false }
        let v = text.scalar(at: k).value
        return TextView.isUpper(v) || TextView.isInvertedMark(v) || TextView.isOpener(v)
    }

    /// Trims `start..<end` and appends it, cut into pieces of at most `maxSentenceBytes`.
    func appendTrimmedAndCapped(_ start: Int, _ end: Int, into ranges: inout [Range<Int>]) {
        var a = text.skipSpace(from: start, to: end)
        let b = text.trimEnd(a, end)
        while b - a > maxSentenceBytes {
            let limit = a + maxSentenceBytes
            var cut = -1
            var w = limit
            while w > a {
                if text.isSpace(at: w) { cut = w; break }
                w -= 1
            }
            if cut > a {
                ranges.append(a ..< text.trimEnd(a, cut))
                a = text.skipSpace(from: cut, to: b)
                continue
            }
            // No whitespace: cut before the character that straddles the cap.
            var c = limit
            var steps = 0
            while c > a && steps < 3 && text[c] & 0xC0 == 0x80 { c -= 1; steps += 1 }
            if c == a || text[c] & 0xC0 == 0x80 { c = limit }
            ranges.append(a ..< c)
            a = text.skipSpace(from: c, to: b)
        }
        if a < b { ranges.append(a ..< b) }
    }
}
