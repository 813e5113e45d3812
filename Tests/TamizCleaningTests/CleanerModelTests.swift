import Foundation
import Testing
import TamizCleaning

/// The learned line model as the cleaner runs it, on a page written for these tests and on plain
/// prose from the shared corpus.
@Suite("Learned line model")
struct CleanerModelTests {
    let cleaner = LineCleaner()

    /// Twelve paragraphs of a local news story, written for these tests.
    static let article = [
        "The city council voted on Tuesday to turn the old railway yard into a public park with a lake and two playgrounds.",
        "Work on the site will start in the spring, and the first section should open to visitors before the end of next year.",
        "Residents who had campaigned for the park for almost a decade said they were relieved, although some of them worried about the cost.",
        "The plan, which was drawn up by a team of local architects, keeps the brick engine shed and turns it into a café and a small museum.",
        "A new footbridge will link the park to the station, so that commuters can walk through it on their way to the trains.",
        "The council expects the whole project to cost about twelve million pounds, most of it paid for by a national grant for green spaces.",
        "Some shop owners on the high street hope that the park will bring more people into the town centre at weekends.",
        "Others fear that the building work will block the roads around the yard for months and keep their customers away.",
        "The council said that the lorries would use a temporary road along the railway line and would not pass through the town.",
        "Children from two nearby schools have already planted the first trees along the edge of the site as part of a science project.",
        "The lake will be fed by rainwater from the roofs of the engine shed and of the new visitor centre next to it.",
        "A public meeting about the design of the playgrounds will be held in the town hall on the first Monday of next month.",
    ]

    static let page = [
        "Skip to content", "Home", "News", "Sport", "Weather", "",
        "Plans for the railway yard park approved", "By Jane Whitfield", "Updated March 4, 2025 at 9:15 AM", "",
    ] + article + [
        "", "This website uses cookies so that we can give you the best possible experience while you browse.",
        "Share", "Comments", "Privacy Policy", "Terms of Use", "© 2025 The Valley Gazette. All rights reserved.",
    ]

    func index(of line: String) -> Int { Self.page.firstIndex(of: line)! }

    @Test("every article paragraph of a scrape-shaped page is kept")
    func articleIsKept() {
        let reasons = cleaner.debris(ofLines: Self.page)
        for paragraph in Self.article {
            #expect(reasons[index(of: paragraph)] == nil, "\(paragraph)")
        }
    }

    @Test("a page's navigation, byline, banner and footer lines are dropped, each with its cue's reason")
    func debrisHasReasons() {
        let reasons = cleaner.debris(ofLines: Self.page)
        #expect(reasons[index(of: "Skip to content")] == .navigation)
        #expect(reasons[index(of: "By Jane Whitfield")] == .byline)
        #expect(reasons[index(of: "This website uses cookies so that we can give you the best possible experience while you browse.")] == .boilerplate)
        #expect(reasons[index(of: "© 2025 The Valley Gazette. All rights reserved.")] != nil)
        #expect(reasons[index(of: "")] == .blank)
    }

    @Test("a document shorter than the model's minimum is judged by the rules")
    func shortDocumentsUseTheRules() {
        let document = ["Skip to content"] + Self.article.prefix(LineCleaner.modelMinimumLines - 2)
        var rules = LineCleaner()
        rules.method = .rules
        #expect(cleaner.debris(ofLines: document) == rules.debris(ofLines: document))
        #expect(cleaner.debris(ofLines: document).dropFirst().allSatisfy { $0 == nil })
    }

    static let corpus = Paths.sharedURL("corpus")

    /// Plain prose is not a scrape: one corpus sentence per line, no debris, read as one document.
    @Test("plain prose, one sentence a line, keeps at least 99 % of its lines",
          .enabled(if: FileManager.default.fileExists(atPath: corpus.appendingPathComponent("en.dev.txt").path),
                   "../shared/corpus is not beside the project"),
          arguments: ["en.dev.txt", "es.dev.txt"])
    func plainProseIsKept(file: String) throws {
        let path = Self.corpus.appendingPathComponent(file).path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let kept = cleaner.debris(ofLines: lines).count { $0 == nil }
        #expect(Double(kept) >= 0.99 * Double(lines.count), "\(kept) of \(lines.count) kept")
    }
}
