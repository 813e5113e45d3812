import ArgumentParser
import Tamiz
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Options shared by `label`, `keep` and `route`.
struct CommonOptions: ParsableArguments {
    @Option(help: "What one unit is: 'sentence' (ICU sentences within each line), 'line' (exactly one unit per input line) or 'span' (each run of one language within a sentence, for code-switched text; label adds its code-point offsets in the line).")
    var unit: UnitKind = .sentence

    @Option(help: "With --unit sentence: where a paragraph ends: 'line' (every line break) or 'blank-line' (single line breaks are soft wraps, as in hard-wrapped PDF or e-mail text).")
    var paragraphs: ParagraphBreaks = .lineBreak

    @Flag(name: .customLong("no-clean"), help: "Label language only: do not mark debris lines.")
    var noClean = false

    @Flag(help: "Fail on invalid UTF-8 (instead of replacing it with U+FFFD) and, with --jsonl, on invalid records (instead of reporting and skipping them).")
    var strict = false

    @Flag(help: "Print counts of units, debris reasons and bytes to standard error at the end.")
    var stats = false

    @Option(help: "Worker threads (default: all cores, at most 64; larger values use 64). Output is identical for every value.")
    var threads: Int?

    @Option(name: .customLong("min-confidence"), help: "Label units below this confidence 'und' (0...1).")
    var minConfidence: Float?

    @Option(help: ArgumentHelp("Use this model file instead of the built-in one.", valueName: "path"))
    var model: String?

    @Flag(help: "Read JSON Lines: each line is a JSON object whose text field is one document.")
    var jsonl = false

    @Option(help: ArgumentHelp("With --jsonl: the text field, a dotted path for nested objects.", valueName: "path"))
    var field = "text"

    @Option(help: ArgumentHelp("With --jsonl: copy records that are not valid JSON objects with a text field here.", valueName: "path"))
    var errors: String?

    @Option(name: .customLong("min-fraction"), help: "With --jsonl, keep/route: a document counts as a language when at least this share of its content is in it.")
    var minFraction: Double = 0.5

    @Flag(help: "With --jsonl, keep/route: act on each document's per-language parts instead of whole documents.")
    var split = false

    @Flag(name: .customLong("language-fields"), help: "With --jsonl or WARC input: also write top-level \"language\" and \"language_score\" members, the fields datatrove and FineWeb read.")
    var languageFields = false

    @Option(help: ArgumentHelp("With --jsonl or WARC input: write Dolma-style attributes here, one line per document: its id and per-language spans [start, end, score] in code points.", valueName: "path"))
    var attributes: String?

    @Option(help: ArgumentHelp("Compress standard output: gzip, zstd or none (route and --errors paths ending in .gz or .zst are compressed by their name).", valueName: "format"))
    var compress: Compression = .none

    @Flag(help: "Show bytes read (and the share of the total), MB/s, records, elapsed and remaining time on standard error.")
    var progress = false

    func validate() throws {
        if paragraphs == .blankLine && (unit != .sentence || jsonl) {
            throw ValidationError("--paragraphs blank-line needs --unit sentence and plain-text input (not --jsonl).")
        }
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1.")
        }
        if let minConfidence, !(0...1).contains(minConfidence) {
            throw ValidationError("--min-confidence must be between 0 and 1.")
        }
        if !(0...1).contains(minFraction) {
            throw ValidationError("--min-fraction must be between 0 and 1.")
        }
        // --errors, --split and --language-fields also apply to WARC inputs, which are found by content.
        if !jsonl && field != "text" {
            throw ValidationError("--field needs --jsonl.")
        }
        if field.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw ValidationError("--field must be a dotted path such as 'text' or 'page.body'.")
        }
        _ = try Self.gzipDecoderFromEnvironment()
    }

    /// `TAMIZ_GZIP_DECODER=zlib|isal` picks the gzip decoder (README "Input formats"); unset or
    /// empty, ISA-L where it loads, else zlib.
    static func gzipDecoderFromEnvironment() throws -> FilterOptions.GzipDecoder {
        switch getenv("TAMIZ_GZIP_DECODER").map({ String(cString: $0) }) ?? "" {
        case "": return .automatic
        case "zlib": return .zlib
        case "isal": return .isal
        case let other: throw ValidationError("TAMIZ_GZIP_DECODER must be 'zlib' or 'isal', not '\(other)'.")
        }
    }

    /// Filter options for `action` from these flags.
    func filterOptions(action: FilterAction) -> FilterOptions {
        var options = FilterOptions(action: action)
        options.unit = unit
        options.paragraphs = paragraphs
        options.clean = !noClean
        options.strict = strict
        options.threads = threads ?? defaultThreadCount()
        options.minimumConfidence = minConfidence
        options.gzipDecoder = (try? Self.gzipDecoderFromEnvironment()) ?? .automatic
        var documents = DocumentOptions()
        documents.fieldPath = field.split(separator: ".").map(String.init)
        documents.minimumFraction = minFraction
        documents.split = split
        documents.languageFields = languageFields
        if jsonl {
            options.documents = documents
        } else {
            documents.fieldPath = ["text"]
            options.warcDocuments = documents
        }
        return options
    }

    /// Runs the filter and prints `--stats`; turns failures into the CLI's exit codes.
    func run(action: FilterAction, inputs: [String], routePaths: [Destination: String] = [:]) throws {
        let languageModel: LanguageModel
        if let model {
            do {
                languageModel = try ModelFile.load(model)
            } catch {
                throw RuntimeError(error.description)
            }
        } else {
            languageModel = .embedded
        }
        let options = filterOptions(action: action)
        keepFreedMemoryForReuse()
        let filter = TamizFilter(options: options, model: languageModel)
        do {
            let statistics = try filter.run(
                inputs: inputs, routePaths: routePaths, outputCompression: compress, progress: progress,
                errorsPath: errors, attributesPath: attributes,
                report: { printToStandardError("tamiz: \($0)") })
            if stats {
                printToStandardError(statistics.report)
                if let peak = peakResidentKiB() { printToStandardError("peak memory: \(peak) KiB") }
            }
        } catch where error.kind == .outputClosed {
            return  // `tamiz … | head`: the reader has all it wants; end quietly.
        } catch where error.kind == .usage {
            throw UsageError(error.description)
        } catch {
            if case .interrupted(let signal) = error.kind {
                throw Interrupted(signal: signal, description: error.description)
            }
            throw RuntimeError(error.description)
        }
    }
}

/// SIGINT or SIGTERM stopped the run: one line on standard error, exit status 128 + signal.
struct Interrupted: Error, CustomStringConvertible {
    var signal: Int32
    var description: String
}

extension UnitKind: ExpressibleByArgument {}
extension ParagraphBreaks: ExpressibleByArgument {}
extension Compression: ExpressibleByArgument {}
extension LabelFormat: ExpressibleByArgument {}
