import ArgumentParser
import Tamiz

/// Options shared by `label`, `keep` and `route`.
struct CommonOptions: ParsableArguments {
    @Option(help: "What one unit is: 'sentence' (ICU sentences within each line) or 'line' (exactly one unit per input line).")
    var unit: UnitKind = .sentence

    @Flag(name: .customLong("no-clean"), help: "Label language only: do not mark debris lines.")
    var noClean = false

    @Flag(help: "Fail on invalid UTF-8 instead of replacing it with U+FFFD.")
    var strict = false

    @Flag(help: "Print counts of units, debris reasons and bytes to standard error at the end.")
    var stats = false

    @Option(help: "Worker threads (default: all cores). Output is identical for every value.")
    var threads: Int?

    @Option(name: .customLong("min-confidence"), help: "Label units below this confidence 'und' (0...1).")
    var minConfidence: Float?

    @Option(help: ArgumentHelp("Use this model file instead of the built-in one.", valueName: "path"))
    var model: String?

    func validate() throws {
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1.")
        }
        if let minConfidence, !(0...1).contains(minConfidence) {
            throw ValidationError("--min-confidence must be between 0 and 1.")
        }
    }

    /// Filter options for `action` from these flags.
    func filterOptions(action: FilterAction) -> FilterOptions {
        var options = FilterOptions(action: action)
        options.unit = unit
        options.clean = !noClean
        options.strictUTF8 = strict
        options.threads = threads ?? defaultThreadCount()
        options.minimumConfidence = minConfidence
        return options
    }

    /// Runs the filter and prints `--stats`; turns failures into the CLI's exit codes.
    func run(action: FilterAction, inputs: [String], routePaths: [Destination: String] = [:]) throws {
        let languageModel: LanguageModel
        if let model {
            do {
                languageModel = try LanguageModel(contentsOfFile: model)
            } catch {
                throw RuntimeError("\(error)")
            }
        } else {
            languageModel = .embedded
        }
        let filter = TamizFilter(options: filterOptions(action: action), model: languageModel)
        do {
            let statistics = try filter.run(inputs: inputs, routePaths: routePaths)
            if stats { printToStandardError(statistics.report) }
        } catch where error.kind == .outputClosed {
            return  // `tamiz … | head`: the reader has all it wants; end quietly.
        } catch {
            throw RuntimeError(error.description)
        }
    }
}

extension UnitKind: ExpressibleByArgument {}
extension LabelFormat: ExpressibleByArgument {}
