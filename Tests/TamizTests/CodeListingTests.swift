import Testing
import Tamiz

/// Tech articles paste program code between their paragraphs. The code is no English prose, so
/// `keep en` drops it with the page's other debris and keeps the paragraphs around it (the
/// cleaner's code features, `Data/cleaner/README.md`). The article is written for this test.
@Suite("Code listings inside an article")
struct CodeListingTests {
    let harness: FilterHarness
    init() throws { harness = try FilterHarness() }

    static let paragraphs = [
        "Every evening my laptop copies the day's photos to a second disk, and I no longer think about it.",
        "For years I did this by hand, which meant that I forgot it about once a week and lost a few pictures each time.",
        "The fix turned out to be a short script that runs when the lid closes, checks which files are new and copies only those.",
        "It is not clever, but it has worked for two years without a single missed night, which is more than I can say for myself.",
        "The first part of the script finds the folder where the camera app keeps its files and lists what changed since the last run.",
        "After that it compares the size of each file with its copy, so a picture that was edited is copied again as well.",
        "If the second disk is not plugged in, the script simply waits for the next evening instead of showing an error.",
        "You can change the folders at the top of the script, and the rest should work on any recent version of Python.",
        "Once it ran for a week, I added a small report that tells me how many photos were saved and how much space is left.",
        "The report is sent to my phone only when something goes wrong, because a message every night would soon be ignored.",
        "If you try it, start with a copy of your photos in a test folder, so that a typo in a path cannot cost you anything.",
    ]

    static let code = [
        "import shutil",
        "from pathlib import Path",
        "SOURCE = Path.home() / \"Pictures\"",
        "TARGET = Path(\"/media/backup/photos\")",
        "def copy_new_files(source, target):",
        "for path in source.rglob(\"*.jpg\"):",
        "copy = target / path.relative_to(source)",
        "if not copy.exists() or copy.stat().st_size != path.stat().st_size:",
        "copy.parent.mkdir(parents=True, exist_ok=True)",
        "shutil.copy2(path, copy)",
        "if TARGET.exists():",
        "copy_new_files(SOURCE, TARGET)",
    ]

    /// The article with the code listing after its first `paragraphsBefore` paragraphs.
    static func page(paragraphsBefore: Int) -> String {
        let header = ["Home", "Reviews", "How-to", "Newsletter", "Sign in",
                      "How I back up my photos every night without thinking about it"]
        // The call to comment is a comments cue: it goes with the comments (`DebrisReason.comments`).
        let footer = ["Let me know in the comments how you keep your own pictures safe, since there are surely better ways than mine.",
                      "Related articles", "Privacy policy", "Terms of use", "© 2026 Example Media"]
        let body = paragraphs[..<paragraphsBefore] + code + paragraphs[paragraphsBefore...]
        return (header + body + footer).joined(separator: "\n") + "\n"
    }

    func keptLines(_ page: String) throws -> Set<String> {
        Set(try harness.run(.keep(.english, unit: .line), input: page).output.split(separator: "\n").map(String.init))
    }

    /// The listing's lines but its two imports, which hold no symbol or call of code (only a
    /// keyword list would know them), so the model may keep them with the paragraph before.
    static var codeWithSymbols: [String] { code.filter { !$0.hasPrefix("import ") && !$0.hasPrefix("from ") } }

    @Test("keep en drops the lines of a code listing that hold code symbols or calls")
    func codeIsDropped() throws {
        let kept = try keptLines(Self.page(paragraphsBefore: 4))
        let keptCode = Self.codeWithSymbols.filter(kept.contains)
        #expect(Self.codeWithSymbols.count == 10)
        #expect(keptCode.isEmpty, "\(keptCode)")
    }

    @Test("keep en keeps the paragraphs around a code listing in the middle of an article")
    func paragraphsAreKept() throws {
        let kept = try keptLines(Self.page(paragraphsBefore: 4))
        let lost = Self.paragraphs.filter { !kept.contains($0) }
        #expect(lost.count <= 1, "\(lost)")
    }

    @Test("keep en keeps the paragraphs between a late code listing and the page's footer")
    func paragraphsAfterLateCodeAreKept() throws {
        let kept = try keptLines(Self.page(paragraphsBefore: 8))
        let lost = Self.paragraphs.filter { !kept.contains($0) }
        withKnownIssue("a short run of prose between a code listing and the footer reads like a footer's teasers to the model") {
            #expect(lost.count <= 1, "\(lost)")
        }
    }
}

extension CodeListingTests {
    @Test("label gives the code listing's calls the reason code")
    func callsAreLabelledCode() throws {
        let records = TSVRecord.parse(try harness.run(.label(.tsv, unit: .line), input: Self.page(paragraphsBefore: 4)).output)
        let calls = records.filter { $0.text.contains("(") && Self.code.contains($0.text) }
        #expect(calls.count == 10)
        #expect(calls.allSatisfy { $0.debris == "code" }, "\(calls.map { ($0.text, $0.debris) })")
    }
}
