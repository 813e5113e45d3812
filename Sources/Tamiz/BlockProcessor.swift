/// What a worker produced for one block, ready for the writer to put in order.
struct BlockOutput: Sendable {
    var sequence: Int
    /// Bytes for each output slot (see `FilterAction`): slot 0 for `label` and `keep`,
    /// `Destination.rawValue` for `route`.
    var buffers: [[UInt8]]
    /// With `--unit line`: the rest of a line begun in an earlier block, nil when the block
    /// began with a line of its own.
    var continuation: LineContinuation?
    /// The block's last record is left open because its line continues in the next block.
    var openedRecord: OpenRecord?
    var statistics = FilterStatistics()
    /// Per-unit counts, folded into `statistics` when the block is done.
    var counters = UnitCounters()
    /// Problems to report on standard error, in order (e.g. invalid JSON records).
    var messages: [String] = []
    /// Records that could not be read, for `--errors` (each followed by `\n`).
    var errorRecords: [UInt8] = []
    /// `--attributes`: one Dolma-style attributes line per document read.
    var attributes: [UInt8] = []
    /// Processing stopped inside this block (e.g. invalid UTF-8 under `--strict`): everything
    /// before the offending line is in `buffers`.
    var error: FilterError?
}

/// Where the rest of a long line goes: the decision its first piece got.
typealias OpenRecord = RouteDecision

/// The encoded rest of a line whose record an earlier block opened. It goes wherever that
/// line's record went (the writer keeps the ``OpenRecord``), or is dropped with its reason.
struct LineContinuation: Sendable {
    /// The rest of the record, encoded (it may be empty).
    var bytes: [UInt8] = []
    /// Input bytes of text inside `bytes`, for the statistics.
    var textBytes = 0
    /// Whether `bytes` finishes the open record (it then ends with the record's terminator).
    var closesRecord = false
}

/// One unit as the processor hands it to the formatter.
struct UnitEvent {
    var line: Int
    /// The unit's bytes within the block's text.
    var range: Range<Int>
    var guess: LanguageGuess
    var debris: DebrisReason?
    /// With `--unit span`: the unit's code points in its input line (written by `label`).
    var scalars: Range<Int>? = nil
}

/// A worker's tools for turning blocks into output: it owns an ICU segmenter, so each thread
/// needs its own processor.
final class BlockProcessor {
    let options: FilterOptions
    let classifier: LanguageClassifier
    let cleaner = LineCleaner()
    private let segmenter: SentenceSegmenter?
    /// With `--unit span`: the detector behind span units and its buffers.
    private let spanDetector: LanguageSpanDetector?
    /// With `label` or `--min-confidence` in line or sentence units: the detector that lowers the
    /// confidence of a mixed unit (`LanguageSpanDetector.mixedAwareGuess`), since there the
    /// confidence is seen or compared. `keep` and `route` without a threshold only need the label.
    private let mixedAware: LanguageSpanDetector?
    private var spanScratch = SpanScratch()
    /// `options.joinsWrappedLines`, read once per line (computed, it compared an optional).
    private let joinsWrappedLines: Bool
    /// Decides where each unit goes (built once from the action).
    let router: UnitRouter
    /// Turns a unit into output bytes (built once from the action).
    let encoder: UnitEncoder
    // The scratch buffers below are read and written once or more per line. One processor
    // belongs to one thread and no access to them overlaps another, so the runtime's dynamic
    // exclusivity check (a thread-local lookup per access) is left out (Docs/Measurements.md).
    @exclusivity(unchecked) private var sentenceRanges: [Range<Int>] = []
    @exclusivity(unchecked) var lineRanges: [Range<Int>] = []
    @exclusivity(unchecked) private var repaired: [UInt8] = []
    /// A soft-wrapped unit's text on one line (`--paragraphs blank-line`).
    @exclusivity(unchecked) private var joined: [UInt8] = []
    /// The current block's U+FFFD replacements, to count bytes as they were in the input.
    @exclusivity(unchecked) private var replacements = UTF8Repair.Replacements()

    /// Input bytes behind `range` of the current block's (repaired) text.
    func inputBytes(_ range: Range<Int>) -> Int {
        replacements.inputByteCount(of: range)
    }

