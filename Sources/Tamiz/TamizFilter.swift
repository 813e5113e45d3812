#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TamizContainers

/// The streaming filter: reads inputs in blocks, segments, cleans and classifies them on
/// `options.threads` workers, and writes every unit in input order.
///
/// Promises:
/// - **Order and determinism**: output is byte-for-byte the same for any thread count.
/// - **Bounded memory**: at most `threads + 2` blocks are in flight (read, in work, or
///   waiting to be written), whatever the input's length or its longest line.
/// - **Accounting**: every input byte is emitted, dropped with a reason, or counted as layout
///   (see ``FilterStatistics``).
/// - A closed standard output ends the run quietly with `FilterError.Kind.outputClosed`.
///
/// Shown by `threadsDoNotChangeOutput`, `accountingAndThreads` and `inMemoryRunEqualsFileRun`.
public struct TamizFilter: Sendable {
    public var options: FilterOptions
    public var model: LanguageModel

    /// `--jsonl`: a record longer than this is reported and skipped instead of read whole.
    public static let maximumRecordBytes = 64 << 20

    /// More worker threads than this are not started (`threads` is capped): each holds a block
    /// and its own segmenter and cleaner tables, and two cores gain nothing past two.
    public static let maximumThreads = 64

    public init(options: FilterOptions, model: LanguageModel = .embedded) {
        self.options = options
        self.model = model
    }

