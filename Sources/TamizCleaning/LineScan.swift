/// What the document-level rules need to know about one line's words, measured in one pass over
/// its bytes with no allocation: words are folded like ``TextNormalizer`` does (letters and
/// digits, ASCII and Latin-1 capitals lowered, accents kept), hashed once each, and the phrase
/// keys of the last one to four words are combined from those word keys.
struct LineScan {
    /// Words holding at least one letter.
    var words = 0
    /// Words made of digits only (years, times, counts).
    var numbers = 0
    /// Words that are English / Spanish / either function words.
    var englishStops = 0
    var spanishStops = 0
    var stops = 0
    /// Non-function words with letters, and how many of them start with a capital.
    var contentWords = 0
    var capitalized = 0
    /// A lower-case letter followed by a capital inside one word (`contentSkip`): menu items
    /// glued together by the scraper.
    var glued = 0
    /// `|`, `•` and `·` separators, as between the items of a link list.
    var separators = 0
    /// Sentence ends followed by another sentence (`. T`), so `sentenceBreaks + 1` sentences.
    var sentenceBreaks = 0
    /// Month, weekday and dateline words.
    var dateWords = 0
    /// The union of the flags of all words and phrases in the line (stop-word flags excluded).
    var cues: WordFlags = []
    /// The flags of the first word.
    var firstWord: WordFlags = []
    /// The flags of the words and phrases that end within the first three words.
    var leadingCues: WordFlags = []
    /// The key of the whole folded line (all its words): equal lines have equal keys.
    var lineKey: UInt64 = WordKey.seed

    /// The language the line's function words point to, if any.
    var stopLanguage: Int8 {
        englishStops > spanishStops ? 1 : spanishStops > englishStops ? 2 : 0
    }

    init() {}

