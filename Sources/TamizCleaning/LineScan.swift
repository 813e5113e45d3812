import TamizBytes
/// Everything the cleaning rules need to know about one line, measured in one pass over its bytes
/// with no allocation.
///
/// ``LineFeatures`` is its public view. Two word notions are kept apart. *Words* (whitespace-separated,
/// holding a letter) drive the v0 rules (`short`, the 60-word limit for banners, the 12-word limit
/// for `repeated`). *Folded words* — runs of letters and digits, ASCII and Latin-1 capitals
/// lowered, accents kept (`menú` and `menu` differ) — are hashed once each (``WordHasher``) and
/// drive everything lexical: function words, cues, line keys. Phrase keys are combined from word
/// keys (``WordKey/combine(_:_:)``), and only computed when a word can end a listed phrase.
struct LineScan {
    /// Whitespace-separated words that hold a letter (``LineFeatures/words``).
    var spacedWords: Int { get { Int(_spacedWords) } set { _spacedWords = Int32(truncatingIfNeeded: newValue) } }
    private var _spacedWords: Int32 = 0
    /// Whether any scalar is a letter (``LineFeatures/hasLetter``; see there for what is a letter).
    var hasLetter = false
    /// Whether the line holds any byte other than ASCII whitespace and U+00A0.
    var hasNonSpace = false
    /// Whether the line ends in sentence punctuation (``LineFeatures/endsWithSentencePunctuation``).
    var punctuated = false

    /// Folded words holding at least one letter.
    var words: Int { get { Int(_words) } set { _words = Int32(truncatingIfNeeded: newValue) } }
    private var _words: Int32 = 0
    /// Folded words made of digits only (years, times, counts).
    var numbers: Int { get { Int(_numbers) } set { _numbers = Int32(truncatingIfNeeded: newValue) } }
    private var _numbers: Int32 = 0
    /// Folded words that are English / Spanish / either function words.
    var englishStops: Int { get { Int(_englishStops) } set { _englishStops = Int32(truncatingIfNeeded: newValue) } }
    private var _englishStops: Int32 = 0
    var spanishStops: Int { get { Int(_spanishStops) } set { _spanishStops = Int32(truncatingIfNeeded: newValue) } }
    private var _spanishStops: Int32 = 0
    var stops: Int { get { Int(_stops) } set { _stops = Int32(truncatingIfNeeded: newValue) } }
    private var _stops: Int32 = 0
    /// Non-function words with letters, and how many of them start with a capital.
    var contentWords: Int { get { Int(_contentWords) } set { _contentWords = Int32(truncatingIfNeeded: newValue) } }
    private var _contentWords: Int32 = 0
    var capitalized: Int { get { Int(_capitalized) } set { _capitalized = Int32(truncatingIfNeeded: newValue) } }
    private var _capitalized: Int32 = 0
    /// A lower-case letter followed by a capital inside one word (`contentSkip`): menu items
    /// glued together by the scraper.
    var glued: Int { get { Int(_glued) } set { _glued = Int32(truncatingIfNeeded: newValue) } }
    private var _glued: Int32 = 0
    /// `|`, `•`, `·` and ` /` separators, as between the items of a link list.
    var separators: Int { get { Int(_separators) } set { _separators = Int32(truncatingIfNeeded: newValue) } }
    private var _separators: Int32 = 0
    /// Sentence ends followed by another sentence (`. T`), so `sentenceBreaks + 1` sentences.
    var sentenceBreaks: Int { get { Int(_sentenceBreaks) } set { _sentenceBreaks = Int32(truncatingIfNeeded: newValue) } }
    private var _sentenceBreaks: Int32 = 0
    /// Month, weekday and dateline words.
    var dateWords: Int { get { Int(_dateWords) } set { _dateWords = Int32(truncatingIfNeeded: newValue) } }
    private var _dateWords: Int32 = 0
    /// ASCII symbols that are common in program code and rare in prose (``isCodeSymbol(_:)``),
    /// and the `(` right after a word with a letter or after `_` (a call: `open_url(`, `copy2(`; not
    /// `121(1)` of a citation).
    var codeSymbols: Int { get { Int(_codeSymbols) } set { _codeSymbols = Int32(truncatingIfNeeded: newValue) } }
    private var _codeSymbols: Int32 = 0
    var calls: Int { get { Int(_calls) } set { _calls = Int32(truncatingIfNeeded: newValue) } }
    private var _calls: Int32 = 0
    /// Whether the last non-space byte is `{`, `}`, `;`, `(` or `[`, as lines of code end.
    var codeEnding = false
    /// The union of the flags of all words and phrases in the line (function-word flags excluded).
    var cues: WordFlags = []
    /// The flags of the first word.
    var firstWord: WordFlags = []
    /// The flags of the words and phrases that end within the first three words.
    var leadingCues: WordFlags = []
    /// The key of the whole folded line (all its words): equal lines have equal keys.
    var lineKey: UInt64 = 0
    /// The key of the last folded word (before combining).
    var lastWord: UInt64 = 0
    /// The key of the first folded word.
    var firstWordKey: UInt64 = 0