    /// Runs the filter over `inputs` (paths; `-` is standard input; empty means standard input).
    /// Messages and the `file` field name each input by `options.inputNames` when it holds one
    /// name per input, else by its path (`inputNamesGivenByTheCallerAreKept`).
    /// `label` and `keep` write to `outputDescriptor` (standard output by default); `route` writes
    /// each destination in `routePaths` (a destination without a path is counted and dropped).
    ///
    /// Inputs are recognised from their content: gzip, zstd, and WARC (Common Crawl WET), whose
    /// `conversion` records are read as JSON Lines documents (see `WARCDocumentSource`); route,
    /// errors and attributes paths ending in `.gz` / `.zst` are written compressed.
    /// - Parameters:
    ///   - outputCompression: how the output at `outputDescriptor` is compressed.
    ///   - progress: shows progress on standard error (`--progress`).
    ///   - errorsPath: `--jsonl`: records that cannot be read are copied here.
    ///   - attributesPath: documents: Dolma-style attributes are written here (see
    ///     `DocumentOptions.attributes`).
    ///   - report: receives, in input order, problems that do not stop the run (invalid JSON
    ///     records, each with its line number).
    public func run(
        inputs: [String], routePaths: [Destination: String] = [:], outputDescriptor: Int32 = 1,
        outputCompression: Compression = .none, progress: Bool = false,
        errorsPath: String? = nil, attributesPath: String? = nil,
        report: @escaping @Sendable (String) -> Void = { _ in }
    ) throws(FilterError) -> FilterStatistics {
        let inputs = inputs.isEmpty ? ["-"] : inputs
        var options = self.options
        // Names the caller gave (one per input) are kept; otherwise each input is named by its path.
        if options.inputNames.count != inputs.count {
            options.inputNames = inputs.map { $0 == "-" ? "standard input" : $0 }
        }
        options.threads = min(max(1, options.threads), Self.maximumThreads)
        try Self.checkDocumentField(options)

        // Check that every input opens, so a bad path fails before any output is written, and note
        // which file each one is; they are then opened again one at a time as they are read.
        // Each input's format is recognised from its first bytes here too; standard input, which
        // cannot be opened again, is kept open with the bytes already read.
        var inputFiles: [FileIdentity: String] = [:]
        var keptOpen: [Int: ContainerInput] = [:]
        var isWARC: [Bool] = [], sizes: [Int?] = []
        for (index, path) in inputs.enumerated() {
            let descriptor = try InputSequence.open(path)
            if let identity = FileIdentity(descriptor: descriptor), identity.isRegularFile, inputFiles[identity] == nil {
                inputFiles[identity] = options.inputNames[index]
            }
            let input = try InputSequence.recognise(
                descriptor: descriptor, name: options.inputNames[index], gzipDecoder: options.gzipDecoder, report: report)
            isWARC.append(input.isWARC)
            sizes.append(input.size)
            if descriptor == 0 { keptOpen[index] = input }
        }
        // WARC records arrive as JSON Lines documents; plain text cannot be read alongside them.
        if isWARC.contains(true) && options.documents == nil {
            if let plain = isWARC.firstIndex(of: false) {
                throw FilterError(.input, "'\(options.inputNames[plain])' is not WARC like the other inputs; pass --jsonl if it is JSON Lines")
            }
            options.documents = options.warcDocuments
        }
        if attributesPath != nil {
            guard options.documents != nil else {
                throw FilterError(.usage, "--attributes needs documents: --jsonl or WARC input")
            }
            options.documents!.attributes = true
        }
        var meter: ProgressMeter?
        if progress {
            let total = sizes.contains(nil) ? nil : sizes.reduce(0) { $0 + $1! }
            meter = ProgressMeter(totalBytes: total, recordName: options.documents == nil ? "lines" : "docs")
        }

        // Outputs are opened without truncating, compared with the inputs and with each other by
        // device and inode, and emptied only once none collides.
        var sinks: [(any BlockSink)?]
        var checked: [(descriptor: Int32, role: String)] = []
        var opened: [OutputSink] = []
        if case .route = options.action {
            sinks = []
            for destination in Destination.allCases {
                if let path = routePaths[destination] {
                    let sink: OutputSink
                    do throws(FilterError) {
                        sink = try OutputSink.opened(path)
                    } catch {
                        opened.forEach { $0.removeIfCreated() }
                        throw error
                    }
                    opened.append(sink)
                    checked.append((sink.descriptor, "the \(destination.word) output '\(path)'"))
                    sinks.append(sink)
                } else {
                    sinks.append(nil)
                }
            }
        } else {
            sinks = [try OutputSink.primary(descriptor: outputDescriptor, compression: outputCompression)]
            checked.append((outputDescriptor, "standard output"))
        }
        var errors: OutputSink?
        if let errorsPath {
            do throws(FilterError) {
                errors = try OutputSink.opened(errorsPath)
            } catch {
                opened.forEach { $0.removeIfCreated() }
                throw error
            }
            opened.append(errors!)
            checked.append((errors!.descriptor, "the errors file '\(errorsPath)'"))
        }
        var attributes: OutputSink?
        if let attributesPath {
            do throws(FilterError) {
                attributes = try OutputSink.opened(attributesPath)
            } catch {
                opened.forEach { $0.removeIfCreated() }
                throw error
            }
            opened.append(attributes!)
            checked.append((attributes!.descriptor, "the attributes file '\(attributesPath)'"))
        }
        var outputFiles: [FileIdentity: String] = [:]
        for (descriptor, role) in checked {
            guard let identity = FileIdentity(descriptor: descriptor), identity.isRegularFile else { continue }
            var conflict: String?
            if let input = inputFiles[identity] {
                conflict = "\(role) is the input '\(input)': refusing to overwrite an input"
            } else if let other = outputFiles[identity] {
                conflict = "\(other) and \(role) are the same file: one would overwrite the other"
            }
            if let conflict {
                opened.forEach { $0.removeIfCreated() }
                throw FilterError(.usage, conflict)
            }
            outputFiles[identity] = role
        }
        for sink in opened { try sink.truncate() }
        let tally = WARCTally()
        let readers = InputSequence(
            paths: inputs, options: options,
            maxLineBytes: options.documents == nil ? nil : options.maximumRecordBytes,
            keptOpen: keptOpen, meter: meter, tally: tally, report: report)
        var writer = OrderedWriter(sinks: sinks, errors: errors, attributes: attributes, report: report)
        var failure: FilterError?
        do throws(FilterError) {
            if options.threads == 1 {
                try runOnCallingThread(readers: readers, options: options, writer: &writer)
            } else {
                try runOnWorkers(readers: readers, options: options, writer: &writer)
            }
        } catch {
            failure = error
        }
        meter?.finish()
        // Compressed outputs get their trailers even after an input error, so everything written
        // before it can be read back.
        if failure?.kind != .outputClosed {
            for sink in sinks.compactMap({ $0 }) + [errors as (any BlockSink)?, attributes].compactMap({ $0 }) {
                do throws(FilterError) { try sink.finish() } catch { failure = failure ?? error }
            }
        }
        if let failure { throw failure }
        var statistics = writer.statistics
        statistics.warcRecordsSkipped = tally.statistics.skippedByType
        statistics.warcRecordsMalformed = tally.statistics.malformed
        return statistics
    }

