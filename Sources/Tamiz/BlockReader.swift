import TamizContainers

/// Reads one input in blocks of whole lines, cutting a line only when it is longer than a block.
///
/// A block is filled completely before it is cut (short reads from pipes are retried), so block
/// boundaries depend only on the bytes, never on timing: output is identical for any thread count.
struct BlockReader {
    /// The input's bytes, decompressed (and for WARC, as JSON Lines documents).
    private let input: any ByteSource
    private let name: String
    private let source: Int
    private let blockBytes: Int
    /// When set, lines are never cut below this length (JSON Lines records must be whole).
    private let maxLineBytes: Int?
    private var carry: [UInt8] = []
    private var reachedEnd = false
    private var nextLineNumber = 1
    private var insideLine = false
    /// Code points already read of the line the next block continues (see `InputBlock`).
    private var lineScalarOffset = 0
    /// SIGINT/SIGTERM interrupted a read: what was read becomes the last block (whole lines only).
    private var interrupted = false
    /// A read error that follows bytes still to be filtered: thrown by the next `nextBlock`.
    private var pendingError: ContainerError?

    /// A line piece is cut after the last whitespace within this many bytes of the block's end.
    private static let whitespaceSearchWindow = 64 << 10

    /// At most this many lines per block: one per 16 bytes of block (65,536 for 1 MiB).
    private var maxLines: Int { max(1, blockBytes / 16) }

    init(input: any ByteSource, name: String, source: Int, blockBytes: Int, maxLineBytes: Int? = nil) {
        self.input = input
        self.name = name
        self.source = source
        self.blockBytes = max(blockBytes, 16)
        self.maxLineBytes = maxLineBytes
    }

    /// The next block, or nil at the end of the input.
    mutating func nextBlock(sequence: Int) throws(FilterError) -> InputBlock? {
        if let signal = StopSignal.signal { throw StopSignal.interruption(signal) }
        if carry.isEmpty, let pendingError {
            throw FilterError(.input, pendingError.description)
        }
        var bytes = try read(after: carry, upTo: blockBytes)
        carry.removeAll(keepingCapacity: true)
        if interrupted, let signal = StopSignal.signal {
            // The lines read before the signal are processed and written; a line still
            // arriving is not, so that no half record is written.
            bytes.removeSubrange((bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)...)
            if bytes.isEmpty { throw StopSignal.interruption(signal) }
        }
        if bytes.isEmpty { return nil }
        // A JSON Lines record must be read whole: grow the block up to `maxLineBytes` to find its end.
        // The rest of a record that was longer is skipped in ordinary blocks.
        // Only the newly read bytes are searched for its end.
        // The block grows in place, its capacity doubling, so a record of n bytes costs O(n) copying
        // and at most 2n resident bytes while it is read (a new block per step copied O(n²) bytes).
        var searched = 0
        while let maxLineBytes, !insideLine, !reachedEnd, bytes.count < maxLineBytes,
            !bytes.withUnsafeBufferPointer({ ByteScanning.firstIndex(of: 0x0A, in: $0, from: searched) != nil })
        {
            searched = bytes.count
            readMore(into: &bytes, upTo: min(bytes.count + blockBytes, maxLineBytes))
        }

        // At the end of input the buffer holds everything that is left; otherwise it is full and is
        // cut after its last newline, or, inside a line longer than a block, into a piece.
        var cut = bytes.count
        var endsInsideLine = false
        if !reachedEnd {
            if let documentEnd = Self.lastDocumentStart(in: bytes) {
                cut = documentEnd  // keep a document's lines together for the cleaner
            } else if let lastNewline = bytes.lastIndex(of: 0x0A) {
                cut = lastNewline + 1
            } else {
                cut = Self.pieceBoundary(in: bytes)
                endsInsideLine = true
            }
        }
        // Per-line bookkeeping (line ranges, the cleaner's features) is paid per line: a block of
        // tiny or blank lines is cut after `maxLines` of them, so it stays bounded by the block size.
        if let lineLimit = bytes.withUnsafeBufferPointer({ Self.endOfLine(number: maxLines, in: $0, before: cut) }) {
            cut = lineLimit
            endsInsideLine = false
        }
        if cut < bytes.count {
            carry.append(contentsOf: bytes[cut...])
            bytes.removeSubrange(cut...)
        } else if endsInsideLine {
            // A piece that is the whole buffer may also be the end of the input: only a block that
            // is followed by more bytes may leave its line open, or the line's record is never closed.
            endsInsideLine = peekByteIntoCarry()
        }

        let block = InputBlock(
            sequence: sequence, source: source, bytes: bytes, firstLineNumber: nextLineNumber,
            startsInsideLine: insideLine, endsInsideLine: endsInsideLine,
            firstLineScalarOffset: insideLine ? lineScalarOffset : 0)
        nextLineNumber += bytes.withUnsafeBufferPointer(Self.newlineCount)
        // A block that ends inside a line holds no line break: all of it is that line's.
        lineScalarOffset = endsInsideLine
            ? block.firstLineScalarOffset + Self.repairedScalarCount(bytes) : 0
        insideLine = endsInsideLine
        return block
    }

    /// Reads one byte into the empty `carry`; false if the input ended (or failed: the error
    /// is thrown by the next `nextBlock`) instead.
    private mutating func peekByteIntoCarry() -> Bool {
        var byte: UInt8 = 0
        let (count, readError) = withUnsafeMutableBytes(of: &byte) { fill($0, from: 0) }
        if let readError {
            pendingError = readError
            reachedEnd = true
        }
        if count == 1 { carry.append(byte) }
        return count == 1
    }

