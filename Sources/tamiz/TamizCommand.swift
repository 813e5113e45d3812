import ArgumentParser
import Tamiz
import CMemory

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct TamizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tamiz",
        abstract: "Clean scraped English/Spanish text and keep or route every sentence by language.",
        discussion: """
            Reads FILEs (or standard input when there is none, or for '-'), splits each line into \
            sentences, marks scrape debris (navigation, banners, lines without letters, repeated \
            boilerplate) and labels every unit en, es or und.

            Inputs compressed with gzip or zstd, and WARC/WET files, are recognised by their first \
            bytes. Gzip is decoded with ISA-L where libisal.so.2 is installed, else with zlib; the \
            environment variable TAMIZ_GZIP_DECODER=zlib (or isal) picks one.

            Exit status: 0 ok (also when a reader such as 'head' closes the output early), \
            1 runtime error (unreadable input, unwritable output, bad model, invalid UTF-8 under \
            --strict), 2 usage error.
            """,
        subcommands: [Label.self, Keep.self, Route.self, Eval.self]
    )

    /// ArgumentParser's own `main` exits 64 on usage errors; Unix habit (and this CLI's contract)
    /// is 2, and runtime failures are 1.
    static func main() {
        // A closed standard output must surface as EPIPE (a quiet end), not kill the process.
        signal(SIGPIPE, SIG_IGN)
        reserveStandardDescriptors()
        StopSignal.install()
        if let repeated = repeatedSingleValueOption(in: CommandLine.arguments.dropFirst()) {
            printToStandardError("Error: \(repeated) is given more than once (it takes one value).")
            Glibc.exit(2)
        }
        do {
            var arguments = Array(CommandLine.arguments.dropFirst())
            let laterInputs = setAsideInputs(&arguments)
            var command = try parseAsRoot(arguments)
            if !laterInputs.isEmpty, var withInputs = command as? any TakesInputFiles {
                withInputs.appendInputs(laterInputs)
                command = withInputs
            }
            try command.run()
        } catch let error as RuntimeError {
            printToStandardError("tamiz: \(error.description)")
            Glibc.exit(1)
        } catch let error as Interrupted {
            printToStandardError("tamiz: \(error.description)")
            Glibc.exit(128 + error.signal)
        } catch let error as UsageError {
            printToStandardError("tamiz: \(error.description)")
            Glibc.exit(2)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Glibc.exit(0)
            }
            if !message.isEmpty { printToStandardError(message) }
            Glibc.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Reopens standard descriptors that were closed (`2>&-`) on /dev/null, so that no file tamiz
/// opens later takes their number: with standard error closed, messages would otherwise be
/// written into the first output file. A closed standard input or output is reopened in the
/// wrong direction, so using it fails (EBADF, exit 1) instead of reading nothing or writing
/// into the void; a closed standard error just silences the messages.
func reserveStandardDescriptors() {
    for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
        let flags = descriptor == 1 ? O_RDONLY : O_WRONLY
        let opened = open("/dev/null", flags)
        if opened >= 0 && opened != descriptor {
            dup2(opened, descriptor)
            close(opened)
        }
    }
}

/// Options that take one value. ArgumentParser keeps the last of repeated ones silently, so
/// `route --en a --en b` would drop `a` without a word; tamiz refuses it instead. The list also
/// tells option values from input files (`setAsideInputs`); `PathSafetyTests` checks it names
/// every option of label, keep and route that takes a value.
let singleValueOptions: Set<String> = [
    "--en", "--es", "--und", "--debris", "--errors", "--model", "--field", "--threads", "--unit",
    "--format", "--min-confidence", "--min-fraction", "--word-lists", "--paragraphs", "--attributes",
    "--compress",
]

/// The first single-value option that appears more than once before `--`, if any.
func repeatedSingleValueOption(in arguments: ArraySlice<String>) -> String? {
    var seen: Set<String> = []
    for argument in arguments {
        if argument == "--" { break }
        guard argument.hasPrefix("--") else { continue }
        let name = String(argument.prefix { $0 != "=" })
        guard singleValueOptions.contains(name) else { continue }
        if !seen.insert(name).inserted { return name }
    }
    return nil
}

