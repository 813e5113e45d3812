import Foundation
import TamizTestSupport
import Tamiz

/// Runs the filter on test input: in memory, or through real files as the CLI does.
struct FilterHarness {
    let directory: URL

    init() throws {
        directory = Scratch.directory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func file(_ name: String, bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func file(_ name: String, text: String) throws -> String {
        try file(name, bytes: Array(text.utf8))
    }

    /// Runs `options` over `input` in memory (``TamizFilter/run(bytes:)``) and returns what went
    /// to the primary output.
    func run(_ options: FilterOptions, input: [UInt8]) throws -> (output: [UInt8], statistics: FilterStatistics) {
        let result = try TamizFilter(options: options).run(bytes: input)
        return (result.output, result.statistics)
    }

    /// Runs `options` over `input` written to a file, with the output to a file, as the CLI does.
    func runThroughFiles(_ options: FilterOptions, input: [UInt8]) throws -> (output: [UInt8], statistics: FilterStatistics) {
        let inputPath = try file("input-\(UUID().uuidString)", bytes: input)
        let outputPath = directory.appendingPathComponent("output-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        defer { try? handle.close() }
        let statistics = try TamizFilter(options: options).run(
            inputs: [inputPath], outputDescriptor: handle.fileDescriptor)
        return (Array(try Data(contentsOf: URL(fileURLWithPath: outputPath))), statistics)
    }

    /// Runs `options` over `input` and returns what was written before the run stopped, and why it did.
    func runUntilFailure(_ options: FilterOptions, input: [UInt8]) throws -> (output: String, error: FilterError?) {
        let inputPath = try file("input-\(UUID().uuidString)", bytes: input)
        let outputPath = directory.appendingPathComponent("output-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        var failure: FilterError?
        do {
            _ = try TamizFilter(options: options).run(inputs: [inputPath], outputDescriptor: handle.fileDescriptor)
        } catch {
            failure = error
        }
        try handle.close()
        return (try read(outputPath), failure)
    }

    /// Runs `options` over `input` on one thread and on two, for tests that the output does not
    /// depend on the thread count.
    func runOnOneAndTwoThreads(
        _ options: FilterOptions, input: [UInt8]
    ) throws -> (one: (output: [UInt8], statistics: FilterStatistics), two: (output: [UInt8], statistics: FilterStatistics)) {
        var single = options
        single.threads = 1
        var parallel = options
        parallel.threads = 2
        return (try run(single, input: input), try run(parallel, input: input))
    }

    func run(_ options: FilterOptions, input: String) throws -> (output: String, statistics: FilterStatistics) {
        let (output, statistics) = try run(options, input: Array(input.utf8))
        return (String(decoding: output, as: UTF8.self), statistics)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }
}

extension FilterStatistics {
    /// Emitted + dropped + layout: what every input byte must add up to.
    var accountedBytes: Int { emittedBytes + droppedBytes.values.reduce(0, +) + layoutBytes }
}

extension FilterOptions {
    static func jsonl(_ action: FilterAction = .label(.tsv)) -> FilterOptions {
        var options = FilterOptions(action: action)
        options.documents = DocumentOptions()
        return options
    }

    static func route(_ destinations: Destination..., unit: UnitKind = .sentence) -> FilterOptions {
        var options = FilterOptions(action: .route(Set(destinations)))
        options.unit = unit
        return options
    }

    static func label(_ format: LabelFormat = .tsv, unit: UnitKind = .sentence) -> FilterOptions {
        var options = FilterOptions(action: .label(format))
        options.unit = unit
        return options
    }

    static func keep(_ languages: Language..., unit: UnitKind = .sentence) -> FilterOptions {
        var options = FilterOptions(action: .keep(Set(languages)))
        options.unit = unit
        return options
    }
}

/// The columns of one TSV record.
struct TSVRecord: Equatable {
    var language: String
    var confidence: Double
    var debris: String
    var text: String

    static func parse(_ output: String) -> [TSVRecord] {
        output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            return TSVRecord(
                language: String(fields[0]), confidence: Double(fields[1]) ?? -1, debris: String(fields[2]),
                text: String(fields[3]))
        }
    }
}

/// The project's sample scrape and the shared corpus, located from this file.
enum ProjectFiles {
    static let sample = Paths.packageURL("Data/samples/mixed-scrape.txt").path
    static let elpaisScrape = Paths.sharedURL("samples/elpais-scrape.txt").path
    static var hasElpaisScrape: Bool { FileManager.default.fileExists(atPath: elpaisScrape) }
}
