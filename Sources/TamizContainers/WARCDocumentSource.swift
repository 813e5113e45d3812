/// What a WARC reader saw: documents written, other records skipped (by `WARC-Type`), malformed
/// records skipped, each counted once.
package struct WARCStatistics: Sendable, Equatable {
    /// `conversion` records turned into documents.
    package var documents = 0
    /// Records of other types (`warcinfo`, `request`, `response`, `metadata`, …), by type.
    package var skippedByType: [String: Int] = [:]
    /// Records that could not be read (bad header, missing length, truncated) or were too long.
    package var malformed = 0
    /// Bytes of skipped and malformed records, headers included.
    package var skippedBytes = 0

    package init() {}
}

/// Turns a WARC stream (a Common Crawl WET file, decompressed) into JSON Lines documents, one per
/// `conversion` record: `{"id":WARC-Record-ID,"url":WARC-Target-URI,"date":WARC-Date,
/// "warc_language":WARC-Identified-Content-Language or null,"text":the record's content}`.
///
/// Other record types are skipped and counted. A malformed record is reported with its offset
/// in the WARC stream and skipped up to the next line that starts with `WARC/1.`; it never stops
/// the run. Memory is bounded by `maximumRecordBytes`: a longer record is reported and skipped
/// (`WARCDocumentSourceTests`).
package final class WARCDocumentSource: ByteSource {
    static let versionPrefix = Array("WARC/1.".utf8)
    private static let maximumHeaderBytes = 1 << 20

    private let reader: BufferedReader
    private let name: String
    private let maximumRecordBytes: Int
    private let report: (String) -> Void
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var body: [UInt8] = []
    private var ended = false
    /// After a malformed record: the next record starts at the next `WARC/1.` line.
    private var resynchronizing = false
    package private(set) var statistics = WARCStatistics()

    package init(
        _ upstream: any ByteSource, name: String, maximumRecordBytes: Int = 64 << 20,
        report: @escaping (String) -> Void = { _ in }
    ) {
        self.reader = BufferedReader(upstream)
        self.name = name
        self.maximumRecordBytes = maximumRecordBytes
        self.report = report
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int {
        while pendingStart == pending.count {
            if ended { return 0 }
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
            try readRecord()
        }
        let count = min(buffer.count, pending.count - pendingStart)
        pending.withUnsafeBytes { bytes in
            buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + pendingStart, byteCount: count)
        }
        pendingStart += count
        return count
    }

    /// Reads one record: appends its document to `pending`, or counts it as skipped or malformed.
    private func readRecord() throws(ContainerError) {
        // Records are separated by CRLF CRLF; blank lines between them are not an error. Other
        // lines before a version line are reported once, as one malformed stretch.
        var start = reader.position
        var versionLine: [UInt8]?
        while true {
            let lineStart = reader.position
            guard let line = try reader.readLine(maximumBytes: 256) else { break }
            if line.bytes.starts(with: Self.versionPrefix) {
                start = lineStart
                versionLine = line.bytes
                break
            }
            if !line.bytes.isEmpty && !resynchronizing {
                malformed(at: lineStart, "expected a 'WARC/1.x' version line")
                resynchronizing = true
            }
            if resynchronizing { statistics.skippedBytes += reader.position - lineStart }
        }
        resynchronizing = false
        guard versionLine != nil else {
            ended = true
            return
        }

        var headers: [String: String] = [:]
        var headerBytes = 0
        while true {
            guard let line = try reader.readLine(maximumBytes: 64 << 10) else {
                malformed(at: start, "the file ends inside the record's header")
                ended = true
                return
            }
            if line.bytes.isEmpty { break }
            headerBytes += line.bytes.count
            if headerBytes > Self.maximumHeaderBytes || line.wasCut {
                abandonHeader(from: start, "the record's header is longer than \(Self.maximumHeaderBytes) bytes")
                return
            }
            guard let colon = line.bytes.firstIndex(of: UInt8(ascii: ":")) else {
                abandonHeader(from: start, "header line without a ':'")
                return
            }
            let field = String(decoding: line.bytes[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line.bytes[(colon + 1)...], as: UTF8.self)
            headers[field] = value.trimmingSpaces()
        }
        guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
            abandonHeader(from: start, "missing or invalid Content-Length")
            return
        }
        let type = headers["warc-type"] ?? "(no WARC-Type)"
        let headerLength = reader.position - start
        if type != "conversion" || length > maximumRecordBytes {
            let skipped = try reader.skip(length)
            statistics.skippedBytes += headerLength + skipped
            if skipped < length {
                malformed(at: start, "the file ends inside the record's content (\(skipped) of \(length) bytes)")
                ended = true
            } else if type == "conversion" {
                malformed(at: start, "conversion record of \(length) bytes is longer than the limit of \(maximumRecordBytes)")
            } else {
                statistics.skippedByType[type, default: 0] += 1
            }
            return
        }
        body.removeAll(keepingCapacity: true)
        let got = try reader.read(length, appendingTo: &body)
        if got < length {
            statistics.skippedBytes += headerLength + got
            malformed(at: start, "the file ends inside the record's content (\(got) of \(length) bytes)")
            ended = true
            return
        }
        statistics.documents += 1
        appendDocument(headers: headers)
    }

    /// A malformed header: counted with the bytes read so far; the next record starts at the next
    /// version line.
    private func abandonHeader(from start: Int, _ message: String) {
        malformed(at: start, message)
        statistics.skippedBytes += reader.position - start
        resynchronizing = true
    }

    private func malformed(at offset: Int, _ message: String) {
        statistics.malformed += 1
        report("'\(name)': malformed WARC record at byte \(offset) of the WARC stream: \(message); skipped")
    }

    private func appendDocument(headers: [String: String]) {
        pending.reserveCapacity(body.count + body.count / 16 + 256)
        pending.append(contentsOf: #"{"id":"#.utf8)
        appendJSONString(headers["warc-record-id"])
        pending.append(contentsOf: #","url":"#.utf8)
        appendJSONString(headers["warc-target-uri"])
        pending.append(contentsOf: #","date":"#.utf8)
        appendJSONString(headers["warc-date"])
        pending.append(contentsOf: #","warc_language":"#.utf8)
        appendJSONString(headers["warc-identified-content-language"])
        pending.append(contentsOf: #","text":"#.utf8)
        body.withUnsafeBufferPointer { appendJSONString(bytes: $0) }
        pending.append(contentsOf: "}\n".utf8)
    }

    private func appendJSONString(_ value: String?) {
        guard let value else {
            pending.append(contentsOf: "null".utf8)
            return
        }
        var copy = value
        copy.withUTF8 { appendJSONString(bytes: $0) }
    }

    /// Appends `bytes` as a JSON string. Bytes that are not valid UTF-8 are copied as they are,
    /// for the filter's own UTF-8 policy (replacement, or an error under `--strict`) to decide.
    private func appendJSONString(bytes: UnsafeBufferPointer<UInt8>) {
        pending.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            switch byte {
            case UInt8(ascii: "\""): pending.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): pending.append(contentsOf: #"\\"#.utf8)
            case 0x0A: pending.append(contentsOf: #"\n"#.utf8)
            case 0x0D: pending.append(contentsOf: #"\r"#.utf8)
            case 0x09: pending.append(contentsOf: #"\t"#.utf8)
            default:
                let hex = Array("0123456789abcdef".utf8)
                pending.append(contentsOf: #"\u00"#.utf8)
                pending.append(hex[Int(byte >> 4)])
                pending.append(hex[Int(byte & 0xF)])
            }
            runStart = index + 1
        }
        pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        pending.append(UInt8(ascii: "\""))
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}

/// Lines and counted runs of bytes from a source, with the offset of the next unread byte.
final class BufferedReader {
    private let source: any ByteSource
    private let buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var reachedEnd = false
    /// Offset of the next unread byte in the stream.
    private(set) var position = 0

    init(_ source: any ByteSource, capacity: Int = 256 << 10) {
        self.source = source
        self.buffer = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    private var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: buffer.count)
    }

    /// Fills the buffer when it is empty; false at the end of the stream.
    private func fill() throws(ContainerError) -> Bool {
        if start < end { return true }
        if reachedEnd { return false }
        start = 0
        end = try source.read(into: buffer)
        if end == 0 { reachedEnd = true }
        return end > 0
    }

    struct Line {
        /// The line without its LF or CRLF, at most the requested number of bytes.
        var bytes: [UInt8]
        /// Whether the line was longer and the rest was skipped.
        var wasCut: Bool
    }

    /// The next line, or nil at the end of the stream.
    func readLine(maximumBytes: Int) throws(ContainerError) -> Line? {
        var line: [UInt8] = []
        var wasCut = false
        var sawAny = false
        while try fill() {
            sawAny = true
            let newline = bytes[start..<end].firstIndex(of: 0x0A)
            let pieceEnd = newline ?? end
            let room = maximumBytes - line.count
            if room > 0 {
                line.append(contentsOf: bytes[start..<min(pieceEnd, start + room)])
            }
            if pieceEnd - start > max(room, 0) { wasCut = true }
            let consumed = (newline.map { $0 + 1 } ?? end) - start
            start += consumed
            position += consumed
            if newline != nil { break }
        }
        guard sawAny else { return nil }
        if line.last == 0x0D { line.removeLast() }
        return Line(bytes: line, wasCut: wasCut)
    }

    /// Appends up to `count` bytes to `output`; returns how many (fewer only at the end).
    func read(_ count: Int, appendingTo output: inout [UInt8]) throws(ContainerError) -> Int {
        var left = count
        while left > 0, try fill() {
            let take = min(left, end - start)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<start + take]))
            start += take
            position += take
            left -= take
        }
        return count - left
    }

    /// Skips up to `count` bytes; returns how many (fewer only at the end).
    func skip(_ count: Int) throws(ContainerError) -> Int {
        var left = count
        while left > 0, try fill() {
            let take = min(left, end - start)
            start += take
            position += take
            left -= take
        }
        return count - left
    }
}
