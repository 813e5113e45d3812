import Foundation
import TamizClassifying
import TamizTestSupport
import Testing

/// `--model` files that cannot be models, thread limits, over-long records (issue #12).
@Suite("Model files and resources")
struct ResourceTests {
    @Test("a 100 GB model file is refused from its size, without reading it")
    func hugeModelFile() throws {
        let path = CLI.temporaryFile("huge.model")
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 100 << 30)  // sparse: no disk used
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.shell("tamiz label --model \(path)", input: "The council met on Tuesday.\n")
        #expect(result.status == 1)
        #expect(result.error.contains("larger than any Tamiz model"))
    }

    @Test("a FIFO as --model is refused at once instead of waiting for a writer")
    func fifoModel() throws {
        let path = CLI.temporaryFile("model.fifo")
        #expect(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.shell("timeout 20 \"\(CLI.binary.path)\" label --model \(path)", input: "The council met on Tuesday.\n")
        #expect(result.status == 1)
        #expect(result.error.contains("not a regular file"))
    }

    @Test("a directory as --model is named in words, not as an errno")
    func directoryModel() throws {
        let result = try CLI.shell("tamiz label --model /tmp", input: "The council met on Tuesday.\n")
        #expect(result.status == 1)
        #expect(result.error.contains("is a directory"))
        #expect(!result.error.contains("errno"))
    }

    @Test("a truncated model file is refused from its header")
    func truncatedModel() throws {
        let model = URL(fileURLWithPath: Paths.model)
        let path = CLI.temporaryFile("truncated.model")
        try Data(try Data(contentsOf: model).prefix(4096)).write(to: URL(fileURLWithPath: path))
        let result = try CLI.shell("tamiz label --model \(path)", input: "The council met on Tuesday.\n")
        #expect(result.status == 1)
        #expect(result.error.contains("truncated"))
    }

    /// `Hi,` is kept English by the evidence word `hi` (confidence 0.944, below the 0.98 at which
    /// the word lists are consulted); a model without lists makes it `und`.
    @Test("--model brings its own evidence word lists")
    func modelWordLists() throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Paths.model)))
        bytes.removeSubrange(ModelFormat.wordListOffset(bucketBits: Int(bytes[25]))...)
        bytes += [UInt8](repeating: 0, count: 8)  // no English, no Spanish words
        ModelFormat.seal(&bytes)
        let path = CLI.temporaryFile("no-words.model")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let builtIn = try CLI.shell("tamiz label", input: "Hi,\n")
        let own = try CLI.shell("tamiz label --model \(path)", input: "Hi,\n")
        #expect(builtIn.status == 0 && own.status == 0)
        #expect(builtIn.output.hasPrefix("en\t"))
        #expect(own.output.hasPrefix("und\t"))
    }

    @Test("a version 2 model file is refused by its version")
    func versionTwoModel() throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Paths.model)))
        bytes.removeSubrange(ModelFormat.wordListOffset(bucketBits: Int(bytes[25]))...)
        bytes[8] = 2
        ModelFormat.seal(&bytes)
        let path = CLI.temporaryFile("v2.model")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.shell("tamiz label --model \(path)", input: "Hi,\n")
        #expect(result.status == 1)
        #expect(result.error.contains("unsupported model format version 2 (this build reads version 3)"))
    }

    @Test("threads the system refuses end the run with exit 1 and a message, not a crash")
    func refusedThreads() throws {
        // Each thread's stack reserves address space (as much as `ulimit -s` says): with 64 MB
        // stacks, 700 MB fits the one-thread run and not 64 workers. (With the default 8 MB
        // stacks, 64 of them fit next to a small process, so the run could succeed.)
        let limits = "ulimit -s 65536; ulimit -v 700000"
        let one = try CLI.shell("(\(limits); tamiz label --threads 1)", input: "The council met on Tuesday.\n")
        #expect(one.status == 0)
        let many = try CLI.shell("(\(limits); tamiz label --threads 64)", input: "The council met on Tuesday.\n")
        #expect(many.status == 1)
        #expect(many.error.contains("cannot start a thread"))
    }
}