    init() {}

    // ASCII byte classes.
    fileprivate static let letter: UInt8 = 1, upper: UInt8 = 2, digit: UInt8 = 4, space: UInt8 = 8
    fileprivate static let terminal: UInt8 = 16, closing: UInt8 = 32, pipe: UInt8 = 64, slash: UInt8 = 128

    init(_ line: UnsafeBufferPointer<UInt8>, lookup: WordLookup) {
        // No topic buffer: the scanner's topic pointer stays nil (an empty buffer would cost an
        // allocation per line).
        guard line.count > 0, let base = line.baseAddress else { return }
        var scanner = LineScanner(lookup: lookup)
        scanner.scan(base, count: line.count)
        self = scanner.result
        measureEnd(line)
    }

    /// Scans `line` and also appends the keys of its topic words (those
    /// ``forEachTopicWord(_:lookup:_:)`` yields, in order) to `topics`, found in the same pass.
    init(_ line: UnsafeBufferPointer<UInt8>, lookup: WordLookup, topics: inout TopicKeyBuffer) {
        guard line.count > 0, let base = line.baseAddress else { return }
        var scanner = LineScanner(lookup: lookup)
        topics.reserve(atMost: TopicKeyBuffer.maximumKeys(inLineOf: line.count))
        scanner.topicKeys = topics.end
        scanner.scan(base, count: line.count)
        topics.advance(by: scanner.topicCount)
        self = scanner.result
        measureEnd(line)
    }

