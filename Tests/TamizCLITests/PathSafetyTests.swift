import Foundation
import Testing

/// Outputs that would destroy an input or each other are refused before anything is written.
@Suite("Paths that collide")
struct PathSafetyTests {
    static let article = "The council met on Tuesday to discuss the budget.\nEl consejo se reunió el martes.\n"

    private func input(_ name: String, _ text: String = PathSafetyTests.article) throws -> String {
        let path = CLI.temporaryFile(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a route destination that is the input is refused and the input survives")
    func routeDestinationIsTheInput() throws {
        let path = try input("in.txt")
        let es = CLI.temporaryFile("es.txt")
        let result = try CLI.shell("tamiz route --en \(path) --es \(es) \(path)")
        #expect(result.status == 2)
        #expect(result.error.contains("is the input"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.article)
        #expect(!FileManager.default.fileExists(atPath: es), "a refused run leaves no new file behind")
    }

    @Test("a destination reached through a symbolic link to the input is refused")
    func destinationLinkedToTheInput() throws {
        let path = try input("in.txt")
        let link = CLI.temporaryFile("link.txt")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let result = try CLI.shell("tamiz route --en \(CLI.temporaryFile("en.txt")) --es \(link) \(path)")
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.article)
    }

    @Test("two destinations on one file are refused")
    func twoDestinationsOneFile() throws {
        let path = try input("in.txt")
        let same = CLI.temporaryFile("same.txt")
        let result = try CLI.shell("tamiz route --en \(same) --es \(same) \(path)")
        #expect(result.status == 2)
        #expect(result.error.contains("same file"))
    }

    @Test("--errors equal to the input is refused and the input survives")
    func errorsFileIsTheInput() throws {
        let record = #"{"id":1,"text":"The council met on Tuesday."}"# + "\n"
        let path = try input("in.jsonl", record)
        let result = try CLI.shell("tamiz label --jsonl --errors \(path) \(path)")
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == record)
    }

    @Test("standard output appended to the input is refused")
    func standardOutputIsTheInput() throws {
        let path = try input("in.txt")
        let result = try CLI.shell("tamiz label \(path) >> \(path)")
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.article)
    }

    @Test("/dev/null may receive several destinations")
    func devNullTwice() throws {
        let path = try input("in.txt")
        let result = try CLI.shell("tamiz route --en /dev/null --es /dev/null \(path)")
        #expect(result.status == 0)
    }

    @Test("a repeated single-value option is a usage error, not a silent choice", arguments: [
        "tamiz route --en a.txt --en b.txt --es c.txt", "tamiz label --threads 1 --threads=2",
    ])
    func repeatedOption(command: String) throws {
        let result = try CLI.shell(command, input: "The council met on Tuesday.\n")
        #expect(result.status == 2)
        #expect(result.error.contains("more than once"))
    }

    @Test("every option of label, keep and route that takes a value is refused when repeated",
          arguments: ["label", "keep", "route"])
    func everyValueOptionIsSingle(subcommand: String) throws {
        // The CLI's list of value options also tells option values from input files, so it must
        // name every one; ArgumentParser's own description of the command is the reference.
        let dump = try CLI.shell("tamiz \(subcommand) --experimental-dump-help")
        let tool = try JSONSerialization.jsonObject(with: Data(dump.output.utf8)) as? [String: Any]
        let command = tool?["command"] as? [String: Any]
        let arguments = command?["arguments"] as? [[String: Any]] ?? []
        let valueOptions = arguments.filter { $0["kind"] as? String == "option" }
            .compactMap { ($0["names"] as? [[String: Any]])?.first?["name"] as? String }
        #expect(valueOptions.count >= 10)
        for option in valueOptions {
            let languages = subcommand == "keep" ? " en" : ""
            let result = try CLI.shell("tamiz \(subcommand)\(languages) --\(option) a --\(option) b")
            #expect(result.status == 2, "--\(option)")
            #expect(result.error.contains("--\(option) is given more than once"), "--\(option)")
        }
    }

    @Test("--field naming the result member is refused instead of losing the text")
    func fieldIsTheResultMember() throws {
        let result = try CLI.shell(
            "tamiz label --jsonl --field tamiz", input: #"{"id":1,"tamiz":"The council met."}"# + "\n")
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("tamiz"))
    }
}

@Suite("Closed standard descriptors")
struct ClosedDescriptorTests {
    @Test("with standard error closed, diagnostics never land in the --errors file")
    func closedStandardErrorKeepsErrorsFileClean() throws {
        let errors = CLI.temporaryFile("errors.txt")
        let result = try CLI.shell(
            "printf 'The council met.\\n' | tamiz label --jsonl --errors \(errors) 2>&-")
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: errors, encoding: .utf8) == "The council met.\n")
    }

    @Test("with standard output closed, tamiz fails instead of writing into another file")
    func closedStandardOutputFails() throws {
        let result = try CLI.shell("printf 'The council met.\\n' | tamiz label >&-")
        #expect(result.status == 1)
        #expect(result.error.contains("standard output"))
    }
}
