/// Case folding of the letters Tamiz's languages write: ASCII and the Latin-1 capitals "À"…"Þ"
/// (UTF-8 `C3 80`…`C3 9E`, without "×" `C3 97`), whose lower-case forms add 0x20 to the second
/// byte. Every word fingerprint and word key folds with these, so a word list built by one module
/// matches text read by another (`ByteHelpersTests`).
@usableFromInline package enum Latin1 {
    /// Whether `b`, following a `C3` byte, is the second byte of a Latin-1 capital.
    @inlinable @inline(__always)
    package static func isCapitalSecondByte(_ b: UInt8) -> Bool { b >= 0x80 && b <= 0x9E && b != 0x97 }

    /// `b` lowercased: an ASCII capital, or the second byte of a Latin-1 capital (`previous` is the
    /// byte before `b`); any other byte unchanged.
    @inlinable @inline(__always)
    package static func lowercased(_ b: UInt8, after previous: UInt8) -> UInt8 {
        if b &- 0x41 < 26 { return b | 0x20 }
        if previous == 0xC3 && isCapitalSecondByte(b) { return b &+ 0x20 }
        return b
    }
}

/// 64-bit FNV-1a, the hash of Tamiz's word fingerprints (the model's evidence lists, the segmenter's
/// word lists) and of its reproducibility digests.
@usableFromInline package enum FNV1a {
    @inlinable @inline(__always) package static var offsetBasis: UInt64 { 0xCBF2_9CE4_8422_2325 }
    @inlinable @inline(__always) package static var prime: UInt64 { 0x0000_0100_0000_01B3 }

    /// One step: `hash` with byte `b` mixed in.
    @inlinable @inline(__always)
    package static func mix(_ hash: UInt64, _ b: UInt8) -> UInt64 { (hash ^ UInt64(b)) &* prime }

    /// The hash of `bytes`, lowercased first with `Latin1.lowercased` when `folding`.
    @inlinable
    package static func hash(_ bytes: some Sequence<UInt8>, folding: Bool) -> UInt64 {
        var hash = offsetBasis
        var previous: UInt8 = 0
        for var b in bytes {
            if folding { b = Latin1.lowercased(b, after: previous) }
            hash = mix(hash, b)
            previous = b
        }
        return hash
    }
}

/// Byte tests on URL-like tokens.
@usableFromInline package enum URLBytes {
    /// Whether the three bytes at `p` spell "www" in any case (the caller checks they exist).
    @inlinable @inline(__always)
    package static func isWWW(_ p: UnsafePointer<UInt8>) -> Bool {
        p[0] | 0x20 == 0x77 && p[1] | 0x20 == 0x77 && p[2] | 0x20 == 0x77
    }
}
