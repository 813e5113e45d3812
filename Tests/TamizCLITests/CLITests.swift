import Foundation
import TamizTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `tamiz` binary the way a user or a pipeline does.
struct CLI {
    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("tamiz")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return Paths.packageURL(".build/debug/tamiz")
    }()

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs a shell command line in which `tamiz` names the built binary.
    static func shell(_ command: String, input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "set -o pipefail; tamiz() { \"\(binary.path)\" \"$@\"; }; " + command]
        let outputPipe = Pipe(), errorPipe = Pipe(), inputPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inputPipe.fileHandleForWriting.close()
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        let error = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            error: String(decoding: error, as: UTF8.self))
    }

    static func temporaryFile(_ name: String) -> String {
        Scratch.path(name)
    }
}

@Suite("Command line")
struct CLITests {
    @Test("keep en on stdin prints the English sentences")
    func keepFromStandardInput() throws {
        let result = try CLI.shell("tamiz keep en", input: "The museum reopened today. El museo reabrió hoy.\n")
        #expect(result.status == 0)
        #expect(result.output == "The museum reopened today.\n")
    }

    @Test("empty input exits 0 with no output")
    func emptyInput() throws {
        let result = try CLI.shell("tamiz label", input: "")
        #expect(result.status == 0)
        #expect(result.output.isEmpty && result.error.isEmpty)
    }

    @Test("a usage error exits 2", arguments: ["tamiz keep", "tamiz label --unit word", "tamiz frobnicate",
                                               "tamiz route --en a.txt", "tamiz label --threads 0"])
    func usageError(command: String) throws {
        let result = try CLI.shell(command, input: "")
        #expect(result.status == 2)
        #expect(!result.error.isEmpty)
    }

    @Test("an unreadable input exits 1 with a message naming it")
    func unreadableInput() throws {
        let result = try CLI.shell("tamiz label /nonexistent/scrape.txt")
        #expect(result.status == 1)
        #expect(result.error.contains("/nonexistent/scrape.txt"))
    }

    @Test("an unwritable route destination exits 1")
    func unwritableOutput() throws {
        let result = try CLI.shell("tamiz route --en /nonexistent/en.txt --es /nonexistent/es.txt", input: "Hello there.\n")
        #expect(result.status == 1)
        #expect(result.error.contains("/nonexistent/en.txt"))
    }

    @Test("a missing or corrupt model file exits 1 with a clear message")
    func corruptModel() throws {
        let path = CLI.temporaryFile("corrupt.model")
        try Data("this is not a model".utf8).write(to: URL(fileURLWithPath: path))
        for model in [path, "/nonexistent/tamiz.model"] {
            let result = try CLI.shell("tamiz label --model \(model)", input: "Hello there.\n")
            #expect(result.status == 1)
            #expect(result.error.contains("model"))
        }
    }

    @Test("invalid UTF-8 under --strict exits 1 naming the line")
    func strictInvalidUTF8() throws {
        let path = CLI.temporaryFile("invalid.txt")
        try Data([0x48, 0x69, 0x0A, 0xC3, 0x28, 0x0A]).write(to: URL(fileURLWithPath: path))
        let result = try CLI.shell("tamiz label --strict \(path)")
        #expect(result.status == 1)
        #expect(result.error.contains("line 2"))
    }

    @Test("a reader closing the output early ends tamiz quietly with status 0")
    func closedStandardOutput() throws {
        let path = CLI.temporaryFile("big.txt")
        let paragraph = "The tide came in faster than anyone expected, and the boats were pulled up the beach.\n"
        try Data(String(repeating: paragraph, count: 200_000).utf8).write(to: URL(fileURLWithPath: path))
        let errors = CLI.temporaryFile("errors.txt")
        let result = try CLI.shell("tamiz label \(path) 2>\(errors) | head -1; echo \"status=${PIPESTATUS[0]}\"")
        #expect(result.output.hasPrefix("en\t"))
        #expect(result.output.hasSuffix("status=0\n"))
        #expect(try String(contentsOfFile: errors, encoding: .utf8).isEmpty)
    }

    @Test("a single 100 MB line is processed in bounded memory")
    func hundredMegabyteLine() throws {
        let path = CLI.temporaryFile("long-line.txt")
        let chunk = Array(String(repeating: "abc def ghi jkl ", count: 65_536).utf8)  // 1 MiB
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        for _ in 0..<100 { handle.write(Data(chunk)) }
        handle.write(Data([0x0A]))
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }

        let result = try CLI.shell("tamiz label --unit line --stats \(path) | wc -c")
        #expect(result.status == 0)
        #expect(Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 100 << 20)
        // tamiz's own high-water mark: getrusage from here would also count this test process's
        // memory, which Linux carries into a spawned child across exec.
        let peak = result.error.split(separator: "\n").first { $0.hasPrefix("peak memory: ") }
            .flatMap { Int($0.dropFirst("peak memory: ".count).prefix { $0.isNumber }) }
        #expect(peak != nil)
        #expect((peak ?? .max) < 80 * 1024, "peak RSS \(peak ?? -1) KiB")  // the line alone is 100 MiB
    }
}