    /// Whether the line holds anything but space, and whether it ends in sentence punctuation.
    @inline(__always)
    private mutating func measureEnd(_ line: UnsafeBufferPointer<UInt8>) {
        // The last scalar is found once for both (it was searched twice).
        guard let last = Self.lastScalar(line, before: line.count) else { return }
        hasNonSpace = true
        punctuated = Self.endsWithSentencePunctuation(line, last: last)
        switch last.bytes.0 {
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: "["): codeEnding = true
        default: codeEnding = false
        }
    }

    /// Whether the `(` at `p` opens one or two lower-case letters and `)`: a plural or gender
    /// ending (`item(s)`, `estrella(s)`, `amigo(as)`), not a call.
    @inline(__always)
    static func isWordEndingMarker(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        @inline(__always) func lower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
        guard count >= 3, lower(p[1]) else { return false }
        if p[2] == UInt8(ascii: ")") { return true }
        return count >= 4 && lower(p[2]) && p[3] == UInt8(ascii: ")")
    }

    /// `# $ & * + ; < = > @ [ \ ^ _ ` { } ~`: two 64-bit masks over ASCII. `(` is common in prose, so it
    /// counts only as part of a call.
    @inline(__always)
    static func isCodeSymbol(_ byte: UInt8) -> Bool {
        let low: UInt64 = 1 << 35 | 1 << 36 | 1 << 38 | 1 << 42 | 1 << 43 | 1 << 59 | 1 << 60 | 1 << 61 | 1 << 62
        let high: UInt64 = 1 << (64 - 64) | 1 << (91 - 64) | 1 << (92 - 64) | 1 << (94 - 64) | 1 << (95 - 64)
            | 1 << (96 - 64) | 1 << (123 - 64) | 1 << (125 - 64) | 1 << (126 - 64)
        return byte < 64 ? (low >> UInt64(byte)) & 1 != 0 : byte < 128 && (high >> UInt64(byte - 64)) & 1 != 0
    }

    // MARK: - The line's end

    /// The first (up to three) bytes of the last non-space scalar before `end`, and where it starts.
    private static func lastScalar(_ line: UnsafeBufferPointer<UInt8>, before end: Int) -> (bytes: (UInt8, UInt8, UInt8), start: Int)? {
        var end = end
        while end > 0 {
            let byte = line[end - 1]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                end -= 1
            } else if byte == 0xA0 && end >= 2 && line[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0 && line[start] & 0xC0 == 0x80 && end - start < 4 { start -= 1 }
        let first = line[start]
        let second: UInt8 = start + 1 < line.count ? line[start + 1] : 0
        let third: UInt8 = start + 2 < line.count ? line[start + 2] : 0
        return ((first, second, third), start)
    }

    private static func endsWithSentencePunctuation(
        _ line: UnsafeBufferPointer<UInt8>, last: (bytes: (UInt8, UInt8, UInt8), start: Int)
    ) -> Bool {
        if Punctuation.isSentenceEnd(last.bytes) { return true }
        guard Punctuation.isClosingMark(last.bytes), let previous = lastScalar(line, before: last.start) else { return false }
        return Punctuation.isSentenceEnd(previous.bytes)
    }


    // MARK: - Keys

    /// The key of a phrase as the scanner builds it for a line made of exactly that phrase, its
    /// number of folded words, and the key of its last word.
    static func key(of phrase: String) -> (key: UInt64, words: Int, lastWord: UInt64) {
        let bytes = Array(phrase.utf8)
        let scan = WordTable(capacity: 1).withLookup { lookup in
            bytes.withUnsafeBufferPointer { LineScan($0, lookup: lookup) }
        }
        return (scan.lineKey, scan.words + scan.numbers, scan.lastWord)
    }

    /// Calls `body` with the key of every folded word of `line` that has at least four bytes and is
    /// not a function word (the words that carry a line's topic).
    static func forEachTopicWord(_ line: UnsafeBufferPointer<UInt8>, lookup: WordLookup, _ body: (UInt64) -> Void) {
        var hash = WordHasher()
        var length = 0
        var index = 0
        let count = line.count
        @inline(__always) func finish() {
            if length >= 4 {
                let key = hash.finish() | 1
                let flags = lookup.flags(key)
                if !flags.contains(.englishStop) && !flags.contains(.spanishStop) { body(key) }
            }
            hash = WordHasher()
            length = 0
        }
        while index < count {
            let byte = line[index]
            if byte < 0x80 {
                let lower = byte | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    hash.add(lower)
                    length += 1
                } else if byte >= 0x30 && byte <= 0x39 {
                    hash.add(byte)
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
            let isCapital = width == 2 && byte == 0xC3 && Latin1.isCapitalSecondByte(second)
            hash.add(byte)
            hash.add(isCapital ? second + 0x20 : second)
            if width > 2 {
                for offset in 2..<width { hash.add(line[index + offset]) }
            }
            length += width
            index += width
        }
        if length > 0 { finish() }
    }
}

/// The ASCII byte classes of ``LineScan``, one byte per ASCII byte, allocated once.
nonisolated(unsafe) private let asciiClassTable: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 128)
    for byte in 0..<128 {
        let value: UInt8
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): value = LineScan.letter
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = LineScan.letter | LineScan.upper
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = LineScan.digit
        case 0x20, 0x09...0x0D: value = LineScan.space
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): value = LineScan.terminal
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"): value = LineScan.closing
        case UInt8(ascii: "|"): value = LineScan.pipe
        case UInt8(ascii: "/"): value = LineScan.slash
        default: value = 0
        }
        table[byte] = value
    }
    return UnsafePointer(table)
}()