    init(options: FilterOptions, model: LanguageModel) throws(FilterError) {
        self.options = options
        joinsWrappedLines = options.joinsWrappedLines
        if let minimumConfidence = options.minimumConfidence {
            classifier = LanguageClassifier(model: model, minimumConfidence: minimumConfidence)
        } else {
            classifier = LanguageClassifier(model: model)
        }
        spanDetector = options.unit == .span ? LanguageSpanDetector(classifier: classifier) : nil
        var confidenceMatters = options.minimumConfidence != nil
        if case .label = options.action { confidenceMatters = true }
        mixedAware = options.unit != .span && confidenceMatters ? LanguageSpanDetector(classifier: classifier) : nil
        if options.unit != .line {
            do {
                segmenter = try SentenceSegmenter()
            } catch {
                throw FilterError(.input, "cannot start the sentence segmenter: \(error)")
            }
        } else {
            segmenter = nil
        }
        router = UnitRouter(action: options.action)
        encoder = UnitEncoder(action: options.action, inputNames: options.inputNames)
    }

    /// `keep` and `route` drop or route a debris line whole, without segmenting or classifying
    /// it (its units would go nowhere else); `--stats` counts it as one debris unit.
    private func handledAsDebrisLine(
        _ line: Range<Int>, debris: DebrisReason?, in text: UnsafeBufferPointer<UInt8>, contentBytes: Int? = nil,
        into output: inout BlockOutput
    ) -> Bool {
        guard let debris, debris != .blank, let decision = router.decide(debrisLine: debris) else { return false }
        withUnitText(line, in: text) { unit, unitBytes in
            switch decision {
            case .write(let slot):
                output.buffers[slot].append(contentsOf: unit)
                output.buffers[slot].append(0x0A)
                output.counters.emittedBytes += unitBytes
            case .drop(let reason):
                output.counters.drop(unitBytes, because: reason)
            }
            // Line breaks inside a paragraph were counted as layout with the lines.
            output.statistics.layoutBytes += (contentBytes ?? inputBytes(line)) - unitBytes
        }
        output.counters.count(nil, debris: debris)
        return true
    }

