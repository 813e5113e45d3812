import CMemory

/// JSON Lines documents (`--jsonl`): one JSON object per line, whose text field is one document.
extension BlockProcessor {
    /// A set of line numbers from 0, one bit each.
    struct LineSet {
        private var words: [UInt64] = []

        mutating func insert(_ line: Int) {
            let word = line >> 6
            if word >= words.count { words.append(contentsOf: repeatElement(0, count: word + 1 - words.count)) }
            words[word] |= 1 << UInt64(line & 63)
        }

        func contains(_ line: Int) -> Bool {
            let word = line >> 6
            return word < words.count && words[word] & (1 << UInt64(line & 63)) != 0
        }
    }

    /// What one document's text turned into.
    private struct DocumentResult {
        /// Which of the document's lines (numbered from 0) are content, written joined by `\n`: a bit
        /// a line, not a copy or a range, so that a record of many tiny lines costs little more.
        var contentLines = LineSet()
        /// With `--split`, per destination: that language's units, sentences of a line joined by
        /// spaces, lines by `\n`. Empty otherwise.
        var parts: [[UInt8]] = Array(repeating: [], count: Destination.allCases.count)
        var contentBytes: [Language: Int] = [:]
        var droppedLines: [DebrisReason: Int] = [:]
        /// `--attributes`: each unit's byte range in the input text, language and confidence.
        var spans: [(range: Range<Int>, language: Language, confidence: Float)] = []

        var totalContentBytes: Int { contentBytes.values.reduce(0, +) }

        func fraction(_ language: Language) -> Double {
            totalContentBytes == 0 ? 0 : Double(contentBytes[language, default: 0]) / Double(totalContentBytes)
        }

        /// The language with the most content bytes (`und` for a document without content).
        var majority: Language {
            guard totalContentBytes > 0 else { return .undetermined }
            return Language.allCases.max { contentBytes[$0, default: 0] < contentBytes[$1, default: 0] }!
        }
    }

    /// Processes the block's JSON Lines records. Each document is decoded over its record's own
    /// bytes in `buffer` (so a large record is not held twice); the record is read only before that.
    func processDocuments(_ buffer: UnsafeMutableBufferPointer<UInt8>, of block: InputBlock, into output: inout BlockOutput) {
        let text = UnsafeBufferPointer(buffer)
        let records = lineRanges
        let name = options.inputNames.indices.contains(block.source) ? options.inputNames[block.source] : "input"
        for (index, line) in records.enumerated() where output.error == nil {
            let lineNumber = block.firstLineNumber + index
            var record = line
            // A byte-order mark before an input's first record is not part of the JSON.
            if index == 0 && block.firstLineNumber == 1 && !block.startsInsideLine && record.count >= 3
                && text[record.lowerBound] == 0xEF && text[record.lowerBound + 1] == 0xBB
                && text[record.lowerBound + 2] == 0xBF
            {
                output.statistics.layoutBytes += 3
                record = (record.lowerBound + 3)..<record.upperBound
            }
            let recordText = UnsafeBufferPointer(rebasing: text[record])
            // A record longer than the limit arrives in pieces: the first is reported and counted,
            // every piece is copied to --errors, and the record's copy ends with one newline.
            let continuesRecord = block.startsInsideLine && index == 0
            let recordContinues = block.endsInsideLine && index == records.count - 1
            if continuesRecord {
                output.counters.drop(inputBytes(record), because: .invalidRecord)
                output.errorRecords.append(contentsOf: recordText)
                if !recordContinues { output.errorRecords.append(0x0A) }
                continue
            }
            if recordContinues {
                reject(
                    record, in: text,
                    reason: "\(name): line \(lineNumber): record longer than \(options.maximumRecordBytes) bytes",
                    terminated: false, into: &output)
                continue
            }
            if record.allSatisfy({ text[$0] == 0x20 || text[$0] == 0x09 }) {
                output.statistics.layoutBytes += inputBytes(record)
                continue
            }
            do throws(JSONScanner.Failure) {
                let object = try JSONScanner.validateObject(recordText)
                guard let field = Self.stringValue(at: options.documents!.fieldPath, inObjectAt: object, in: recordText) else {
                    let path = options.documents!.fieldPath.joined(separator: ".")
                    reject(record, in: text, reason: "\(name): line \(lineNumber): no string field '\(path)'", into: &output)
                    continue
                }
                // Everything needed from the record is taken before its text is decoded over it.
                let plan = Self.rewritePlan(
                    recordText, object: object, path: options.documents!.fieldPath[...],
                    resultField: Array(options.documents!.resultField.utf8))
                let id: [UInt8]?? = options.documents!.attributes
                    ? JSONScanner.members(ofObjectAt: object, in: recordText).last { $0.key == Array("id".utf8) }
                        .map { Array(recordText[$0.value]) }
                    : nil
                let documentRange = JSONScanner.decodeStringInPlace(
                    at: (record.lowerBound + field.lowerBound)..<(record.lowerBound + field.upperBound), in: buffer)
                let document = UnsafeBufferPointer(rebasing: text[documentRange])
                let result = analyse(document, into: &output)
                write(result, document: document, plan: plan, record: recordText, recordInputBytes: inputBytes(record), into: &output)
                if let id {
                    appendAttributes(result, document: document, id: id, to: &output.attributes)
                }
            } catch {
                reject(record, in: text, reason: "\(name): line \(lineNumber): invalid JSON record: \(error.message) at byte \(error.offset + 1)", into: &output)
            }
        }
    }

