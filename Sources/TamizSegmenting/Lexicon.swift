import TamizBytes
/// How a word followed by a period affects an ICU sentence break right after it.
package enum AbbreviationKind: String, Sendable, CaseIterable {
    /// Never ends a sentence (titles, "e.g."): always merge with what follows.
    case title
    /// Often inside a sentence but can end one ("U.S.", "Inc.", "Jan."):
    /// merge unless the next word looks like the start of a sentence.
    case ambiguous
    /// An abbreviation only when a number follows ("No. 5", "art. 3"); otherwise an ordinary word.
    case beforeNumber
    /// Often ends a sentence ("etc.", "kms.", "pág."): ICU's break before a capital stands, but a number
    /// or a lowercase word after it continues the sentence.
    case trailing
}

/// Up to 16 bytes of a word, packed for allocation-free hashing.
package struct WordKey: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    static let capacity = 16

    /// Nil when the word is empty or longer than `capacity` bytes.
    init?(_ bytes: UnsafePointer<UInt8>, count: Int, lowercased: Bool = false) {
        guard count > 0, count <= WordKey.capacity else { return nil }
        var i = 0
        while i < count {
            var byte = bytes[i]
            if lowercased { byte = Latin1.lowercased(byte, after: i > 0 ? bytes[i - 1] : 0) }
            if i < 8 { low |= UInt64(byte) << (8 * UInt64(i)) } else { high |= UInt64(byte) << (8 * UInt64(i - 8)) }
            i += 1
        }
    }

    package init?(_ string: String) {
        let bytes = Array(string.utf8)
        guard let key = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.flatMap { WordKey($0, count: buffer.count) }
        }) else { return nil }
        self = key
    }
}