struct Label: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Annotate every unit with its language, confidence and debris reason.",
        discussion: """
            tsv: lang<TAB>confidence<TAB>debris<TAB>text, where debris is '-' or a reason word \
            (\(DebrisReason.allCases.map(\.rawValue).joined(separator: ", "))) and backslash, tab, \
            newline, carriage return and NUL in the text are written \\\\ \\t \\n \\r \\0.
            jsonl: {"line":N,"lang":…,"confidence":…,"debris":…|null,"text":…} per unit \
            ("file" is added when there is more than one input).
            With --unit span, tsv has lang<TAB>confidence<TAB>debris<TAB>start<TAB>end<TAB>text and \
            jsonl records have "start" and "end" after "line": the span's offsets in Unicode code \
            points into its input line, end exclusive (Python's line[start:end] is the text).
            """)

    @Option(help: "Output format: tsv or jsonl.")
    var format: LabelFormat = .tsv

    @OptionGroup var common: CommonOptions

    @Argument(help: "Input files ('-' or none: standard input).")
    var files: [String] = []

    func run() throws {
        try common.run(action: .label(format), inputs: files)
    }
}

struct Keep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the text of units in the given languages, debris dropped.",
        discussion: """
            The leading arguments that are language codes (en, es, und) choose the languages; \
            the rest are files (write ./en for a file named 'en'). With --unit sentence (or span), \
            the kept sentences (or language spans) of one input line are printed on one line, \
            joined by single spaces.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("Languages to keep, then input files.", valueName: "lang-or-file"))
    var arguments: [String] = []

    var split: (languages: Set<Language>, files: [String]) {
        let languageCount = arguments.prefix { Language(rawValue: $0) != nil }.count
        return (Set(arguments.prefix(languageCount).compactMap(Language.init(rawValue:))),
                Array(arguments.dropFirst(languageCount)))
    }

    func validate() throws {
        if split.languages.isEmpty {
            throw ValidationError("Name at least one language to keep: en, es or und.")
        }
    }

    func run() throws {
        let (languages, files) = split
        try common.run(action: .keep(languages), inputs: files)
    }
}

struct Route: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every unit's text to the file for its language (or debris).",
        discussion: """
            Each unit goes to exactly one destination: --en, --es, --und, or --debris for \
            units the cleaner dropped. Units whose destination has no file are counted and dropped \
            (see --stats). Files are created or truncated.
            """)

    @Option(help: ArgumentHelp("File for English units.", valueName: "path"))
    var en: String

    @Option(help: ArgumentHelp("File for Spanish units.", valueName: "path"))
    var es: String

    @Option(help: ArgumentHelp("File for undetermined units.", valueName: "path"))
    var und: String?

    @Option(help: ArgumentHelp("File for debris units.", valueName: "path"))
    var debris: String?

    @OptionGroup var common: CommonOptions

    @Argument(help: "Input files ('-' or none: standard input).")
    var files: [String] = []

    func run() throws {
        var paths: [Destination: String] = [.english: en, .spanish: es]
        paths[.undetermined] = und
        paths[.debris] = debris
        try common.run(action: .route(Set(paths.keys)), inputs: files, routePaths: paths)
    }
}

/// Blocks, their outputs and the cleaner's per-document tables (0.3–2 MB each) are allocated and
/// freed once per block. Served from fresh mmap pages, or from a heap trimmed after each free,
/// every block pays its page faults again: a fifth of the CPU time of `keep en` on real scrapes at
/// two threads. Kept for reuse, they cost about 10 MB more peak memory (numbers:
/// Docs/Measurements.md). Documents of 4 MiB or more still hand their memory back after them.
func keepFreedMemoryForReuse() {
    tz_keep_freed_memory()
}