    /// Runs the filter over `bytes` held in memory (plain text, or JSON Lines with
    /// `options.documents`; not decompressed, not WARC) and returns every output in memory:
    /// the same bytes and statistics a run over a file with these bytes writes
    /// (`inMemoryRunEqualsFileRun`). Problems that do not stop the run are in
    /// ``FilterResult/messages``.
    public func run(bytes: [UInt8]) throws(FilterError) -> FilterResult {
        var options = self.options
        if options.inputNames.count != 1 { options.inputNames = ["input"] }
        options.threads = min(max(1, options.threads), Self.maximumThreads)
        try Self.checkDocumentField(options)
        let sinks: [MemorySink?]
        if case .route(let destinations) = options.action {
            sinks = Destination.allCases.map { destinations.contains($0) ? MemorySink() : nil }
        } else {
            sinks = [MemorySink()]
        }
        let errors = MemorySink()
        let attributes = MemorySink()
        let messages = MessageLog()
        var writer = OrderedWriter(
            sinks: sinks, errors: errors, attributes: options.documents?.attributes == true ? attributes : nil,
            report: { messages.append($0) })
        let readers = InputSequence(bytes: bytes, name: options.inputNames[0], options: options)
        if options.threads == 1 {
            try runOnCallingThread(readers: readers, options: options, writer: &writer)
        } else {
            try runOnWorkers(readers: readers, options: options, writer: &writer)
        }
        var result = FilterResult(statistics: writer.statistics)
        if case .route = options.action {
            for (destination, sink) in zip(Destination.allCases, sinks) {
                if let sink { result.routed[destination] = sink.bytes }
            }
        } else {
            result.output = sinks[0]!.bytes
        }
        result.errors = errors.bytes
        result.attributes = attributes.bytes
        result.messages = messages.lines
        return result
    }

    /// ``run(bytes:)`` over the UTF-8 of `text`.
    public func run(text: String) throws(FilterError) -> FilterResult {
        try run(bytes: Array(text.utf8))
    }

    private static func checkDocumentField(_ options: FilterOptions) throws(FilterError) {
        if let documents = options.documents, documents.fieldPath.first == documents.resultField {
            throw FilterError(
                .usage,
                "the text field '\(documents.fieldPath.joined(separator: "."))' is inside the result member"
                    + " '\(documents.resultField)', which the results replace: the text would be lost")
        }
    }

    private func runOnCallingThread(
        readers: InputSequence, options: FilterOptions, writer: inout OrderedWriter
    ) throws(FilterError) {
        let processor = try BlockProcessor(options: options, model: model)
        var sequence = 0
        var readers = readers
        defer { readers.close() }
        while var reader = try readers.next() {
            while let block = try reader.nextBlock(sequence: sequence) {
                try writer.write(processor.process(consume block))
                sequence += 1
            }
        }
    }