/// What one word adds to ``LineScanner``'s three packed counters (two 32-bit counters per
/// `UInt64`: words and stops, English and Spanish stops, capitalized content words and date
/// words), three entries per row; the row is the word's englishStop, spanishStop and dateWord
/// flags (bits 0-2), whether it holds a letter (bit 3) and starts with a capital (bit 4).
nonisolated(unsafe) private let counterIncrementTable: UnsafePointer<UInt64> = {
    let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 32 * 3)
    for row in 0..<32 {
        let english = UInt64(row & 1), spanish = UInt64(row >> 1 & 1), date = UInt64(row >> 2 & 1)
        let letter = UInt64(row >> 3 & 1), capital = UInt64(row >> 4 & 1)
        let stop = (english | spanish) & letter
        table[row * 3] = letter | stop << 32
        table[row * 3 + 1] = (english & letter) | (spanish & letter) << 32
        table[row * 3 + 2] = ((letter - stop) & capital) | date << 32
    }
    return UnsafePointer(table)
}()

/// The key of one folded word: its bytes packed eight at a time into a 64-bit chunk, each full
/// chunk mixed into the state (no multiply per byte). Folded words never hold a 0 byte, so the
/// zero padding of the last chunk is unambiguous.
struct WordHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private var chunk: UInt64 = 0
    private var shift: UInt64 = 0
    /// Whether a full chunk of eight bytes has been mixed in.
    private var combined = false

    /// Whether at least four bytes were added (the length of a topic word), known without
    /// counting them.
    @inline(__always)
    var hasFourBytes: Bool { combined || shift >= 32 }

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        chunk |= UInt64(byte) &<< shift
        shift &+= 8
        if shift == 64 {
            combined = true
            state = WordKey.combine(state, chunk)
            chunk = 0
            shift = 0
        }
    }

    /// Adds the `count` (1…8) low bytes of `bytes` (little-endian): the same key as adding them
    /// one by one with ``add(_:)``.
    @inline(__always)
    mutating func add(_ bytes: UInt64, count: Int) {
        let bits = UInt64(count &* 8)
        let masked = count == 8 ? bytes : bytes & ((1 &<< bits) &- 1)
        chunk |= masked &<< shift
        let total = shift &+ bits
        if total >= 64 {
            combined = true
            state = WordKey.combine(state, chunk)
            chunk = shift == 0 ? 0 : masked &>> (64 &- shift)
            shift = total &- 64
        } else {
            shift = total
        }
    }

    @inline(__always)
    func finish() -> UInt64 { WordKey.combine(state, chunk) }
}

/// One pass over a line's bytes. The per-byte state lives in locals of ``scan(_:count:)`` (in
/// registers); the per-word bookkeeping is in ``endWord(_:hasLetter:capitalized:hasFourBytes:)``.
private struct LineScanner {
    var result = LineScan()
    let lookup: WordLookup
    var wordIndex = 0
    var lineHash: UInt64 = 0
    var wordsAndStops: UInt64 = 0
    var englishAndSpanish: UInt64 = 0
    var capitalizedAndDates: UInt64 = 0
    // The keys of the three words before the current one (for phrase cues).
    var previous1: UInt64 = 0, previous2: UInt64 = 0, previous3: UInt64 = 0
    /// Where topic-word keys go (nil: not collected) and how many were written.
    var topicKeys: UnsafeMutablePointer<UInt64>?
    var topicCount = 0

    let counterIncrements = counterIncrementTable

    init(lookup: WordLookup) { self.lookup = lookup }

