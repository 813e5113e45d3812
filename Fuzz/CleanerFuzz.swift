// libFuzzer harness: LineCleaner on arbitrary bytes split into lines at LF (a CR before it is
// left out, as the filter does). Built by scripts/fuzz.sh against the instrumented modules.
// Invariants: never crash; one verdict per line; the same lines get the same verdicts twice.
import TamizCleaning

let cleaner = LineCleaner()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLineCleaner(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = UnsafeBufferPointer(start: data, count: size)
    var lines: [Range<Int>] = []
    var start = 0
    for index in 0..<size where text[index] == 0x0A {
        let end = index > start && text[index - 1] == 0x0D ? index - 1 : index
        lines.append(start..<end)
        start = index + 1
    }
    if start < size { lines.append(start..<size) }
    let verdicts = cleaner.debris(ofLines: lines, in: text)
    check(verdicts.count == lines.count, "\(verdicts.count) verdicts for \(lines.count) lines")
    check(cleaner.debris(ofLines: lines, in: text) == verdicts, "two verdicts for the same lines")
    return 0
}
