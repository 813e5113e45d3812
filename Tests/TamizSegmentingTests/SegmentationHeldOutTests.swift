import Testing
import TamizTestSupport
@testable import TamizSegmenting

/// The held-out cases of Tests/Fixtures/segmentation-heldout (written blind by other sessions;
/// its README says which set shaped which rule): each set stays at ≥ 95 % exact, issue #13's bar,
/// or at its score when it was added where that was lower (`floors`), so that no set slips.
@Suite struct SegmentationHeldOutTests {
    static let sets = [
        "tuning.en", "tuning.es", "checked.en", "checked.es", "blind.en", "blind.es",
        "checked2.en", "checked2.es", "checked3.en", "checked3.es", "blind2.en", "blind2.es",
        "checked4.en", "checked4.es", "checked5.en", "checked5.es", "checked6.en", "checked6.es",
        "blind3.en", "blind3.es",
    ]

    /// Sets whose score when added was below 95 %: the misses left are all-caps text, titles no list
    /// holds ("el Sgto. Molina") and street abbreviations before a letter ("dpto. B").
    static let floors = ["checked4.es": 94, "checked5.en": 94]

    @Test("each held-out set splits at least 95 % of its paragraphs exactly (or its floor)", arguments: sets)
    func heldOutSet(_ name: String) throws {
        let segmenter = try SentenceSegmenter()
        let cases = try Paths.lines(Paths.packageRoot + "/Tests/Fixtures/segmentation-heldout/\(name).tsv")
            .map { $0.components(separatedBy: " ||| ") }
        #expect(cases.count == 100)
        let passed = cases.filter { segmenter.sentences(in: $0.joined(separator: " ")) == $0 }.count
        print("\(name): \(passed)/\(cases.count)")
        #expect(passed * 100 >= cases.count * (Self.floors[name] ?? 95), "\(name): \(passed)/\(cases.count)")
    }
}