    @inline(__always)
    mutating func endWord(_ hash: UInt64, hasLetter: Bool, capitalized: Bool, hasFourBytes: Bool) {
        let key = hash | 1
        lineHash = WordKey.rotate(lineHash) &+ key  // order-sensitive; mixed at the end
        let flags = lookup.flags(key)  // word entries are stored under the bare word key
        if let topicKeys, hasFourBytes,
            flags.rawValue & (WordFlags.englishStop.rawValue | WordFlags.spanishStop.rawValue) == 0
        {
            topicKeys[topicCount] = key
            topicCount &+= 1
        }
        var cueBits = flags.rawValue
        if cueBits & WordFlags.phraseEnd.rawValue != 0 && wordIndex >= 1 { cueBits |= phraseFlags(ending: key) }
        cueBits &= ~(WordFlags.englishStop.rawValue | WordFlags.spanishStop.rawValue | WordFlags.phraseEnd.rawValue)
        if wordIndex == 0 { result.firstWord = flags; result.firstWordKey = key }
        if wordIndex < 3 { result.leadingCues.formUnion(WordFlags(rawValue: cueBits)) }
        result.cues.formUnion(WordFlags(rawValue: cueBits))
        previous3 = previous2
        previous2 = previous1
        previous1 = key
        wordIndex += 1
        // Branch-free counting (function and content words alternate unpredictably): the three
        // increments come from a table, by the englishStop, spanishStop and dateWord flags, letter
        // and capital (Docs/Measurements.md).
        let row = Int(truncatingIfNeeded: flags.rawValue >> 2) & 7
            | (hasLetter ? 8 : 0) | (capitalized ? 16 : 0)
        let increments = counterIncrements + row &* 3
        wordsAndStops &+= increments[0]
        englishAndSpanish &+= increments[1]
        capitalizedAndDates &+= increments[2]
    }

    /// The flags of the two- to four-word phrases that end with the word `key` (a rare path:
    /// only for words that end some listed phrase).
    @inline(never)
    func phraseFlags(ending key: UInt64) -> UInt16 {
        // Phrase keys are built like line keys (see `WordKey.lineKey`), from the previous word keys.
        let two = WordKey.rotate(previous1) &+ key
        var bits = lookup.flags(WordKey.lineKey(two, words: 2)).rawValue
        if wordIndex >= 2 {
            let three = WordKey.rotate(WordKey.rotate(previous2) &+ previous1) &+ key
            bits |= lookup.flags(WordKey.lineKey(three, words: 3)).rawValue
            if wordIndex >= 3 {
                let four = WordKey.rotate(WordKey.rotate(WordKey.rotate(previous3) &+ previous2) &+ previous1) &+ key
                bits |= lookup.flags(WordKey.lineKey(four, words: 4)).rawValue
            }
        }
        return bits
    }