    /// Code points of `bytes` as the processor sees them: invalid UTF-8 replaced by U+FFFD.
    static func repairedScalarCount(_ bytes: [UInt8]) -> Int {
        guard bytes.withUnsafeBufferPointer(UTF8Repair.firstInvalidOffset) != nil else {
            return bytes.withUnsafeBufferPointer(ByteScanning.scalarCount)
        }
        var repaired: [UInt8] = []
        bytes.withUnsafeBufferPointer { _ = UTF8Repair.appendRepairing($0, to: &repaired) }
        return repaired.withUnsafeBufferPointer(ByteScanning.scalarCount)
    }

    /// `prefix` followed by bytes read until the result holds `target` bytes or the input ends.
    private mutating func read(after prefix: [UInt8], upTo target: Int) throws(FilterError) -> [UInt8] {
        var readError: ContainerError?
        let bytes = [UInt8](unsafeUninitializedCapacity: max(target, prefix.count)) { buffer, initialized in
            let base = buffer.baseAddress!
            prefix.withUnsafeBufferPointer { prefix in
                if let prefixBase = prefix.baseAddress { base.update(from: prefixBase, count: prefix.count) }
            }
            (initialized, readError) = fill(UnsafeMutableRawBufferPointer(start: base, count: max(target, prefix.count)), from: prefix.count)
        }
        if let readError {
            // The bytes before a corrupt or truncated spot are filtered first; the error ends the run.
            if !bytes.isEmpty {
                pendingError = readError
                reachedEnd = true
                return bytes
            }
            throw FilterError(.input, readError.description)
        }
        return bytes
    }

    /// Appends to `bytes` what `read(after:upTo:)` would read after it, without copying `bytes`
    /// unless its capacity must grow.
    private mutating func readMore(into bytes: inout [UInt8], upTo target: Int) {
        if bytes.capacity < target { bytes.reserveCapacity(max(target, 2 * bytes.capacity)) }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: target - start))
        let (filled, readError) = bytes.withUnsafeMutableBytes { fill($0, from: start) }
        bytes.removeSubrange(filled...)
        if let readError {
            // As in `read(after:upTo:)`: what was read is filtered first, then the error ends the run.
            pendingError = readError
            reachedEnd = true
        }
    }

    /// Reads into `buffer` after its first `start` bytes until it is full or the input ends, and
    /// returns how many bytes it then holds and the read error that stopped it, if any. Short
    /// reads (pipes, terminals) are retried, so the result never depends on timing. The input's
    /// end sets `reachedEnd`, and a signal that ended it also sets `interrupted`.
    private mutating func fill(_ buffer: UnsafeMutableRawBufferPointer, from start: Int) -> (count: Int, error: ContainerError?) {
        var filled = start
        while filled < buffer.count && !reachedEnd {
            do throws(ContainerError) {
                let count = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                if count > 0 {
                    filled += count
                } else {
                    // A read interrupted by SIGINT/SIGTERM ends the input (FileSource.endsOnInterruption).
                    if StopSignal.signal != nil { interrupted = true }
                    reachedEnd = true
                }
            } catch {
                if StopSignal.signal != nil {
                    // A decompressor cut short by the signal: the signal, not the data, ended it.
                    interrupted = true
                    reachedEnd = true
                    return (filled, nil)
                }
                return (filled, error)
            }
        }
        return (filled, nil)
    }

    /// Where to cut a line that fills a whole block: after the last whitespace near the end,
    /// else before the last UTF-8 lead byte so that no character is split. A final CR stays with
    /// what follows, since it may be the first half of a CRLF line end.
    private static func pieceBoundary(in bytes: [UInt8]) -> Int {
        let windowStart = max(1, bytes.count - whitespaceSearchWindow)
        if let space = bytes[windowStart...].lastIndex(where: { $0 == 0x20 || $0 == 0x09 }) {
            return space + 1
        }
        if bytes[bytes.count - 1] == 0x0D { return bytes.count - 1 }
        // Step back over at most three continuation bytes to the last lead byte; the character it
        // starts may be incomplete, so the piece ends before it.
        var index = bytes.count - 1
        var steps = 0
        while index > 0 && steps < 3 && bytes[index] & 0xC0 == 0x80 {
            index -= 1
            steps += 1
        }
        return bytes[index] >= 0xC0 && index > 0 ? index : bytes.count
    }

    /// The start of the last line that begins with a form feed (a new document), if it lies in
    /// the second half of the block.
    private static func lastDocumentStart(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var found: Int?
            var index = buffer.count / 2
            while let formFeed = ByteScanning.firstIndex(of: 0x0C, in: buffer, from: index) {
                if buffer[formFeed - 1] == 0x0A { found = formFeed }
                index = formFeed + 1
            }
            return found
        }
    }

    /// The offset after the `number`-th newline, if it lies before `limit`.
    private static func endOfLine(number: Int, in bytes: UnsafeBufferPointer<UInt8>, before limit: Int) -> Int? {
        var index = 0
        for _ in 0..<number {
            guard let found = ByteScanning.firstIndex(of: 0x0A, in: bytes, from: index), found < limit else { return nil }
            index = found + 1
        }
        return index < limit ? index : nil
    }

    private static func newlineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        ByteScanning.count(of: 0x0A, in: bytes)
    }
}