@Suite("Signals")
struct SignalTests {
    @Test("SIGINT and SIGTERM write the lines read so far, whole, print one line and exit 128 + signal",
          arguments: [("INT", 130), ("TERM", 143)] as [(String, Int32)])
    func stopOnSignal(signal: String, status: Int32) throws {
        let output = CLI.temporaryFile("out.tsv")
        let errors = CLI.temporaryFile("err.txt")
        // The writer keeps the pipe open, so tamiz is still reading when the signal comes.
        let script = """
            (printf 'The council met on Tuesday.\\nEl consejo se reunió el martes.\\n'; sleep 8) 2>/dev/null \
            | "\(CLI.binary.path)" label --threads 2 > \(output) 2> \(errors) &
            pid=$!; sleep 3; kill -\(signal) $pid; wait $pid; echo "status=$?"
            """
        let result = try CLI.shell(script)
        #expect(result.output == "status=\(status)\n")
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasSuffix("\tThe council met on Tuesday.\nes\t1.000\t-\tEl consejo se reunió el martes.\n"))
        let message = try String(contentsOfFile: errors, encoding: .utf8)
        #expect(message.split(separator: "\n").count == 1)
        #expect(message.contains("interrupted by SIG\(signal)"))
    }
}

@Suite("Memory bounds")
struct MemoryBoundTests {
    /// tamiz's own peak RSS from `--stats` (VmHWM: getrusage here would count this test process too).
    static func peakKiB(_ result: CLI.Result) -> Int? {
        result.error.split(separator: "\n").first { $0.hasPrefix("peak memory: ") }
            .flatMap { Int($0.dropFirst("peak memory: ".count).prefix { $0.isNumber }) }
    }

    @Test("8 MB of blank lines stays within a block-size bound at 2 threads (it took 285 MB)")
    func blankLines() throws {
        let path = CLI.temporaryFile("blank.txt")
        try Data(repeating: 0x0A, count: 8_000_000).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.shell("tamiz keep en --threads 2 --stats \(path)")
        #expect(result.status == 0)
        let peak = Self.peakKiB(result)
        #expect((peak ?? .max) < 100 * 1024, "peak RSS \(peak ?? -1) KiB")
    }

    /// A 10 MB record `{"id":1,"text":…}` of numbered lines (so that the cleaner does not take them
    /// for repeated boilerplate), each of `sentencesPerLine` English and Spanish sentence pairs.
    static func largeRecord(sentencesPerLine: Int) -> String {
        var record = #"{"id":1,"text":""#
        var day = 0
        while record.utf8.count < 10_000_000 {
            for sentence in 0..<sentencesPerLine {
                day += 1
                if sentence > 0 { record += " " }
                record += "The council met on day \(day) to discuss the budget. El consejo se reunió el día \(day) para hablar del presupuesto."
            }
            record += "\\n"
        }
        return record + "\"}\n"
    }

    /// Peak memory of `label --jsonl` on `record`, which must come out whole (all of it is content).
    static func labelPeakKiB(_ record: String) throws -> Int? {
        let path = CLI.temporaryFile("record.jsonl")
        try record.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.shell("tamiz label --jsonl --threads 1 --stats \(path) | wc -c")
        #expect(result.status == 0)
        #expect(Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > record.utf8.count)
        return peakKiB(result)
    }

    @Test("a 10 MB JSON Lines record of paragraphs peaks below twice its size plus 32 MB (it took 4 times)")
    func largeJSONRecordOfParagraphs() throws {
        let record = Self.largeRecord(sentencesPerLine: 5)
        let peak = try Self.labelPeakKiB(record)
        let bound = (2 * record.utf8.count + (32 << 20)) / 1024
        #expect((peak ?? .max) < bound, "peak RSS \(peak ?? -1) KiB, bound \(bound) KiB")
    }