    mutating func scan(_ base: UnsafePointer<UInt8>, count: Int) {
        let classes = asciiClassTable
        var hash = WordHasher()
        var inWord = false
        var wordHasLetter = false
        var wordCapitalized = false
        var previousLower = false
        var terminalPending = false
        var breakPending = false
        var spacedInWord = false
        var spacedHasLetter = false
        var hasLetter = false
        var glued = 0
        var sentenceBreaks = 0
        var separators = 0
        var spacedWords = 0
        var codeSymbols = 0
        var calls = 0
        var index = 0
        // One pass to `count` inclusive: the line's end is read as a space, so a word ends in
        // exactly one place (and `endWord` is inlined once).
        while index <= count {
            // Eight bytes at a time through runs of lower-case ASCII letters (SWAR), also from
            // the capital that starts a word. Within the last eight bytes of a line (of eight or
            // more) the load ends at the line's end and is shifted down: the zero bytes above end
            // the run, so a line's last word takes this path too.
            if index < count && count >= 8 {
                let first = base[index]
                let firstUpper = first &- 0x41 < 26 && !inWord
                if first &- 0x61 < 26 || firstUpper {
                    let loaded = index &+ 8 <= count
                        ? UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        : UnsafeRawPointer(base + (count &- 8)).loadUnaligned(as: UInt64.self) &>> UInt64(truncatingIfNeeded: (index &+ 8 &- count) &* 8)
                    let bytes = loaded | (firstUpper ? 0x20 : 0)
                    let low7 = bytes & 0x7F7F_7F7F_7F7F_7F7F
                    // The high bit of each byte b with 0x60 < b < 0x7B (exact per byte: no carries).
                    let lower = (0x0101_0101_0101_0101 &* (127 + 0x7B) &- low7) & ~bytes
                        & (low7 &+ 0x0101_0101_0101_0101 &* (127 - 0x60)) & 0x8080_8080_8080_8080
                    let others = ~lower & 0x8080_8080_8080_8080
                    let run = others == 0 ? 8 : others.trailingZeroBitCount >> 3
                    if !inWord {
                        inWord = true
                        wordCapitalized = firstUpper
                        if breakPending && firstUpper { sentenceBreaks += 1 }
                        breakPending = false
                        terminalPending = false
                    }
                    wordHasLetter = true
                    spacedHasLetter = true
                    hasLetter = true
                    spacedInWord = true
                    previousLower = !(firstUpper && run == 1)
                    hash.add(bytes, count: run)
                    index &+= run
                    // After a full eight, look again; otherwise the next byte is no lower-case letter.
                    if run == 8 { continue }
                    // The commonest word end, a plain space: the word and the space are done
                    // here, not in the byte-by-byte path below. Inside a word no terminal or
                    // break is pending, and this word holds a letter.
                    if index < count && base[index] == 0x20 {
                        endWord(hash.finish(), hasLetter: true, capitalized: wordCapitalized, hasFourBytes: hash.hasFourBytes)
                        hash = WordHasher()
                        inWord = false
                        spacedWords += 1
                        spacedInWord = false
                        spacedHasLetter = false
                        index &+= 1
                        continue
                    }
                }
            }
            let byte: UInt8 = index < count ? base[index] : 0x20
            var kind: UInt8 = 0
            var width = 1
            var second: UInt8 = 0
            let isWordByte: Bool
            if byte < 0x80 {
                kind = classes[Int(byte)]
                isWordByte = kind & (LineScan.letter | LineScan.digit) != 0
            } else {
                width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                second = index + 1 < count ? base[index + 1] : 0
                let isSymbol = byte == 0xC2 || byte == 0xE2 || byte == 0xEF || byte >= 0xF0 || byte < 0xC2
                isWordByte = !isSymbol && index + width <= count
            }
            if !isWordByte && inWord {
                endWord(hash.finish(), hasLetter: wordHasLetter, capitalized: wordCapitalized, hasFourBytes: hash.hasFourBytes)
                hash = WordHasher()
                inWord = false
            }
            if byte < 0x80 {
                if isWordByte {
                    let isUpper = kind & LineScan.upper != 0
                    if !inWord {
                        inWord = true
                        wordHasLetter = false
                        wordCapitalized = isUpper
                        if breakPending && isUpper { sentenceBreaks += 1 }
                        breakPending = false
                        terminalPending = false
                    } else if isUpper && previousLower {
                        glued += 1
                    }
                    spacedInWord = true
                    if kind & LineScan.letter != 0 {
                        wordHasLetter = true
                        spacedHasLetter = true
                        hasLetter = true
                        previousLower = !isUpper
                        hash.add(byte | 0x20)
                    } else {
                        previousLower = false
                        hash.add(byte)
                    }
                } else if kind & LineScan.space != 0 {
                    if spacedInWord {
                        if spacedHasLetter { spacedWords += 1 }
                        spacedInWord = false
                        spacedHasLetter = false
                    }
                    if terminalPending { breakPending = true }
                    terminalPending = false
                } else {
                    spacedInWord = true
                    if kind & LineScan.terminal != 0 {
                        terminalPending = true
                        breakPending = false
                    } else if kind & LineScan.closing == 0 {
                        terminalPending = false  // closing quotes and brackets keep a pending break
                        if kind & LineScan.pipe != 0 {
                            separators += 1
                        } else if kind & LineScan.slash != 0 {
                            if index > 0 && base[index - 1] == 0x20 { separators += 1 }  // `Tag /Tag`
                        } else if LineScan.isCodeSymbol(byte) {
                            codeSymbols += 1
                        } else if byte == UInt8(ascii: "("), index > 0, base[index - 1] < 0x80,
                            (classes[Int(base[index - 1])] & (LineScan.letter | LineScan.digit) != 0 && wordHasLetter)
                                || base[index - 1] == UInt8(ascii: "_"),
                            !LineScan.isWordEndingMarker(base + index, count: count - index)
                        {
                            // Right after a word with a letter (`open_url(`, `copy2(`; the word
                            // just ended, so `wordHasLetter` is still its own), not `121(1)`.
                            calls += 1
                        }
                    }
                }
                index += 1
                continue
            }
            // Non-ASCII: letters per the lead byte (see LineFeatures).
            if !isWordByte {
                if byte == 0xC2 && second == 0xA0 {  // no-break space
                    if spacedInWord {
                        if spacedHasLetter { spacedWords += 1 }
                        spacedInWord = false
                        spacedHasLetter = false
                    }
                    if terminalPending { breakPending = true }
                    terminalPending = false
                } else {
                    spacedInWord = true
                    if byte == 0xC2 && second == 0xB7 {
                        separators += 1  // ·
                    } else if byte == 0xE2 && second == 0x80 && index + 2 < count {
                        let third = base[index + 2]
                        if third == 0xA2 { separators += 1 }  // •
                        if third == 0xA6 { terminalPending = true }  // …
                    }
                }
                index += width
                continue
            }
            // A letter for the word keys; `hasLetter` does not count × ÷ and CJK punctuation.
            let isCapital = width == 2 && byte == 0xC3 && Latin1.isCapitalSecondByte(second)
            if !inWord {
                inWord = true
                wordHasLetter = false
                wordCapitalized = isCapital
                if breakPending && isCapital { sentenceBreaks += 1 }
                breakPending = false
                terminalPending = false
            }
            if !(byte == 0xC3 && (second == 0x97 || second == 0xB7)) && !(byte == 0xE3 && second < 0x81) {
                wordHasLetter = true
                spacedHasLetter = true
                hasLetter = true
            }
            spacedInWord = true
            previousLower = !isCapital
            hash.add(byte)
            hash.add(isCapital ? second + 0x20 : second)
            if width > 2 {
                for offset in 2..<width { hash.add(base[index + offset]) }
            }
            index += width
        }
        result.hasLetter = hasLetter
        result.glued = glued
        result.sentenceBreaks = sentenceBreaks
        result.separators = separators
        result.spacedWords = spacedWords
        result.codeSymbols = codeSymbols
        result.calls = calls
        result.lastWord = previous1
        result.words = Int(truncatingIfNeeded: wordsAndStops & 0xFFFF_FFFF)
        result.stops = Int(truncatingIfNeeded: wordsAndStops >> 32)
        result.numbers = wordIndex - result.words
        result.contentWords = result.words - result.stops
        result.englishStops = Int(truncatingIfNeeded: englishAndSpanish & 0xFFFF_FFFF)
        result.spanishStops = Int(truncatingIfNeeded: englishAndSpanish >> 32)
        result.capitalized = Int(truncatingIfNeeded: capitalizedAndDates & 0xFFFF_FFFF)
        result.dateWords = Int(truncatingIfNeeded: capitalizedAndDates >> 32)
        result.lineKey = WordKey.lineKey(lineHash, words: wordIndex)
    }
}