    /// A record that cannot be read: reported, counted, and copied to `--errors` if given;
    /// under `--strict` it stops the run instead.
    private func reject(
        _ record: Range<Int>, in text: UnsafeBufferPointer<UInt8>, reason: String, terminated: Bool = true,
        into output: inout BlockOutput
    ) {
        if options.strict && output.error == nil {
            output.error = FilterError(.invalidRecord, reason)
        }
        guard output.error == nil else { return }
        output.messages.append(reason)
        output.statistics.invalidRecords += 1
        output.counters.drop(inputBytes(record), because: .invalidRecord)
        output.errorRecords.append(contentsOf: UnsafeBufferPointer(rebasing: text[record]))
        if terminated { output.errorRecords.append(0x0A) }
        if options.documents!.attributes {
            output.attributes += Array(#"{"id":null,"attributes":{}}"#.utf8) + [0x0A]  // keeps rows aligned
        }
    }

    /// `{"id":…,"attributes":{"tamiz__tamiz__en":[[start,end,confidence],…],…,
    /// "tamiz__tamiz__doc_en":[[0,length,fraction]],…}}`: spans in code points of the input text.
    private func appendAttributes(
        _ result: DocumentResult, document: UnsafeBufferPointer<UInt8>, id: [UInt8]?, to output: inout [UInt8]
    ) {
        output += Array(#"{"id":"#.utf8)
        output += id ?? Array("null".utf8)
        output += Array(#","attributes":{"#.utf8)
        // Code-point offsets, counted once along the document as the spans ascend.
        var byteOffset = 0, codePoints = 0
        func codePointOffset(_ target: Int) -> Int {
            guard target > byteOffset else { return codePoints }
            codePoints += ByteScanning.scalarCount(in: UnsafeBufferPointer(rebasing: document[byteOffset..<target]))
            byteOffset = target
            return codePoints
        }
        var spansByLanguage: [[(Int, Int, Float)]] = Array(repeating: [], count: Language.allCases.count)
        for span in result.spans {
            let start = codePointOffset(span.range.lowerBound)
            let end = codePointOffset(span.range.upperBound)
            spansByLanguage[Language.allCases.firstIndex(of: span.language)!].append((start, end, span.confidence))
        }
        let length = codePointOffset(document.count)
        for (index, language) in Language.allCases.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output += Array("\"tamiz__tamiz__\(language.rawValue)\":[".utf8)
            for (spanIndex, span) in spansByLanguage[index].enumerated() {
                if spanIndex > 0 { output.append(UInt8(ascii: ",")) }
                output += Array("[\(span.0),\(span.1),".utf8)
                RecordEncoding.appendConfidence(span.2, to: &output)
                output.append(UInt8(ascii: "]"))
            }
            output += Array("],\"tamiz__tamiz__doc_\(language.rawValue)\":[[0,\(length),".utf8)
            RecordEncoding.appendConfidence(Float(result.fraction(language)), to: &output)
            output += Array("]]".utf8)
        }
        output += Array("}}\n".utf8)
    }

    /// Cleans and labels one document's text.
    /// A document is cleaned in windows of at most this many lines, as plain text is cleaned per
    /// block (`BlockReader` cuts a block after as many), so that the cleaner's per-line tables stay
    /// bounded whatever the document's line count (`MemoryBoundTests`).
    static let cleaningWindowLines = 65_536

    /// Cleans and labels one document's text.
    private func analyse(_ document: UnsafeBufferPointer<UInt8>, into output: inout BlockOutput) -> DocumentResult {
        var result = DocumentResult()
        output.statistics.documents += 1
        var windowStart: Int? = 0
        var lineNumber = 0
        while let start = windowStart {
            windowStart = splitLines(document, from: start, maxLines: Self.cleaningWindowLines)
            let lines = lineRanges
            let reasons = debrisReasons(ofLines: lines, in: document)
            for (line, reason) in zip(lines, reasons) {
                analyse(line, number: lineNumber, debris: reason, in: document, into: &result, output: &output)
                lineNumber += 1
            }
        }
        Self.releaseFreedMemory(afterCleaning: document.count)
        return result
    }

    /// Counts one line of a document and, if it is content, labels its units.
    private func analyse(
        _ line: Range<Int>, number: Int, debris reason: DebrisReason?, in document: UnsafeBufferPointer<UInt8>,
        into result: inout DocumentResult, output: inout BlockOutput
    ) {
        if let reason {
            result.droppedLines[reason, default: 0] += 1
            // Debris lines leave the document whole; they are not segmented or classified.
            if reason != .blank {
                output.counters.count(nil, debris: reason)
                if options.documents!.split {
                    Self.appendLine(UnsafeBufferPointer(rebasing: document[line]), to: &result.parts[Destination.debris.rawValue])
                }
            }
            return
        }
        result.contentLines.insert(number)
        var joinedLine = JoinedLine()
        forEachUnit(of: line, in: document) { range, guess in
            output.counters.count(guess.language, debris: nil)
            result.contentBytes[guess.language, default: 0] += range.count
            if options.documents!.attributes { result.spans.append((range, guess.language, guess.confidence)) }
            guard options.documents!.split else { return }
            let destination = Destination(guess.language).rawValue
            joinedLine.append(
                UnsafeBufferPointer(rebasing: document[range]), slot: destination, to: &result.parts[destination],
                separatingLines: true)
        }
    }

    /// The cleaner's per-line tables of a large document are freed before its record is rewritten,
    /// but the allocator keeps freed heap memory resident, so the rewritten record would come on
    /// top of them: for a document of at least 4 MiB the free pages are handed back first.
    private static func releaseFreedMemory(afterCleaning documentBytes: Int) {
        if documentBytes >= 4 << 20 { tz_release_free_memory() }
    }

    private static func appendLine(_ line: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) {
        if !text.isEmpty { text.append(0x0A) }
        text.append(contentsOf: line)
    }

    /// Writes the document, or its parts, where the action sends them.
    private func write(
        _ result: DocumentResult, document: UnsafeBufferPointer<UInt8>, plan: [RecordPiece],
        record: UnsafeBufferPointer<UInt8>, recordInputBytes: Int, into output: inout BlockOutput
    ) {
        let documents = options.documents!
        // The record's bytes count once: emitted if any part of it is written, else dropped.
        var written = false
        var dropReason = DropReason.language
        defer {
            if written {
                output.statistics.emittedBytes += recordInputBytes
            } else {
                output.counters.drop(recordInputBytes, because: dropReason)
            }
        }
        // The record is rewritten straight into the output buffer, whose room is reserved first: the
        // written text is rarely longer than the record, and growing by doubling would hold the
        // old and the new buffer at once.
        func emit(part: Language?, slot: Int, appendText: (inout [UInt8]) -> Void) {
            let summary = resultJSON(result, part: part)
            output.buffers[slot].reserveCapacity(output.buffers[slot].count + record.count + summary.count + 64)
            Self.append(plan, record: record, appendText: appendText, result: summary, to: &output.buffers[slot])
            if documents.languageFields {
                let language = part ?? result.majority
                output.buffers[slot].removeLast()  // the closing brace
                output.buffers[slot] += Array(#","language":""#.utf8) + Array(language.rawValue.utf8) + Array(#"","language_score":"#.utf8)
                RecordEncoding.appendConfidence(Float(result.fraction(language)), to: &output.buffers[slot])
                output.buffers[slot].append(UInt8(ascii: "}"))
            }
            output.buffers[slot].append(0x0A)
            output.statistics.documentsWritten += 1
            written = true
        }
        func emit(_ text: [UInt8], part: Language?, slot: Int) {
            emit(part: part, slot: slot) { output in
                text.withUnsafeBufferPointer { RecordEncoding.appendJSONText($0, to: &output) }
            }
        }
        /// The content lines, joined by `\n`, escaped from the document without a copy of the text.
        func emitContent(slot: Int) {
            emit(part: nil, slot: slot) { output in
                var number = 0
                var first = true
                Self.forEachLine(in: document) { line in
                    defer { number += 1 }
                    guard result.contentLines.contains(number) else { return true }
                    if !first { output += [0x5C, UInt8(ascii: "n")] }
                    first = false
                    RecordEncoding.appendJSONText(UnsafeBufferPointer(rebasing: document[line]), to: &output)
                    return true
                }
            }
        }
        switch options.action {
        case .label:
            emitContent(slot: 0)
        case .keep(let languages):
            if documents.split {
                let kept = Language.allCases.filter(languages.contains).map { result.parts[Destination($0).rawValue] }
                let text = Array(kept.filter { !$0.isEmpty }.joined(separator: [0x0A]))
                if !text.isEmpty {
                    emit(text, part: languages.count == 1 ? languages.first : nil, slot: 0)
                }
            } else if languages.reduce(0, { $0 + result.fraction($1) }) >= documents.minimumFraction
                        && result.totalContentBytes > 0 {
                emitContent(slot: 0)
            }
        case .route:
            if documents.split {
                for destination in Destination.allCases where !result.parts[destination.rawValue].isEmpty {
                    switch router.decide(destination: destination) {
                    case .write(let slot): emit(result.parts[destination.rawValue], part: destination.language, slot: slot)
                    case .drop(let reason): dropReason = reason
                    }
                }
            } else {
                let majority = result.majority
                let destination: Destination =
                    result.totalContentBytes == 0 ? .debris
                    : result.fraction(majority) >= documents.minimumFraction ? Destination(majority) : .undetermined
                switch router.decide(destination: destination) {
                case .write(let slot): emitContent(slot: slot)
                case .drop(let reason): dropReason = reason
                }
            }
        }
    }

    /// `{"lang":…,"fraction":{…},"dropped":{…}}` (plus `"part"` for a per-language part).
    private func resultJSON(_ result: DocumentResult, part: Language?) -> [UInt8] {
        var json: [UInt8] = Array(#"{"lang":""#.utf8)
        json += Array(result.majority.rawValue.utf8)
        json += Array(#"","fraction":{"#.utf8)
        for (index, language) in Language.allCases.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json += Array("\"\(language.rawValue)\":".utf8)
            RecordEncoding.appendConfidence(Float(result.fraction(language)), to: &json)
        }
        json += Array(#"},"dropped":{"#.utf8)
        var first = true
        for reason in DebrisReason.allCases where result.droppedLines[reason, default: 0] > 0 {
            if !first { json.append(UInt8(ascii: ",")) }
            first = false
            json += Array("\"\(reason.rawValue)\":".utf8)
            RecordEncoding.appendInteger(result.droppedLines[reason]!, to: &json)
        }
        json.append(UInt8(ascii: "}"))
        if let part {
            json += Array(#","part":""#.utf8)
            json += Array(part.rawValue.utf8)
            json.append(UInt8(ascii: "\""))
        }
        json.append(UInt8(ascii: "}"))
        return json
    }

    /// The range of the JSON string at `path` (object members, outermost first), or nil when a
    /// step is missing or the leaf is not a string.
    static func stringValue(at path: [String], inObjectAt object: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var current = object
        for (depth, key) in path.enumerated() {
            let keyBytes = Array(key.utf8)
            guard let member = JSONScanner.members(ofObjectAt: current, in: bytes).last(where: { $0.key == keyBytes }) else {
                return nil
            }
            let opening = bytes[member.value.lowerBound]
            if depth == path.count - 1 {
                return opening == UInt8(ascii: "\"") ? member.value : nil
            }
            guard opening == UInt8(ascii: "{") else { return nil }
            current = member.value
        }
        return nil
    }

    /// One piece of a rewritten record (``rewritePlan(_:object:path:resultField:)``).
    enum RecordPiece: Equatable {
        /// These bytes of the record, unchanged.
        case record(Range<Int>)
        case literal([UInt8])
        /// The document's new text, the body of a JSON string.
        case text
        /// The result member's value.
        case result
    }

    /// How to write the object at `object` with the string at `path` replaced by the new text and,
    /// at the top level, the member `resultField` set to the result. All other members keep their
    /// exact bytes. A plan, not the output, because the text is known only after the record's
    /// string has been decoded over its own bytes, when the record can no longer be scanned.
    static func rewritePlan(
        _ bytes: UnsafeBufferPointer<UInt8>, object: Range<Int>, path: ArraySlice<String>, resultField: [UInt8]?
    ) -> [RecordPiece] {
        let comma = RecordPiece.literal([UInt8(ascii: ",")])
        var plan: [RecordPiece] = [.literal([UInt8(ascii: "{")])]
        var hasMember = false
        let key = path.first.map { Array($0.utf8) }
        let members = JSONScanner.members(ofObjectAt: object, in: bytes)
        let target = members.lastIndex { $0.key == key }
        // Only the copy of the key that JSON readers use (the last) is written: an earlier duplicate
        // would otherwise stay in the output uncleaned.
        for (index, member) in members.enumerated()
        where (resultField == nil || member.key != resultField!) && (member.key != key || index == target) {
            if hasMember { plan.append(comma) }
            hasMember = true
            guard index == target else {
                plan.append(.record(member.range))
                continue
            }
            plan.append(.record(member.range.lowerBound..<member.value.lowerBound))
            if path.count == 1 {
                plan += [.literal([UInt8(ascii: "\"")]), .text, .literal([UInt8(ascii: "\"")])]
            } else {
                plan += rewritePlan(bytes, object: member.value, path: path.dropFirst(), resultField: nil)
            }
        }
        if let resultField {
            if hasMember { plan.append(comma) }
            var name: [UInt8] = [UInt8(ascii: "\"")]
            resultField.withUnsafeBufferPointer { RecordEncoding.appendJSONText($0, to: &name) }
            name += Array("\":".utf8)
            plan += [.literal(name), .result]
        }
        plan.append(.literal([UInt8(ascii: "}")]))
        return plan
    }

    /// Appends the record `plan` describes: `record`'s pieces as they were, `appendText` for the text.
    static func append(
        _ plan: [RecordPiece], record: UnsafeBufferPointer<UInt8>, appendText: (inout [UInt8]) -> Void,
        result: [UInt8], to output: inout [UInt8]
    ) {
        for piece in plan {
            switch piece {
            case .record(let range): output.append(contentsOf: UnsafeBufferPointer(rebasing: record[range]))
            case .literal(let bytes): output += bytes
            case .text: appendText(&output)
            case .result: output += result
            }
        }
    }
}
