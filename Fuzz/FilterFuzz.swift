// libFuzzer harness: the whole filter (TamizFilter: block reader, block processor, ordered
// writer) over arbitrary bytes in a temporary file, written to temporary files. Built by
// scripts/fuzz.sh against the instrumented modules. The first byte picks the options: action
// (label TSV, label JSON Lines, keep en, route to four files), unit (sentence, line), cleaning,
// block size (16, 61, 1024 bytes or 1 MiB, so lines and CRLFs straddle block boundaries),
// paragraphs (line, blank line) and JSON Lines documents.
// Invariants: plain input never fails; every input byte is emitted, dropped or layout
// (emitted + dropped + layout == input); `label --unit line` writes one record per input line;
// 1 and 2 threads write the same bytes, statistics and messages.
#if canImport(Glibc)
import Glibc
#endif
import Tamiz

let directory: String = {
    var template = Array("/tmp/tamiz-fuzz-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("mkdtemp: \(String(cString: strerror(errno)))") }
    return String(cString: made)
}()
let inputPath = directory + "/input"
let outputPath = directory + "/output"
let routePaths: [Destination: String] = Dictionary(
    uniqueKeysWithValues: Destination.allCases.map { ($0, directory + "/route-\($0.rawValue)") })

func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    check(descriptor >= 0, "cannot write \(path)")
    var offset = 0
    while offset < bytes.count {
        let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        check(written > 0, "write failed")
        offset += written
    }
    close(descriptor)
}

func contents(of path: String) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return [] }
    defer { close(descriptor) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        if count <= 0 { return result }
        result.append(contentsOf: chunk[..<count])
    }
}

struct Run: Equatable {
    var outputs: [[UInt8]]
    var statistics: FilterStatistics?
    var error: String?
    var messages: [String]
}

/// The filter reports messages from its writer thread, in input order, one at a time.
final class Messages: @unchecked Sendable {
    var lines: [String] = []
}

func run(_ options: FilterOptions, threads: Int) -> Run {
    var options = options
    options.threads = threads
    let filter = TamizFilter(options: options)
    for path in routePaths.values { unlink(path) }
    let output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    check(output >= 0, "cannot open the output")
    defer { close(output) }
    let messages = Messages()
    var result = Run(outputs: [], statistics: nil, error: nil, messages: [])
    do throws(FilterError) {
        if case .route = options.action {
            result.statistics = try filter.run(inputs: [inputPath], routePaths: routePaths, report: { messages.lines.append($0) })
        } else {
            result.statistics = try filter.run(inputs: [inputPath], outputDescriptor: output, report: { messages.lines.append($0) })
        }
    } catch {
        result.error = "\(error)"
    }
    result.messages = messages.lines
    if case .route = options.action {
        result.outputs = Destination.allCases.map { contents(of: routePaths[$0]!) }
    } else {
        result.outputs = [contents(of: outputPath)]
    }
    return result
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFilter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let setting = data[0]
    let text = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let action: FilterAction = switch setting & 3 {
    case 0: .label(.tsv)
    case 1: .label(.jsonl)
    case 2: .keep([.english])
    default: .route(Set(Destination.allCases))
    }
    var options = FilterOptions(action: action)
    options.unit = setting & 4 == 0 ? .sentence : .line
    options.clean = setting & 8 == 0
    options.blockBytes = [16, 61, 1024, 1 << 20][Int(setting >> 4) & 3]
    options.paragraphs = setting & 0x40 == 0 ? .lineBreak : .blankLine
    if setting & 0x80 != 0 { options.documents = DocumentOptions() }
    write(text, to: inputPath)

    let one = run(options, threads: 1)
    let two = run(options, threads: 2)
    check(one == two, "1 and 2 threads differ:\n\(one)\n\(two)")

    let container = text.starts(with: [0x1F, 0x8B]) || text.starts(with: [0x28, 0xB5, 0x2F, 0xFD])
        || text.starts(with: Array("WARC/1.".utf8))
    guard let statistics = one.statistics else {
        check(container, "plain input failed: \(one.error ?? "")")
        return 0
    }
    if container { return 0 }
    check(statistics.inputBytes == text.count, "read \(statistics.inputBytes) of \(text.count) bytes")
    let dropped = statistics.droppedBytes.values.reduce(0, +)
    check(
        statistics.emittedBytes + dropped + statistics.layoutBytes == statistics.inputBytes,
        "accounting: emitted \(statistics.emittedBytes) + dropped \(dropped) + layout \(statistics.layoutBytes) != input \(statistics.inputBytes)")
    if case .label = options.action, options.unit == .line, options.documents == nil {
        let lines = text.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + (text.last.map { $0 != 0x0A ? 1 : 0 } ?? 0)
        let records = one.outputs[0].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        check(records == lines, "\(records) records for \(lines) lines")
        check(statistics.lines == lines, "statistics count \(statistics.lines) lines of \(lines)")
    }
    return 0
}
