// libFuzzer harness: SentenceSegmenter on arbitrary bytes (built by scripts/fuzz.sh against the
// instrumented package modules). The first byte picks the paragraph mode and the sentence cap.
// Invariants: never crash; sentence ranges lie inside the text, are non-empty, ascending and
// non-overlapping, start and end on non-space bytes, and none is longer than maxSentenceBytes.
import TamizSegmenting

nonisolated(unsafe) let segmenters = [
    try! SentenceSegmenter(),
    try! SentenceSegmenter(maxSentenceBytes: 24),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSentenceSegmenter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let setting = data[0]
    let segmenter = segmenters[Int(setting & 1)]
    let paragraphs: ParagraphBreaks = setting & 2 == 0 ? .lineBreak : .blankLine
    let text = UnsafeBufferPointer(start: data + 1, count: size - 1)
    var ranges: [Range<Int>] = []
    if paragraphs == .lineBreak && setting & 4 == 0 {
        segmenter.appendSentences(of: text, to: &ranges)
    } else {
        segmenter.appendSentences(of: text, paragraphs: paragraphs, to: &ranges)
    }
    var previousEnd = 0
    for range in ranges {
        check(range.lowerBound >= previousEnd, "sentences out of order or overlapping: \(ranges)")
        check(range.upperBound <= text.count, "sentence \(range) outside \(text.count) bytes")
        check(!range.isEmpty, "empty sentence in \(ranges)")
        check(range.count <= segmenter.maxSentenceBytes, "sentence \(range) longer than \(segmenter.maxSentenceBytes)")
        check(text[range.lowerBound] != 0x20 && text[range.upperBound - 1] != 0x20, "untrimmed sentence \(range)")
        previousEnd = range.upperBound
    }
    return 0
}
