/// Validation and repair of UTF-8, following the Unicode standard's "maximal subpart" practice:
/// each maximal invalid subsequence becomes one U+FFFD, exactly as Swift's `String(decoding:as:)` does.
enum UTF8Repair {
    /// The byte offset of the first invalid sequence in `bytes`, or nil when all of it is valid UTF-8.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            // Fast path: eight ASCII bytes at a time.
            if index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let length = validSequenceLength(bytes, at: index)
            if length == 0 { return index }
            index += length
        }
        return nil
    }

    /// Appends `bytes` to `output` with every maximal invalid subsequence replaced by U+FFFD.
    /// Returns the number of invalid bytes that were replaced.
    @discardableResult
    static func appendRepairing(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Int {
        var replacements = Replacements()
        return appendRepairing(bytes, to: &output, replacements: &replacements)
    }

    /// Where a repaired text differs in length from its input: each U+FFFD that replaced `n`
    /// invalid bytes is `3 - n` bytes longer than what it replaced. Lets byte counts over the
    /// repaired text be turned back into input bytes (``inputByteCount(of:)``).
    struct Replacements {
        /// Offsets in the repaired text of the U+FFFD that were replacements, ascending.
        private(set) var offsets: [Int] = []
        /// `growth[i]`: how many bytes longer the repaired text is than the input before `offsets[i] + 3`.
        private var growth: [Int] = []

        var count: Int { offsets.count }

        mutating func removeAll() {
            offsets.removeAll(keepingCapacity: true)
            growth.removeAll(keepingCapacity: true)
        }

        mutating func append(offset: Int, inputBytes: Int) {
            offsets.append(offset)
            growth.append((growth.last ?? 0) + 3 - inputBytes)
        }

        /// How many input bytes became `range` of the repaired text (ranges never cut a U+FFFD).
        func inputByteCount(of range: Range<Int>) -> Int {
            guard !offsets.isEmpty else { return range.count }
            return range.count - (growth(before: range.upperBound) - growth(before: range.lowerBound))
        }

        /// The growth from replacements that start before `offset`.
        private func growth(before offset: Int) -> Int {
            var low = 0, high = offsets.count
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] < offset { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? 0 : growth[low - 1]
        }
    }

    /// `appendRepairing`, noting each replacement in `replacements` (offsets relative to the
    /// start of `output`'s new bytes).
    @discardableResult
    static func appendRepairing(
        _ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], replacements: inout Replacements
    ) -> Int {
        let outputStart = output.count
        var replaced = 0
        var index = 0
        var validStart = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length > 0 {
                index += length
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[validStart..<index]))
            let subpart = max(1, maximalSubpartLength(bytes, at: index))
            replacements.append(offset: output.count - outputStart, inputBytes: subpart)
            output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            replaced += subpart
            index += subpart
            validStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[validStart..<bytes.count]))
        return replaced
    }

    /// Length of the well-formed sequence starting at `index` (1–4), or 0 if it is ill-formed.
    @inline(__always)
    private static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let (length, low, high) = leadProperties(lead)
        guard length > 0, index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { return 0 }
        for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
            return 0
        }
        return length
    }

    /// How many bytes starting at `index` form the longest prefix of some valid sequence.
    private static func maximalSubpartLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let (length, low, high) = leadProperties(bytes[index])
        guard length > 0 else { return 1 }
        var taken = 1
        while taken < length && index + taken < bytes.count {
            let byte = bytes[index + taken]
            let fits = taken == 1 ? (byte >= low && byte <= high) : (byte & 0xC0 == 0x80)
            if !fits { break }
            taken += 1
        }
        return taken
    }

    /// Sequence length for a lead byte and the allowed range of the second byte (Unicode table 3-7).
    @inline(__always)
    private static func leadProperties(_ lead: UInt8) -> (length: Int, low: UInt8, high: UInt8) {
        switch lead {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return (0, 0, 0)
        }
    }
}