    @Test("a 10 MB JSON Lines record of 110-byte lines peaks below three times its size plus 32 MB (it took 108 MB)")
    func largeJSONRecordOfShortLines() throws {
        let record = Self.largeRecord(sentencesPerLine: 1)
        let peak = try Self.labelPeakKiB(record)
        // The cleaner's tables, about 170 bytes a line, come on top of the record here.
        let bound = (3 * record.utf8.count + (32 << 20)) / 1024
        #expect((peak ?? .max) < bound, "peak RSS \(peak ?? -1) KiB, bound \(bound) KiB")
    }

    @Test("a JSON Lines record of 500,000 one-letter lines peaks below twice its size plus 40 MB (it took 110 MB)")
    func largeJSONRecordOfTinyLines() throws {
        let path = CLI.temporaryFile("tiny-lines.jsonl")
        let record = #"{"id":1,"text":""# + String(repeating: "a\\n", count: 500_000) + "\"}\n"
        try record.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.shell("tamiz label --jsonl --threads 1 --stats \(path)")
        #expect(result.status == 0)
        #expect(result.output.contains(#""dropped":{"repeated":500000}"#))
        // The cleaner's tables are those of one window of 65,536 lines, whatever the line count.
        let peak = Self.peakKiB(result)
        let bound = (2 * record.utf8.count + (40 << 20)) / 1024
        #expect((peak ?? .max) < bound, "peak RSS \(peak ?? -1) KiB, bound \(bound) KiB")
    }

    @Test("--threads 10000 on a short input uses no more memory than the thread cap allows")
    func hugeThreadCount() throws {
        let result = try CLI.shell("tamiz label --threads 10000 --stats", input: "The council met on Tuesday.\n")
        #expect(result.status == 0)
        let peak = Self.peakKiB(result)
        #expect((peak ?? .max) < 100 * 1024, "peak RSS \(peak ?? -1) KiB")
    }
}

@Suite("Many inputs")
struct ManyInputsTests {
    /// A directory with `count` files `in1.txt`… each holding one sentence naming its number;
    /// every other one gzip-compressed (`in2.txt.gz`…), which is read on a thread of its own.
    static func inputs(_ count: Int) throws -> (directory: String, names: [String]) {
        let directory = CLI.temporaryFile("inputs")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var names: [String] = []
        for number in 1...count {
            let path = "\(directory)/in\(number).txt"
            try "The council met on day \(number) of the session.\n".write(toFile: path, atomically: false, encoding: .utf8)
            if number.isMultiple(of: 2) {
                #expect(try CLI.shell("gzip -n \(path)").status == 0)
                names.append("in\(number).txt.gz")
            } else {
                names.append("in\(number).txt")
            }
        }
        return (directory, names)
    }

    @Test("200 inputs are read one at a time under a limit of 64 open files, in order")
    func moreInputsThanOpenFiles() throws {
        let (directory, names) = try Self.inputs(200)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for threads in [1, 2] {
            let result = try CLI.shell(
                "cd \(directory) && (ulimit -n 64; tamiz label --unit line --no-clean --threads \(threads) \(names.joined(separator: " ")))")
            #expect(result.status == 0, "\(result.error)")
            let texts = result.output.split(separator: "\n").map { $0.split(separator: "\t").last.map(String.init) }
            #expect(texts == (1...200).map { "The council met on day \($0) of the session." })
        }
    }

    /// The argument splitting behind this test was quadratic in the number of names; its speed
    /// belongs in a benchmark, so this checks only that every name is read, in order.
    @Test("8,000 file names on one command line are each read once, in order")
    func manyFileNamesAreEachRead() throws {
        let directory = CLI.temporaryFile("names")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "The council met on Tuesday.\n".write(toFile: "\(directory)/x.txt", atomically: false, encoding: .utf8)
        try "El consejo se reunió el martes.\n".write(toFile: "\(directory)/y.txt", atomically: false, encoding: .utf8)
        let result = try CLI.shell(
            "cd \(directory) && tamiz label --unit line --no-clean $(for i in $(seq 4000); do printf 'x.txt y.txt '; done)")
        #expect(result.status == 0, "\(result.error)")
        let languages = result.output.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) }
        #expect(languages == Array(repeating: ["en", "es"], count: 4000).flatMap { $0 })
    }
}