    private func runOnWorkers(
        readers: InputSequence, options: FilterOptions, writer: inout OrderedWriter
    ) throws(FilterError) {
        var processors: [BlockProcessor] = []
        for _ in 0..<options.threads {
            processors.append(try BlockProcessor(options: options, model: model))
        }
        let work = BlockingQueue<InputBlock>(capacity: options.threads)
        let results = OrderedResults()
        // Enough for every worker to hold a block, one read ahead and one being written; more only
        // raised peak memory (2 threads, 200 MB: 6 blocks 28.6–29.9 MB, 4 blocks 27.5–27.7 MB).
        let tickets = Permits(options.threads + 2)
        let stop = StopFlag()

        var workers: [JoinableThread] = []
        let writerBox = UncheckedSendable(writer)
        // A thread the system refuses ends the run cleanly (exit 1), after the started ones stop.
        func stopStarted(_ error: FilterError) -> FilterError {
            work.close()
            for worker in workers { worker.join() }
            return error
        }
        for processor in processors {
            let box = UncheckedSendable(processor)
            do throws(FilterError) {
                workers.append(try JoinableThread {
                    while let block = work.pop() {
                        results.put(box.value.process(consume block))
                    }
                })
            } catch {
                throw stopStarted(error)
            }
        }
        let writerThread: JoinableThread
        do throws(FilterError) {
            writerThread = try JoinableThread {
                var sequence = 0
                while let output = results.take(sequence) {
                    if writerBox.error == nil {
                        do throws(FilterError) {
                            try writerBox.value.write(output)
                        } catch {
                            writerBox.error = error
                            stop.set()
                        }
                    }
                    tickets.release()
                    sequence += 1
                }
            }
        } catch {
            throw stopStarted(error)
        }

        var readError: FilterError?
        var sequence = 0
        var readers = readers
        defer { readers.close() }
        reading: while true {
            var reader: BlockReader
            do throws(FilterError) {
                guard let next = try readers.next() else { break reading }
                reader = next
            } catch {
                readError = error
                break reading
            }
            while true {
                tickets.acquire()
                if let signal = StopSignal.signal {
                    tickets.release()
                    readError = StopSignal.interruption(signal)
                    break reading
                }
                if stop.isSet {
                    tickets.release()
                    break reading
                }
                let block: InputBlock?
                do throws(FilterError) {
                    block = try reader.nextBlock(sequence: sequence)
                } catch {
                    readError = error
                    tickets.release()
                    break reading
                }
                guard let block else {
                    tickets.release()
                    break
                }
                work.push(block)
                sequence += 1
            }
        }
        work.close()
        results.finish(count: sequence)
        for worker in workers { worker.join() }
        writerThread.join()
        writer = writerBox.value
        if let error = writerBox.error { throw error }
        if let readError { throw readError }
    }
}

/// Writes block outputs in sequence and keeps the state that crosses blocks: where an open
/// long line goes, and the running statistics.
struct OrderedWriter {
    private let sinks: [(any BlockSink)?]
    private let errors: (any BlockSink)?
    private let attributes: (any BlockSink)?
    private let report: @Sendable (String) -> Void
    private var openRecord: OpenRecord?
    private(set) var statistics = FilterStatistics()

    init(
        sinks: [(any BlockSink)?], errors: (any BlockSink)?, attributes: (any BlockSink)? = nil,
        report: @escaping @Sendable (String) -> Void
    ) {
        self.sinks = sinks
        self.errors = errors
        self.attributes = attributes
        self.report = report
    }

    mutating func write(_ output: BlockOutput) throws(FilterError) {
        statistics.merge(output.statistics)
        if let continuation = output.continuation, let record = openRecord {
            switch record {
            case .write(let slot):
                try sinks[slot]?.write(continuation.bytes)
                statistics.emittedBytes += continuation.textBytes
            case .drop(let reason):
                statistics.droppedBytes[reason, default: 0] += continuation.textBytes
            }
            if continuation.closesRecord { openRecord = nil }
        }
        for (slot, buffer) in output.buffers.enumerated() where !buffer.isEmpty {
            try sinks[slot]?.write(buffer)
        }
        if let opened = output.openedRecord { openRecord = opened }
        output.messages.forEach(report)
        if !output.errorRecords.isEmpty { try errors?.write(output.errorRecords) }
        if !output.attributes.isEmpty { try attributes?.write(output.attributes) }
        if let error = output.error { throw error }
    }
}

/// The WARC readers' counts over all inputs, added as each input is finished.
final class WARCTally {
    var statistics = WARCStatistics()

    func add(_ other: WARCStatistics) {
        statistics.documents += other.documents
        statistics.skippedByType.merge(other.skippedByType, uniquingKeysWith: +)
        statistics.malformed += other.malformed
        statistics.skippedBytes += other.skippedBytes
    }
}

