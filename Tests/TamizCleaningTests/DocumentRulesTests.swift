import Foundation
import Testing
import TamizCleaning

/// Document-level rules, on scrape-shaped documents written for these tests.
@Suite("Document rules")
struct DocumentRulesTests {
    let cleaner = LineCleaner()

    /// Three article paragraphs in English, written for these tests.
    static let englishArticle = [
        "The city council voted on Tuesday to turn the old railway yard into a public park with a lake and two playgrounds.",
        "Work on the site will start in the spring, and the first section should open to visitors before the end of next year.",
        "Residents who had campaigned for the park for almost a decade said they were relieved, although some of them worried about the cost.",
    ]

    /// Three article paragraphs in Spanish, written for these tests.
    static let spanishArticle = [
        "El ayuntamiento aprobó el martes convertir la antigua estación de mercancías en un parque público con un lago y dos zonas de juegos.",
        "Las obras empezarán en primavera y la primera parte del parque debería abrir antes de que termine el año que viene.",
        "Los vecinos, que llevaban casi diez años pidiendo el parque, dijeron sentirse aliviados, aunque a algunos les preocupa lo que costará.",
    ]

    func reasons(_ document: [String]) -> [String: DebrisReason?] {
        Dictionary(zip(document, cleaner.debris(ofLines: document)), uniquingKeysWith: { first, _ in first })
    }

    @Test("paywall, subscription, cookie and newsletter banners are boilerplate as full sentences in both languages",
          arguments: [
            "To keep reading this story, become a subscriber today and get unlimited access to all our journalism.",
            "You have reached your limit of free articles this month; subscribe now to continue reading.",
            "This website uses cookies so that we can give you the best possible experience while you browse.",
            "Get the morning newsletter delivered to your inbox every weekday before breakfast.",
            "Para seguir leyendo esta noticia, hazte suscriptor y tendrás acceso ilimitado a todo nuestro periodismo.",
            "Utilizamos cookies propias y de terceros para mejorar tu experiencia de navegación en nuestra web.",
            "Recibe cada mañana en tu correo nuestro boletín con las noticias más importantes del día.",
          ])
    func bannersAreBoilerplate(banner: String) {
        let document = Self.englishArticle + [banner] + Self.spanishArticle
        #expect(cleaner.debris(ofLines: document)[Self.englishArticle.count] == .boilerplate)
    }

    @Test("a run of short title-case menu items is navigation, the article after it is content")
    func menuRunIsNavigation() {
        let menu = ["World Affairs Desk", "Science And Health", "Arts And Design", "Food And Drink", "Home And Garden"]
        let document = menu + [""] + Self.englishArticle
        let result = cleaner.debris(ofLines: document)
        for (index, item) in menu.enumerated() {
            #expect(result[index] == .navigation, "\(item)")
        }
        #expect(result.suffix(Self.englishArticle.count).allSatisfy { $0 == nil })
    }

    @Test("byline and date lines are byline debris in both languages", arguments: [
        "By Jane Whitfield", "Updated March 4, 2025 at 9:15 AM", "Por Marta Gil Ortega", "Actualizado el 12/03/2025 a las 10:21 h",
    ])
    func bylinesAreDebris(line: String) {
        let document = ["The park will open next year"] + [line] + Self.englishArticle
        #expect(cleaner.debris(ofLines: document)[1] == .byline)
    }

    @Test("a comments section after an article is debris, the article is content")
    func commentsSectionIsDebris() {
        let comments = [
            "Leave a comment",
            "This is wonderful news for the families who live near the old yard, and I hope it opens soon.",
            "Reply",
            "I am not convinced that the council has thought about who will pay for the upkeep of the lake.",
        ]
        let result = cleaner.debris(ofLines: Self.englishArticle + comments)
        #expect(result.prefix(Self.englishArticle.count).allSatisfy { $0 == nil })
        #expect(result.suffix(comments.count).allSatisfy { $0 != nil })
        #expect(result[Self.englishArticle.count + 1] == .comments)
        #expect(result[Self.englishArticle.count + 3] == .comments)
    }

    @Test("Spanish reader comments under an English article are debris")
    func otherLanguageCommentsAreDebris() {
        let article = Self.englishArticle + [
            "The plans also include a small museum about the railway, run by volunteers who once worked in the yard.",
            "A local bakery has already asked for permission to open a café next to the lake once the paths are finished.",
        ]
        let comments = [
            "Me parece una idea estupenda, pero ojalá hubieran pensado también en un carril para las bicicletas.",
            "Yo vivo al lado de la estación y llevamos años esperando que hagan algo con ese solar abandonado.",
        ]
        let result = cleaner.debris(ofLines: article + comments)
        #expect(result.prefix(article.count).allSatisfy { $0 == nil })
        for reason in result.suffix(comments.count) {
            #expect(reason == .otherLanguage || reason == .comments)
        }
    }

    @Test("content paragraphs, a headline and a sub-heading between paragraphs survive in both languages")
    func contentSurvives() {
        for (headline, article, subheading) in [
            ("Old railway yard to become a park with a lake", Self.englishArticle, "What happens next"),
            ("La antigua estación de mercancías será un parque con un lago", Self.spanishArticle, "Qué pasará ahora"),
        ] {
            let document = ["Menu", "Search", headline, ""] + article.prefix(2) + [subheading] + article.suffix(1)
            let result = cleaner.debris(ofLines: document)
            #expect(result[0] != nil && result[1] != nil)
            #expect(result[2] == nil, "headline: \(headline)")
            #expect(result[4...].allSatisfy { $0 == nil }, "\(Array(zip(document, result)).suffix(4))")
        }
    }