/// Tamiz's word lists for English and Spanish. Immutable and shared.
enum Lexicon {
    /// Abbreviations as written before their final period (internal periods kept: "e.g", "p.ej").
    /// Entries marked `exactCase` only match as written ("Mar." is March, "mar." is Spanish for sea);
    /// the others also match with the first letter's case flipped and in all lower/upper case.
    private static let abbreviationEntries: [(word: String, kind: AbbreviationKind, exactCase: Bool)] = {
        var entries: [(String, AbbreviationKind, Bool)] = []
        func add(_ words: String, _ kind: AbbreviationKind, exactCase: Bool = false) {
            for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                entries.append((String(word), kind, exactCase))
            }
        }
        // Titles and forms of address, EN and ES.
        add("Mr Mrs Ms Messrs Dr Drs Prof Profs Sr Sres Sra Sras Srta Srtas Dra Dras Lic Ing Arq Dña Mme Mlle Mt Mons", .title)
        add("Ft Gen Gov Sen Rep Capt Col Lt Sgt Cmdr Adm Maj Pres Supt Rev Hon Fr Gral Cnel Excmo Excma Ilmo Ilma Sto Sta", .title, exactCase: true)
        add("Av Avda Pza Plza Pso Urb Edif Dpto Depto Prol EE v", .title, exactCase: true)
        // Abbreviations that introduce something and never end a sentence.
        add("e.g i.e eg cf viz vs p.ej ej PS P.S", .title)
        // Can end a sentence.
        add("Jr St Inc Ltd Ltda Co Corp Bros Cía Dept Univ Assn Ave Blvd Rd Ud Uds Vd Vds est", .ambiguous)
        add("UU Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun", .ambiguous, exactCase: true)
        add("Ala Ariz Calif Colo Conn Fla Ill Mass Mich Minn Okla Tenn Tex Wash Wis", .ambiguous, exactCase: true)
        // Ordinary words unless a number follows.
        add("No Nos art arts cap", .beforeNumber)
        // Often sentence-final; never before a lowercase word or a number.
        add("""
            etc ect etcétera al misc min max ext govt intl incl esp orig ca ed eds trans ft lb lbs oz mi \
            km kms kg cm mm hr hrs yr yrs mo mos wk wks apt bldg pg pgs sq ref refs tbsp tsp avg cont pt pts \
            Nº núm nro pág págs pp vol vols fig figs sec tel tlf apdo sig sigs hab admón dcha izq izda ctra \
            aprox approx
            """, .trailing)
        return entries
    }()

    /// The hand-written abbreviations, then the generated table's entries they do not cover.
    static let abbreviations: [WordKey: AbbreviationKind] = abbreviations(adding: AbbreviationTable.embedded)

    /// The hand-written abbreviations, each also with its first letter's case flipped and in all
    /// lower and upper case unless marked `exactCase`, then `entries` as written (lowercase ones also
    /// with a capital first letter) where the hand-written list has no entry.
    package static func abbreviations(adding entries: [AbbreviationTable.Entry]) -> [WordKey: AbbreviationKind] {
        var table: [WordKey: AbbreviationKind] = [:]
        for (word, kind, exactCase) in abbreviationEntries {
            var variants = [word]
            if !exactCase {
                variants.append(word.lowercased())
                variants.append(word.uppercased())
                if let first = word.first {
                    let flipped = first.isUppercase ? first.lowercased() : first.uppercased()
                    variants.append(flipped + word.dropFirst())
                }
            }
            for variant in variants {
                if let key = WordKey(variant), table[key] == nil { table[key] = kind }
            }
        }
        for entry in entries {
            var word = Array(entry.word.utf8)
            guard !word.isEmpty else { continue }
            for capitalised in [false, true] {
                if capitalised {
                    // A lowercase first letter (ASCII or Latin-1 "á"…"þ") also capitalised.
                    if word[0] >= 0x61 && word[0] <= 0x7A { word[0] -= 0x20 }
                    else if word.count > 1 && word[0] == 0xC3 && word[1] >= 0xA0 && word[1] <= 0xBE && word[1] != 0xB7 { word[1] -= 0x20 }
                    else { break }
                }
                if let key = word.withUnsafeBufferPointer({ WordKey($0.baseAddress!, count: $0.count) }), table[key] == nil {
                    table[key] = entry.kind
                }
            }
        }
        return table
    }

    /// Lowercased words that, capitalised after an ambiguous abbreviation, signal a new sentence:
    /// pronouns, determiners, conjunctions, prepositions, auxiliaries, common openers, and the
    /// stems of negative contractions ("Don't" is read up to the apostrophe).
    /// Deliberately no words that are also common names ("Will", "May", "Mark").
    static let sentenceStarters: Set<WordKey> = {
        let english = """
        the a an this that these those there here it its he she they we i you his her their our my your them \
        him me us but and or so yet then thus however therefore also still although though because since while \
        when whenever where what why how who whom whose which if as after before during in on at for with from \
        by to of about into over under all some many most each every both few several no not none nothing yes \
        one two is are was were be been do does did have has had can could should would must might shall now \
        today yesterday tomorrow later meanwhile instead please thanks thank let just even only maybe perhaps \
        sometimes once other another such any everyone everything someone something nobody more much very well \
        oh ok okay hi hello sure again finally first next last unfortunately fortunately besides anyway \
        don didn doesn isn wasn aren weren won couldn shouldn wouldn haven hasn hadn
        """
        let spanish = """
        el la los las lo un una unos unas yo tú él ella ellos ellas usted ustedes nosotros nosotras vosotros \
        se me te nos le les mi mis tu tus su sus nuestro nuestra nuestros nuestras este esta estos estas esto \
        ese esa eso esos esas aquel aquella aquello pero y o e ni pues porque aunque cuando si sí no ya hoy ayer \
        mañana ahora luego después entonces también además así sin con en de por para desde hasta tras según \
        durante hay es son fue fueron era eran está están estaba había ha han qué cómo cuándo dónde quién cuál \
        muchos muchas algunos algunas todos todas todo cada otro otra otros otras nadie nada gracias hola bueno \
        claro allí aquí allá más menos tampoco mientras sobre del ante bajo contra finalmente primero
        """
        var set = Set<WordKey>()
        for word in (english + " " + spanish).split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if let key = WordKey(String(word)) { set.insert(key) }
        }
        return set
    }()
}