    /// Filters one block. The block is consumed so that its bytes are this call's alone: a JSON
    /// Lines document is decoded over its record's bytes instead of into a copy.
    func process(_ block: consuming InputBlock) -> BlockOutput {
        var output = BlockOutput(
            sequence: block.sequence, buffers: Array(repeating: [], count: router.slotCount))
        output.statistics.inputBytes = block.bytes.count
        output.buffers[0].reserveCapacity(block.bytes.count + block.bytes.count / 4)

        var bytes: [UInt8] = []
        swap(&bytes, &block.bytes)
        replacements.removeAll()
        // Under --strict, what comes before the invalid line is still processed and written;
        // the error is raised after it unless an earlier problem (an invalid record) came first.
        var pendingError: FilterError?
        let invalidOffset = bytes.withUnsafeBufferPointer(UTF8Repair.firstInvalidOffset)
        if let invalidOffset {
            if options.strict {
                let lineStart = (bytes[..<invalidOffset].lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0
                let line = block.firstLineNumber + bytes[..<lineStart].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                let name = options.inputNames.indices.contains(block.source)
                    ? options.inputNames[block.source] : "input"
                pendingError = FilterError(
                    .invalidUTF8,
                    "\(name): line \(line): invalid UTF-8 (byte 0x\(String(bytes[invalidOffset], radix: 16)))"
                        + " (without --strict it is replaced with U+FFFD)")
                bytes.removeSubrange(lineStart...)
            } else {
                repaired.removeAll(keepingCapacity: true)
                output.statistics.replacedInvalidBytes = bytes.withUnsafeBufferPointer {
                    UTF8Repair.appendRepairing($0, to: &repaired, replacements: &replacements)
                }
                output.statistics.replacedInvalidSequences = replacements.count
                swap(&bytes, &repaired)
            }
        }
        bytes.withUnsafeMutableBufferPointer { text in
            process(text, of: block, into: &output)
        }
        if output.error == nil { output.error = pendingError }
        output.counters.add(to: &output.statistics)
        return output
    }

    private func process(_ buffer: UnsafeMutableBufferPointer<UInt8>, of block: InputBlock, into output: inout BlockOutput) {
        let text = UnsafeBufferPointer(buffer)
        splitLines(text)
        let terminatorBytes = text.count - lineRanges.reduce(0) { $0 + $1.count }
        output.statistics.layoutBytes += terminatorBytes
        output.statistics.lines = lineRanges.count - (block.startsInsideLine ? 1 : 0)
        if options.documents != nil {
            processDocuments(buffer, of: block, into: &output)
            return
        }
        if joinsWrappedLines {
            processParagraphs(text, of: block, into: &output)
            return
        }
        // With --unit line, the rest of a long line takes its verdict from the line's first piece.
        let skipsFirstLine = block.startsInsideLine && options.unit == .line
        let reasons = (skipsFirstLine ? [nil] : [])
            + debrisReasons(ofLines: Array(lineRanges.dropFirst(skipsFirstLine ? 1 : 0)), in: text)

        var lineNumber = block.firstLineNumber
        for (index, range) in lineRanges.enumerated() {
            defer { lineNumber += 1 }
            let isContinuation = index == 0 && block.startsInsideLine
            let isOpen = index == lineRanges.count - 1 && block.endsInsideLine
            if options.unit == .line {
                if isContinuation {
                    appendContinuation(text, range: range, closes: !isOpen, into: &output)
                } else if !isOpen && handledAsDebrisLine(range, debris: reasons[index], in: text, into: &output) {
                    continue
                } else {
                    let guess = unitGuess(range, in: text)
                    emit(
                        UnitEvent(line: lineNumber, range: range, guess: guess, debris: reasons[index]),
                        in: text, source: block.source, leaveOpen: isOpen, into: &output)
                }
            } else {
                processSentences(
                    of: range, line: lineNumber, debris: reasons[index], in: text, source: block.source,
                    lineScalarOffset: isContinuation ? block.firstLineScalarOffset : 0, into: &output)
            }
        }
    }

    /// `--paragraphs blank-line`: each run of lines without a blank line (or a document start) is
    /// one paragraph, cleaned and segmented as a whole; blank lines stay lines of their own.
    private func processParagraphs(_ text: UnsafeBufferPointer<UInt8>, of block: InputBlock, into output: inout BlockOutput) {
        var paragraphs: [(range: Range<Int>, firstLine: Int, contentBytes: Int)] = []
        var open = false
        for (index, range) in lineRanges.enumerated() {
            let isBlank = text[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if !isBlank && open && !Self.startsDocument(range, in: text) {
                let last = paragraphs.removeLast()
                paragraphs.append((last.range.lowerBound..<range.upperBound, last.firstLine, last.contentBytes + inputBytes(range)))
                continue
            }
            paragraphs.append((range, index, inputBytes(range)))
            open = !isBlank
        }
        let reasons = debrisReasons(ofLines: paragraphs.map(\.range), in: text)
        for (paragraph, reason) in zip(paragraphs, reasons) {
            processSentences(
                of: paragraph.range, line: block.firstLineNumber + paragraph.firstLine, debris: reason, in: text,
                source: block.source, contentBytes: paragraph.contentBytes, into: &output)
        }
    }

    /// Calls `body` with the text a unit is written as and the input bytes it counts as: its own
    /// bytes, or with `--paragraphs blank-line` and a line break inside, those bytes on one line
    /// (`SoftWraps.joined`; the line breaks and spaces it removes are not the unit's).
    private func withUnitText<R>(
        _ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> R
    ) -> R {
        let unit = UnsafeBufferPointer(rebasing: text[range])
        guard joinsWrappedLines, unit.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
            return body(unit, inputBytes(range))
        }
        joined = SoftWraps.joined(unit)
        let unitBytes = inputBytes(range) - (range.count - joined.count)
        return joined.withUnsafeBufferPointer { body($0, unitBytes) }
    }

    /// Fills `lineRanges` with the lines of `text` from byte `start`, at most `maxLines` of them,
    /// and returns where the next line starts if any is left; terminators (`\n`, `\r\n`) are left out.
    @discardableResult
    func splitLines(_ text: UnsafeBufferPointer<UInt8>, from start: Int = 0, maxLines: Int = .max) -> Int? {
        lineRanges.removeAll(keepingCapacity: true)
        return Self.forEachLine(in: text, from: start) { line in
            lineRanges.append(line)
            return lineRanges.count < maxLines
        }
    }

    /// Calls `body` with each line of `text` from byte `start` (terminators `\n`, `\r\n` left out)
    /// until it returns false, and returns where the line after the last one visited starts, or nil
    /// when none is left. A final line without a terminator counts; an empty one after the last
    /// `\n` does not.
    @discardableResult
    static func forEachLine(in text: UnsafeBufferPointer<UInt8>, from start: Int = 0, _ body: (Range<Int>) -> Bool) -> Int? {
        var start = start
        while let index = ByteScanning.firstIndex(of: 0x0A, in: text, from: start) {
            let more = body(start..<(index > start && text[index - 1] == 0x0D ? index - 1 : index))
            start = index + 1
            if !more { return start < text.count ? start : nil }
        }
        if start < text.count {
            _ = body(start..<text.count)
        }
        return nil
    }

    /// The cleaner's verdict for each line (all nil with `--no-clean`). A line that starts with a
    /// form feed begins a new document, so each document is cleaned in its own context.
    func debrisReasons(ofLines lines: [Range<Int>], in text: UnsafeBufferPointer<UInt8>) -> [DebrisReason?] {
        guard options.clean else { return Array(repeating: nil, count: lines.count) }
        var reasons: [DebrisReason?] = []
        reasons.reserveCapacity(lines.count)
        var documentStart = 0
        for index in lines.indices where index == lines.count - 1 || Self.startsDocument(lines[index + 1], in: text) {
            // One document (always so for a JSON Lines record) is cleaned without a copy of its lines.
            let document = documentStart == 0 && index == lines.count - 1 ? lines : Array(lines[documentStart...index])
            reasons += cleaner.debris(ofLines: document, in: text)
            documentStart = index + 1
        }
        return reasons
    }

    static func startsDocument(_ line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        !line.isEmpty && text[line.lowerBound] == 0x0C
    }

    /// The language of a line or sentence unit: the classifier's answer, with the mixed-aware
    /// confidence where it matters; under `--min-confidence` an answer whose lowered confidence is
    /// below the threshold is `und`, as the classifier's own answers are.
    private func unitGuess(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> LanguageGuess {
        let utf8 = UnsafeBufferPointer(rebasing: text[range])
        // Not `guard let`: binding the optional copied the detector (a retain, a release and
        // a memcpy per unit).
        guard mixedAware != nil else { return classifier.classify(utf8) }
        let guess = mixedAware!.mixedAwareGuess(utf8, scratch: &spanScratch)
        if let minimumConfidence = options.minimumConfidence, guess.language != .undetermined, guess.confidence < minimumConfidence {
            return LanguageGuess(language: .undetermined, confidence: 1 - guess.confidence)
        }
        return guess
    }

    /// Calls `body` with each unit of `line` and its language: the whole line with `--unit line`,
    /// each sentence with `--unit sentence`, each language span of each sentence with `--unit span`
    /// (none for a blank line).
    func forEachUnit(
        of line: Range<Int>, in text: UnsafeBufferPointer<UInt8>, body: (Range<Int>, LanguageGuess) -> Void
    ) {
        if options.unit == .line {
            body(line, unitGuess(line, in: text))
            return
        }
        sentenceRanges.removeAll(keepingCapacity: true)
        if joinsWrappedLines {
            segmenter!.appendSentences(of: UnsafeBufferPointer(rebasing: text[line]), paragraphs: .blankLine, to: &sentenceRanges)
        } else {
            segmenter!.appendSentences(of: UnsafeBufferPointer(rebasing: text[line]), to: &sentenceRanges)
        }
        for sentence in sentenceRanges {
            let range = (line.lowerBound + sentence.lowerBound)..<(line.lowerBound + sentence.upperBound)
            guard spanDetector != nil else {  // not `guard let`: see `unitGuess`
                body(range, unitGuess(range, in: text))
                continue
            }
            spanDetector!.detect(UnsafeBufferPointer(rebasing: text[range]), into: &spanScratch)
            for span in spanScratch.spans {
                var language = span.language
                if let minimumConfidence = options.minimumConfidence, span.confidence < minimumConfidence {
                    language = .undetermined
                }
                let spanRange = (range.lowerBound + span.bytes.lowerBound)..<(range.lowerBound + span.bytes.upperBound)
                body(spanRange, LanguageGuess(language: language, confidence: span.confidence))
            }
        }
    }

    /// Sentence (or span) units of one line. For `keep` and `route`, the kept units of a line are
    /// written on one output line, joined by single spaces. `lineScalarOffset`: code points of
    /// the input line before `line` (a piece of a line longer than a block).
    private func processSentences(
        of line: Range<Int>, line lineNumber: Int, debris: DebrisReason?, in text: UnsafeBufferPointer<UInt8>,
        source: Int, contentBytes: Int? = nil, lineScalarOffset: Int = 0, into output: inout BlockOutput
    ) {
        if handledAsDebrisLine(line, debris: debris, in: text, contentBytes: contentBytes, into: &output) { return }
        var unitBytes = 0
        var joinedLine = JoinedLine()
        let units = debris == .blank ? 0..<0 : line
        // Span offsets: code points counted once along the line, up to each unit in turn.
        var scalarCursor = (byte: line.lowerBound, scalar: lineScalarOffset)
        forEachUnit(of: units, in: text) { range, guess in
            var event = UnitEvent(line: lineNumber, range: range, guess: guess, debris: debris)
            if options.unit == .span {
                let start = scalarCursor.scalar
                    + ByteScanning.scalarCount(in: UnsafeBufferPointer(rebasing: text[scalarCursor.byte..<range.lowerBound]))
                let end = start + ByteScanning.scalarCount(in: UnsafeBufferPointer(rebasing: text[range]))
                event.scalars = start..<end
                scalarCursor = (range.upperBound, end)
            }
            if encoder.writesRecordPerUnit {
                unitBytes += emit(event, in: text, source: source, leaveOpen: false, into: &output)
                return
            }
            withUnitText(range, in: text) { unit, rangeBytes in
                unitBytes += rangeBytes
                output.counters.count(guess.language, debris: debris)
                let slot: Int
                switch router.decide(language: guess.language, debris: debris) {
                case .write(let written): slot = written
                case .drop(let reason):
                    output.counters.drop(rangeBytes, because: reason)
                    return
                }
                joinedLine.append(unit, slot: slot, to: &output.buffers[slot])
                output.counters.emittedBytes += rangeBytes
            }
        }
        for slot in 0..<router.slotCount where joinedLine.hasUnits(inSlot: slot) {
            output.buffers[slot].append(0x0A)
        }
        // Line breaks inside a paragraph were counted as layout with the lines.
        output.statistics.layoutBytes += (contentBytes ?? inputBytes(line)) - unitBytes
    }

    /// Writes one unit's record (label) or text (keep, route) to its slot, or counts it as dropped.
    /// Returns the input bytes the unit counts as (see `withUnitText`).
    @discardableResult
    private func emit(
        _ event: UnitEvent, in text: UnsafeBufferPointer<UInt8>, source: Int, leaveOpen: Bool,
        into output: inout BlockOutput
    ) -> Int {
        output.counters.count(event.guess.language, debris: event.debris)
        let decision = router.decide(language: event.guess.language, debris: event.debris)
        if leaveOpen { output.openedRecord = decision }
        return withUnitText(event.range, in: text) { unitText, unitBytes in
            let slot: Int
            switch decision {
            case .write(let written): slot = written
            case .drop(let reason):
                output.counters.drop(unitBytes, because: reason)
                return unitBytes
            }
            output.counters.emittedBytes += unitBytes
            encoder.appendStart(of: event, source: source, to: &output.buffers[slot])
            encoder.appendText(unitText, to: &output.buffers[slot])
            if !leaveOpen { output.buffers[slot].append(contentsOf: encoder.terminator) }
            return unitBytes
        }
    }

    /// The rest of a line whose record was opened by an earlier block (`--unit line` only).
    private func appendContinuation(
        _ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, closes: Bool, into output: inout BlockOutput
    ) {
        let piece = UnsafeBufferPointer(rebasing: text[range])
        var continuation = LineContinuation(textBytes: inputBytes(range), closesRecord: closes)
        encoder.appendText(piece, to: &continuation.bytes)
        if closes { continuation.bytes.append(contentsOf: encoder.terminator) }
        output.continuation = continuation
    }
}