    @Test("a headline is judged by the article below it: the headline of the second article is kept, one about the first is not")
    func headlineOfSecondArticle() {
        let secondArticle = [
            "The ferry service to the island will return on Monday after three months of repairs to the pier damaged in the winter storm.",
            "The island's shops and hotels lost most of their visitors while the service was suspended, and several of them closed for the season.",
            "The company that runs the ferry said the repairs cost more than expected, but it would not raise the price of a ticket this year.",
        ]
        let aboutFirst = "Railway yard park plans approved by council"
        let headline = "Ferry service to the island returns after storm repairs"
        let document = Self.englishArticle + ["", "Menu", "Search", "Weather", "Sports", aboutFirst, headline, ""] + secondArticle
        let result = cleaner.debris(ofLines: document)
        #expect(result[document.firstIndex(of: headline)!] == nil)
        #expect(result[document.firstIndex(of: aboutFirst)!] != nil)
        #expect(result.suffix(3).allSatisfy { $0 == nil })
    }

    @Test("a one-word heading between two paragraphs is a sub-heading, the same word in a menu is short")
    func oneWordSubheading() {
        let document = ["Deportes", "Opinión", ""] + Self.spanishArticle.prefix(2) + ["Financiación"] + Self.spanishArticle.suffix(1)
        let result = cleaner.debris(ofLines: document)
        #expect(result[0] == .short && result[1] == .short)
        #expect(result[5] == nil)
    }

    @Test("an English article with a Spanish paywall block keeps the article and drops the block")
    func englishArticleWithSpanishPaywall() {
        let document = ["Skip to content", "Menu", "Old railway yard to become a park with a lake", ""]
            + Self.englishArticle + [
                "Tu suscripción se está usando en otro dispositivo",
                "¿Quieres añadir otro usuario a tu suscripción?",
                "Solo puedes leer con tu cuenta en un dispositivo a la vez; ciérrala en el otro para seguir aquí.",
                "Lo más visto", "Archivado en", "© 2025 Example Daily. Todos los derechos reservados.",
            ]
        let result = cleaner.debris(ofLines: document)
        #expect(result[2] == nil)
        #expect(result[4..<(4 + Self.englishArticle.count)].allSatisfy { $0 == nil })
        #expect(result[4 + Self.englishArticle.count] == .boilerplate)
        #expect(result[5 + Self.englishArticle.count] == .boilerplate)
        #expect(result.suffix(4).allSatisfy { $0 != nil })
    }
}

/// The scorer's measure (line-level F1 of kept content lines) on the shared dev scrapes, with the
/// cleaner alone deciding keep/drop. Skipped when `../shared` is not beside the project.
@Suite("Dev scrapes")
struct DevScrapeTests {
    static let directory = Paths.sharedURL("samples/scrapes")

    /// The text of each dev page (`NNN.txt`, not the gold files).
    static func pageTexts() throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") && !$0.contains(".gold") }
        return try files.map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
    }

    /// The rules were tuned on these pages and the shipped model was fitted on them (with the 87
    /// of `scrapes2`), so these floors guard against regressions; they are not what either scores on
    /// other sites (leave-site-out: `LeaveSiteOutTests`).
    @Test("line-level F1 of kept content lines on the 20 dev pages stays at its measured level",
          .enabled(if: FileManager.default.fileExists(atPath: directory.appendingPathComponent("index.tsv").path),
                   "../shared/samples/scrapes is not beside the project"),
          arguments: [(LineCleaner.Method.rules, 0.90), (.model, 0.83)])
    func devScrapeF1(method: LineCleaner.Method, floor: Double) throws {
        var cleaner = LineCleaner()
        cleaner.method = method
        let index = try String(contentsOf: Self.directory.appendingPathComponent("index.tsv"), encoding: .utf8)
        var counts: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        for row in index.split(separator: "\n").dropFirst() {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            let (id, language) = (String(fields[0]), String(fields[1]))
            let text = try Data(contentsOf: Self.directory.appendingPathComponent("\(id).txt"))
            let bytes = [UInt8](text)
            var ranges: [Range<Int>] = []
            var start = 0
            for (offset, byte) in bytes.enumerated() where byte == 0x0A {
                ranges.append(start..<offset)
                start = offset + 1
            }
            if start < bytes.count { ranges.append(start..<bytes.count) }
            let reasons = bytes.withUnsafeBufferPointer { cleaner.debris(ofLines: ranges, in: $0) }
            let labels = try String(contentsOf: Self.directory.appendingPathComponent("\(id).labels.tsv"), encoding: .utf8)
            var count = counts[language, default: (0, 0, 0)]
            for label in labels.split(separator: "\n").dropFirst() {
                let columns = label.split(separator: "\t", omittingEmptySubsequences: false)
                guard columns.count >= 2, columns[1] != "?", let line = Int(columns[0]) else { continue }
                let kept = line - 1 < reasons.count && reasons[line - 1] == nil
                let content = columns[1] == "1"
                if kept && content { count.tp += 1 }
                if kept && !content { count.fp += 1 }
                if !kept && content { count.fn += 1 }
            }
            counts[language] = count
        }
        for language in ["en", "es"] {
            let count = try #require(counts[language])
            let precision = Double(count.tp) / Double(max(1, count.tp + count.fp))
            let recall = Double(count.tp) / Double(max(1, count.tp + count.fn))
            let f1 = 2 * precision * recall / max(1e-9, precision + recall)
            #expect(f1 >= floor, "\(method) \(language): precision \(precision), recall \(recall), F1 \(f1)")
        }
    }
}