    init(_ line: UnsafeBufferPointer<UInt8>, table: WordTable, longestPhrase: Int) {
        var hash = WordKey.fnvOffset
        var inWord = false
        var wordHasLetter = false
        var wordCapitalized = false
        var previousLower = false
        var terminalPending = false
        var breakPending = false
        // Phrase keys of the last 1…4 words (index 0 = one word).
        var phrase1 = WordKey.seed, phrase2 = WordKey.seed, phrase3 = WordKey.seed
        var wordIndex = 0
        let count = line.count

        @inline(__always) func endWord() {
            let key = hash | 1
            let next3 = WordKey.combine(phrase3, key)
            let next2 = WordKey.combine(phrase2, key)
            let next1 = WordKey.combine(phrase1, key)
            let single = WordKey.combine(WordKey.seed, key)
            lineKey = WordKey.combine(lineKey, key)
            let flags = table.flags(single)
            var phraseFlags = flags
            if wordIndex >= 1 { phraseFlags.formUnion(table.flags(next1)) }
            if wordIndex >= 2 && longestPhrase >= 3 { phraseFlags.formUnion(table.flags(next2)) }
            if wordIndex >= 3 && longestPhrase >= 4 { phraseFlags.formUnion(table.flags(next3)) }
            phraseFlags.subtract([.englishStop, .spanishStop])
            if wordIndex == 0 { firstWord = flags }
            if wordIndex < 3 { leadingCues.formUnion(phraseFlags) }
            phrase3 = next2
            phrase2 = next1
            phrase1 = single
            wordIndex += 1
            if wordHasLetter {
                words += 1
                let isEnglish = flags.contains(.englishStop)
                let isSpanish = flags.contains(.spanishStop)
                if isEnglish { englishStops += 1 }
                if isSpanish { spanishStops += 1 }
                if isEnglish || isSpanish {
                    stops += 1
                } else {
                    contentWords += 1
                    if wordCapitalized { capitalized += 1 }
                }
            } else {
                numbers += 1
            }
            if flags.contains(.dateWord) { dateWords += 1 }
            cues.formUnion(phraseFlags)
            inWord = false
            hash = WordKey.fnvOffset
        }

        @inline(__always) func startWord(capital: Bool) {
            inWord = true
            wordHasLetter = false
            wordCapitalized = capital
            previousLower = false
            if breakPending && capital { sentenceBreaks += 1 }
            breakPending = false
            terminalPending = false
        }

        var index = 0
        while index < count {
            let byte = line[index]
            if byte < 0x80 {
                let lower = byte | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    let isUpper = byte < 0x61
                    if !inWord {
                        startWord(capital: isUpper)
                    } else if isUpper && previousLower {
                        glued += 1
                    }
                    wordHasLetter = true
                    previousLower = !isUpper
                    hash = (hash ^ UInt64(lower)) &* WordKey.fnvPrime
                } else if byte >= 0x30 && byte <= 0x39 {
                    if !inWord { startWord(capital: false) }
                    previousLower = false
                    hash = (hash ^ UInt64(byte)) &* WordKey.fnvPrime
                } else {
                    if inWord { endWord() }
                    switch byte {
                    case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"):
                        terminalPending = true
                        breakPending = false
                    case 0x20, 0x09:
                        if terminalPending { breakPending = true }
                        terminalPending = false
                    case UInt8(ascii: "|"):
                        separators += 1
                    case UInt8(ascii: "/"):
                        if index > 0 && line[index - 1] == 0x20 { separators += 1 }  // `Tag /Tag`
                        terminalPending = false
                    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"):
                        break  // closing quotes and brackets keep a pending break
                    default:
                        terminalPending = false
                    }
                }
                index += 1
                continue
            }
            let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let isSymbol = byte == 0xC2 || byte == 0xE2 || byte == 0xEF || byte >= 0xF0 || byte < 0xC2
            if isSymbol || index + width > count {
                if inWord { endWord() }
                if byte == 0xC2 && index + 1 < count {
                    let second = line[index + 1]
                    if second == 0xB7 { separators += 1 }  // ·
                    if second == 0xA0 && terminalPending { breakPending = true; terminalPending = false }
                } else if byte == 0xE2 && index + 2 < count && line[index + 1] == 0x80 {
                    let third = line[index + 2]
                    if third == 0xA2 { separators += 1 }  // •
                    if third == 0xA6 { terminalPending = true }  // …
                }
                index += width
                continue
            }
            let second = line[index + 1]
            let isCapital = width == 2 && byte == 0xC3 && second >= 0x80 && second <= 0x9E && second != 0x97
            if !inWord { startWord(capital: isCapital) }
            wordHasLetter = true
            previousLower = !isCapital
            hash = (hash ^ UInt64(byte)) &* WordKey.fnvPrime
            hash = (hash ^ UInt64(isCapital ? second + 0x20 : second)) &* WordKey.fnvPrime
            if width > 2 {
                for offset in 2..<width { hash = (hash ^ UInt64(line[index + offset])) &* WordKey.fnvPrime }
            }
            index += width
        }
        if inWord { endWord() }
    }

    /// The key of a phrase as the scanner builds it for a line made of exactly that phrase.
    static func key(of phrase: String) -> (key: UInt64, words: Int) {
        var bytes = Array(phrase.utf8)
        bytes.append(0x20)
        let scan = bytes.withUnsafeBufferPointer { LineScan($0, table: WordTable(capacity: 1), longestPhrase: 1) }
        return (scan.lineKey, scan.words + scan.numbers)
    }

    /// The key of a single word (as looked up for one-word phrases).
    static func wordKey(of phrase: String) -> UInt64 { key(of: phrase).key }

    /// Calls `body` with the key of every word of `line` that has at least four bytes and is
    /// not a function word (the words that carry a line's topic).
    static func forEachTopicWord(
        _ line: UnsafeBufferPointer<UInt8>, table: WordTable, _ body: (UInt64) -> Void
    ) {
        var hash = WordKey.fnvOffset
        var length = 0
        var index = 0
        let count = line.count
        func finish() {
            if length >= 4 {
                let key = WordKey.combine(WordKey.seed, hash | 1)
                let flags = table.flags(key)
                if !flags.contains(.englishStop) && !flags.contains(.spanishStop) { body(key) }
            }
            hash = WordKey.fnvOffset
            length = 0
        }
        while index < count {
            let byte = line[index]
            if byte < 0x80 {
                let lower = byte | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    let folded = lower >= 0x61 && lower <= 0x7A ? lower : byte
                    hash = (hash ^ UInt64(folded)) &* WordKey.fnvPrime
                    length += 1
                } else if length > 0 {
                    finish()
                }
                index += 1
                continue
            }
            let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let isSymbol = byte == 0xC2 || byte == 0xE2 || byte == 0xEF || byte >= 0xF0 || byte < 0xC2
            if isSymbol || index + width > count {
                if length > 0 { finish() }
                index += width
                continue
            }
            let second = line[index + 1]
            let isCapital = width == 2 && byte == 0xC3 && second >= 0x80 && second <= 0x9E && second != 0x97
            hash = (hash ^ UInt64(byte)) &* WordKey.fnvPrime
            hash = (hash ^ UInt64(isCapital ? second + 0x20 : second)) &* WordKey.fnvPrime
            if width > 2 {
                for offset in 2..<width { hash = (hash ^ UInt64(line[index + offset])) &* WordKey.fnvPrime }
            }
            length += width
            index += width
        }
        if length > 0 { finish() }
    }
}
