#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TamizClassifying

/// Byte searches used on every block, eight bytes at a time (SWAR) or with libc's vectorised
/// `memchr`: the per-byte Swift loops they replace cost 5–9 instructions per input byte.
enum ByteScanning {
    /// Offset of the first `byte` at or after `start`, or nil.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Unicode code points in valid UTF-8 `bytes` (`LanguageSpanDetector.scalarCount`, which
    /// also counts the detector's own span offsets).
    static func scalarCount(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        return LanguageSpanDetector.scalarCount(base, bytes.count)
    }

    /// Number of `byte`s in `bytes`.
    static func count(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while let found = firstIndex(of: byte, in: bytes, from: index) {
            count += 1
            index = found + 1
        }
        return count
    }

    /// Offset of the first byte at or after `start` that TSV or JSON text must escape: a control
    /// byte (< 0x20), a backslash, or — when `quote` — a double quote.
    @inline(__always)
    static func firstToEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, quote: Bool) -> Int {
        var index = start
        let count = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // A byte below 0x20 (bytes ≥ 0x80 are excluded by `& ~word`).
            var found = (word &- ones &* 0x20) & ~word & highs
            let backslash = word ^ (ones &* 0x5C)
            found |= (backslash &- ones) & ~backslash & highs
            if quote {
                let quotes = word ^ (ones &* 0x22)
                found |= (quotes &- ones) & ~quotes & highs
            }
            if found != 0 { break }
            index += 8
        }
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x5C || (quote && byte == 0x22) { return index }
            index += 1
        }
        return count
    }
}