/// The topic-word keys of a document's lines, written by ``LineScan/init(_:lookup:topics:)`` in
/// the cleaner's first pass: one flat buffer per document, grown by whole lines, so the scanner
/// stores a key with one write and no bounds or uniqueness check.
struct TopicKeyBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    /// Keys written so far.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// At most this many topic words fit in a line of `bytes` bytes: each has four bytes or
    /// more and is separated from the next by at least one byte.
    static func maximumKeys(inLineOf bytes: Int) -> Int { (bytes + 1) / 5 }

    /// Makes room for `keys` more keys after the current end.
    mutating func reserve(atMost keys: Int) {
        guard count + keys > capacity else { return }
        let grown = max(capacity * 2, count + keys)
        let new = UnsafeMutablePointer<UInt64>.allocate(capacity: grown)
        new.moveInitialize(from: base, count: count)
        base.deallocate()
        base = new
        capacity = grown
    }

    /// Where the next key goes (room made by ``reserve(atMost:)``).
    var end: UnsafeMutablePointer<UInt64> { base + count }

    mutating func advance(by keys: Int) {
        precondition(count + keys <= capacity)
        count += keys
    }

    /// Forgets the last `keys` keys (those of a line beyond what its count can record).
    mutating func removeLast(_ keys: Int) {
        precondition(keys >= 0 && keys <= count)
        count -= keys
    }

    /// Calls `body` with the keys in `range` (positions as ``count`` stood).
    func withKeys<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt64>) -> R) -> R {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        return body(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }
}