/// The inputs, opened one at a time as they are read (a run over more files than the system's
/// limit of open descriptors still works); each is closed once the next is opened. Each is read
/// through `ContainerReader`: decompressed, and WARC turned into JSON Lines documents.
struct InputSequence {
    private let paths: [String]
    private let options: FilterOptions
    private let maxLineBytes: Int?
    /// Inputs already opened to recognise their format that cannot be opened again (standard input).
    private let keptOpen: [Int: ContainerInput]
    private let meter: ProgressMeter?
    private let tally: WARCTally
    private let report: @Sendable (String) -> Void
    private var index = 0
    private var current: ContainerInput?
    /// ``TamizFilter/run(bytes:)``: the one input, read from memory as it is (not decompressed).
    private var memory: [UInt8]?

    /// One input held in memory, named `name`.
    init(bytes: [UInt8], name: String, options: FilterOptions) {
        self.init(paths: [name], options: options, maxLineBytes: options.documents == nil ? nil : options.maximumRecordBytes)
        memory = bytes
    }

    init(
        paths: [String], options: FilterOptions, maxLineBytes: Int?, keptOpen: [Int: ContainerInput] = [:],
        meter: ProgressMeter? = nil, tally: WARCTally = WARCTally(), report: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.paths = paths
        self.options = options
        self.maxLineBytes = maxLineBytes
        self.keptOpen = keptOpen
        self.meter = meter
        self.tally = tally
        self.report = report
    }

    /// Opens `path` for reading (`-` is standard input, descriptor 0).
    static func open(_ path: String) throws(FilterError) -> Int32 {
        if path == "-" { return 0 }
        #if canImport(Glibc)
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        #else
        let descriptor = Darwin.open(path, O_RDONLY | O_CLOEXEC)
        #endif
        guard descriptor >= 0 else {
            throw FilterError(.input, "cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        return descriptor
    }

    /// The input at `descriptor`, its format recognised from its first bytes; it owns (and
    /// closes) the descriptor unless it is standard input.
    static func recognise(
        descriptor: Int32, name: String, gzipDecoder: FilterOptions.GzipDecoder,
        report: @escaping @Sendable (String) -> Void
    ) throws(FilterError) -> ContainerInput {
        let file = FileSource(descriptor: descriptor, name: name, ownsDescriptor: descriptor != 0)
        file.endsOnInterruption = { StopSignal.signal != nil }
        do throws(ContainerError) {
            let decoder: TamizContainers.GzipDecoder = switch gzipDecoder {
                case .automatic: .automatic
                case .zlib: .zlib
                case .isal: .isal
            }
            return try ContainerReader.open(
                file: file, maximumRecordBytes: TamizFilter.maximumRecordBytes, gzipDecoder: decoder, report: report)
        } catch {
            throw FilterError(.input, error.description)
        }
    }

    /// A reader for the next input, or nil after the last.
    mutating func next() throws(FilterError) -> BlockReader? {
        close()
        guard index < paths.count else { return nil }
        defer { index += 1 }
        if let memory {
            return BlockReader(
                input: MemorySource(memory), name: options.inputNames[index], source: index,
                blockBytes: options.blockBytes, maxLineBytes: maxLineBytes)
        }
        let input: ContainerInput
        if let kept = keptOpen[index] {
            input = kept
        } else {
            input = try Self.recognise(
                descriptor: Self.open(paths[index]), name: options.inputNames[index],
                gzipDecoder: options.gzipDecoder, report: report)
        }
        current = input
        let source: any ByteSource = meter.map { ProgressSource(input, meter: $0) } ?? input.source
        return BlockReader(
            input: source, name: options.inputNames[index], source: index,
            blockBytes: options.blockBytes, maxLineBytes: maxLineBytes)
    }

    /// Counts the current input's WARC records and lets it close.
    mutating func close() {
        if let warc = current?.warc { tally.add(warc.statistics) }
        current = nil
    }
}

/// Bytes in memory, read as a stream.
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
        }
        offset += count
        return count
    }
}
