#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one input in blocks of whole lines, cutting a line only when it is longer than a block.
///
/// A block is filled completely before it is cut (short reads from pipes are retried), so block
/// boundaries depend only on the bytes, never on timing: output is identical for any thread count.
struct BlockReader {
    private let descriptor: Int32
    private let name: String
    private let source: Int
    private let blockBytes: Int
    private var carry: [UInt8] = []
    private var reachedEnd = false
    private var nextLineNumber = 1
    private var insideLine = false

    /// A line piece is cut after the last whitespace within this many bytes of the block's end.
    private static let whitespaceSearchWindow = 64 << 10

    init(descriptor: Int32, name: String, source: Int, blockBytes: Int) {
        self.descriptor = descriptor
        self.name = name
        self.source = source
        self.blockBytes = max(blockBytes, 16)
    }

    /// The next block, or nil at the end of the input.
    mutating func nextBlock(sequence: Int) throws(FilterError) -> InputBlock? {
        var readError: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: blockBytes) { buffer, initialized in
            let base = buffer.baseAddress!
            carry.withUnsafeBufferPointer { carried in
                if let carriedBase = carried.baseAddress {
                    base.update(from: carriedBase, count: carried.count)
                }
            }
            initialized = carry.count
            while initialized < blockBytes && !reachedEnd {
                let count = read(descriptor, base + initialized, blockBytes - initialized)
                if count > 0 {
                    initialized += count
                } else if count == 0 {
                    reachedEnd = true
                } else if errno != EINTR {
                    readError = errno
                    return
                }
            }
        }
        if readError != 0 {
            throw FilterError(.input, "cannot read '\(name)': \(String(cString: strerror(readError)))")
        }
        carry.removeAll(keepingCapacity: true)
        if bytes.isEmpty { return nil }

        // At the end of input the buffer holds everything that is left; otherwise it is full and is
        // cut after its last newline, or, inside a line longer than a block, into a piece.
        var cut = bytes.count
        var endsInsideLine = false
        if !reachedEnd {
            if let lastNewline = bytes.lastIndex(of: 0x0A) {
                cut = lastNewline + 1
            } else {
                cut = Self.pieceBoundary(in: bytes)
                endsInsideLine = true
            }
        }
        if cut < bytes.count {
            carry.append(contentsOf: bytes[cut...])
            bytes.removeSubrange(cut...)
        }

        let block = InputBlock(
            sequence: sequence, source: source, bytes: bytes, firstLineNumber: nextLineNumber,
            startsInsideLine: insideLine, endsInsideLine: endsInsideLine)
        nextLineNumber += bytes.withUnsafeBufferPointer(Self.newlineCount)
        insideLine = endsInsideLine
        return block
    }

    /// Where to cut a line that fills a whole block: after the last whitespace near the end,
    /// else before the last UTF-8 lead byte so that no character is split.
    private static func pieceBoundary(in bytes: [UInt8]) -> Int {
        let windowStart = max(1, bytes.count - whitespaceSearchWindow)
        if let space = bytes[windowStart...].lastIndex(where: { $0 == 0x20 || $0 == 0x09 }) {
            return space + 1
        }
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

    private static func newlineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte == 0x0A { count += 1 }
        return count
    }
}
