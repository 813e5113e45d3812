import ArgumentParser
import Tamiz

/// Subcommands whose trailing positional arguments are input files.
///
/// ArgumentParser appends each value of an array argument by copying the array gathered so far
/// and merging the set of argument positions it came from, so parsing n file names costs O(n²):
/// `tamiz label` with 16,000 names spent 12.6 s before opening the first. tamiz hands the parser
/// only the leading positional arguments (see ``setAsideInputs(_:)``) and appends the rest here.
protocol TakesInputFiles: ParsableCommand {
    mutating func appendInputs(_ inputs: [String])
}

/// Subcommands whose command lines ``setAsideInputs(_:)`` may shorten.
let subcommandsWithInputs: Set<String> = ["label", "keep", "route"]

/// Removes from `arguments` (a command line without the program name) every positional argument
/// after the first one that is not a language code, and returns them in order.
///
/// What stays is enough for the parser to check everything it checks: all options with their
/// values, `--`, the languages of `keep` and one input. An argument is an option when it starts
/// with `-` and is not `-` itself, until `--`; an option in ``singleValueOptions`` written without
/// `=` takes the next argument as its value. Only `label`, `keep` and `route` are shortened.
func setAsideInputs(_ arguments: inout [String]) -> [String] {
    guard let subcommand = arguments.first, subcommandsWithInputs.contains(subcommand) else { return [] }
    var kept: [String] = [subcommand]
    var setAside: [String] = []
    var keptFirstInput = false
    var afterTerminator = false
    var index = arguments.startIndex + 1
    while index < arguments.endIndex {
        let argument = arguments[index]
        index += 1
        if !afterTerminator && argument == "--" {
            afterTerminator = true
            kept.append(argument)
        } else if !afterTerminator && argument.hasPrefix("-") && argument != "-" {
            kept.append(argument)
            if singleValueOptions.contains(argument), index < arguments.endIndex {
                kept.append(arguments[index])
                index += 1
            }
        } else if keptFirstInput {
            setAside.append(argument)
        } else {
            kept.append(argument)
            keptFirstInput = Language(rawValue: argument) == nil
        }
    }
    arguments = kept
    return setAside
}

extension Label: TakesInputFiles {
    mutating func appendInputs(_ inputs: [String]) { files += inputs }
}

extension Keep: TakesInputFiles {
    mutating func appendInputs(_ inputs: [String]) { arguments += inputs }
}

extension Route: TakesInputFiles {
    mutating func appendInputs(_ inputs: [String]) { files += inputs }
}
