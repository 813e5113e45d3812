import TamizBytes
/// Where the features of a text go: the classifier sums weights, the trainer records indices.
@usableFromInline
package protocol FeatureSink {
    /// One feature, already hashed to a bucket index in `0 ..< 2^bucketBits`.
    mutating func feature(_ bucket: Int)
    /// The end of a whitespace-delimited token. `keep == false` discards every feature since
    /// the previous token end (the token was a URL, e-mail address, hashtag, path...).
    mutating func endToken(keep: Bool)
    /// Called at least once every 256 features (lets a sink sum in narrow lanes).
    mutating func flush()
}

/// What the extractor saw besides features.
@usableFromInline
package struct TextEvidence {
    /// Latin letters in kept tokens.
    @usableFromInline var letters: Int = 0
    /// Letters of other scripts (Greek, Cyrillic, Arabic, CJK, ...).
    @usableFromInline var foreignLetters: Int = 0
    /// Code punctuation: `; = < > [ ] { }` and `()` (see `LanguageClassifier`: code-like text is `und`).
    @usableFromInline var codeMarks: Int = 0

    @inlinable init() {}
}

/// How text becomes hashed features (this is part of the model format, version 3 since the
/// word lists moved into the file; the hashing is unchanged since version 2).
///
/// **Symbols.** Bytes are decoded on the fly from UTF-8 into one-byte symbols:
/// ASCII letters fold to lower case (`a`...`z`); a Latin-1 letter `C3 xx` becomes the single
/// symbol `xx`, upper case folded to lower (so `Á` = `á` = 0xA1: accents are kept, because
/// á/ñ vs ç/ã/è is strong evidence, but cost one n-gram slot instead of two); Latin Extended
/// letters hash into 0xC0...0xFF; `¿` and `¡` are marks 0x02 / 0x01 (Spanish evidence); `ª º`
/// read as `a o`. Everything else is not a letter: whitespace ends a token; digits,
/// punctuation, symbols, emoji and invalid bytes end a word; letters of other scripts end a
/// word and are counted as foreign. Invalid UTF-8 and NUL are just non-letters.
///
/// **Features.** Symbols go through a 64-bit shift register in which the end of every word
/// appears as one space (0x20), and the register starts as all spaces. After each letter or
/// mark, and after each word end, one feature for the model's n-gram order `n` (if it has
/// one) is emitted: the last `n` symbols (as a little-endian integer) times
/// 0x9E3779B97F4A7C15, top `bucketBits` bits (a mark right after a letter stands in for that
/// word's end space). One order only: every extra order was another lookup per byte.
/// With word features on, each finished word of `L` letters also emits, just before its end is
/// pushed, `(key ^ 0x5741_4D49_5A57_4F52) &* 0x9E3779B97F4A7C15 >> (64 - bucketBits)` where `key`
/// is the low `L` bytes of the register (the word) with `L` in the top byte when `L < 8`, else
/// the whole register (the word's last 8 letters). Keying by the word alone, not by the space
/// or mark before it, measured fewer English names labelled Spanish. No per-letter word hash: its
/// multiply chain was the loop's longest dependency.
///
/// **Junk tokens.** A whitespace token containing one of `# & / < = > @ \ ^ _ `` ` `` { | } ~`
/// or starting with `www.` is a URL, address, tag or markup: its features are dropped.
@usableFromInline
package struct FeatureExtractor: Sendable {
    @usableFromInline let shift: UInt64
    /// The n-gram key is `register & mask`; `hasOrder == false`: word features only.
    @usableFromInline let hasOrder: Bool
    @usableFromInline let mask: UInt64
    @usableFromInline let wordFeatures: Bool

    @usableFromInline static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    @usableFromInline static let wordSalt: UInt64 = 0x5741_4D49_5A57_4F52
    @usableFromInline static let allSpaces: UInt64 = 0x2020_2020_2020_2020
    /// Bit `c` set for the code punctuation `; < = >` (low 64) and `[ ] { }` (high 64); an empty
    /// `()` counts too (prose has parentheses, but rarely empty ones).
    @usableFromInline static let codeLow: UInt64 = (1 << 0x3B) | (1 << 0x3C) | (1 << 0x3D) | (1 << 0x3E)
    @usableFromInline static let codeHigh: UInt64 = (1 << (0x5B - 64)) | (1 << (0x5D - 64)) | (1 << (0x7B - 64)) | (1 << (0x7D - 64))

    /// True for the code punctuation counted in `TextEvidence.codeMarks`.
    @inlinable @inline(__always)
    static func isCodeMark(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        let b = p[i]
        if b == 0x28 { return i &+ 1 < n && p[i &+ 1] == 0x29 }
        return b < 0x80 && ((b < 64 ? (codeLow &>> UInt64(b)) : (codeHigh &>> UInt64(b &- 64))) & 1 != 0)
    }

    /// Bit `c` (or `c - 64`) set for ASCII characters that make a token junk.
    @usableFromInline package static let junkLow: UInt64 =
        (1 << 0x23) | (1 << 0x26) | (1 << 0x2F) | (1 << 0x3C) | (1 << 0x3D) | (1 << 0x3E)
    @usableFromInline package static let junkHigh: UInt64 =
        (1 << (0x40 - 64)) | (1 << (0x5C - 64)) | (1 << (0x5E - 64)) | (1 << (0x5F - 64))
        | (1 << (0x60 - 64)) | (1 << (0x7B - 64)) | (1 << (0x7C - 64)) | (1 << (0x7D - 64))
        | (1 << (0x7E - 64))

    /// True for an ASCII byte (`b < 0x80`, which the caller has checked) that makes its token junk
    /// (`# & / < = > @ \\ ^ _ ` { | } ~`: URLs, addresses, markup). The one copy of the test; it
    /// compiles to the same shift-and-mask in every hot loop that calls it.
    @inlinable @inline(__always)
    package static func isJunkASCII(_ b: UInt8) -> Bool {
        (b < 64 ? (junkLow &>> UInt64(b)) : (junkHigh &>> UInt64(b &- 64))) & 1 != 0
    }

    @usableFromInline
    package init(bucketBits: Int, orders: [Int], wordFeatures: Bool) {
        precondition(ModelFormat.bucketBitsRange.contains(bucketBits))
        precondition(orders.count <= ModelFormat.maximumOrders)
        shift = UInt64(64 - bucketBits)
        if let n = orders.first {
            precondition((1...7).contains(n))
            hasOrder = true
            mask = n == 8 ? UInt64.max : (1 << UInt64(8 * n)) - 1
        } else {
            (hasOrder, mask) = (false, 0)
        }
        self.wordFeatures = wordFeatures
    }

    /// Feeds every feature of `text` to `sink` and returns what it saw.
    @inlinable @inline(__always)
    package func extract<S: FeatureSink>(_ text: UnsafeBufferPointer<UInt8>, into sink: inout S) -> TextEvidence {
        var evidence = TextEvidence()
        guard let p = text.baseAddress, text.count > 0 else { return evidence }
        let n = text.count
        // Locals, not `self.` loads: keeps the hot loop's constants in registers.
        let shift = self.shift, mask = self.mask, hasOrder = self.hasOrder
        let wordFeatures = self.wordFeatures
        let m = Self.multiplier
        var reg = Self.allSpaces
        var wordLength = 0
        var junk = false
        var tokenLetters = 0
        var tokenStart = 0
        var pending = 0  // features since the last flush
        var i = 0

        @inline(__always) func push(_ symbol: UInt64, _ sink: inout S) {
            reg = (reg &<< 8) | symbol
            if hasOrder { sink.feature(Int(truncatingIfNeeded: ((reg & mask) &* m) &>> shift)) }
        }

        while i < n {
            let b = p[i]
            // Fast path: a run of ASCII letters, one lookup per byte, no decoding. The sink is
            // flushed only every 128+ features (counting per run, not per feature).
            if (b | 0x20) &- 0x61 < 26 {
                if pending > 128 {
                    sink.flush()
                    pending = 0
                }
                var j = i
                let end = min(n, i &+ 64)
                repeat {
                    push(UInt64(p[j] | 0x20), &sink)
                    j &+= 1
                } while j < end && (p[j] | 0x20) &- 0x61 < 26
                wordLength &+= j &- i
                pending &+= j &- i
                i = j
                continue
            }
            // The slow path emits at most 2 features per step.
            pending &+= 2
            if pending > 200 {
                sink.flush()
                pending = 0
            }
            if Self.isCodeMark(p, i, n) { evidence.codeMarks &+= 1 }
            let (kind, sym) = Self.decode(p, n, &i, tokenStart: tokenStart)
            if kind == 0 {
                push(UInt64(sym), &sink)
                wordLength &+= 1
                continue
            }
            if kind == 6 { continue }
            if wordLength > 0 {
                if wordFeatures { wordFeature(reg, wordLength, &sink) }
                tokenLetters &+= wordLength
                wordLength = 0
                // A mark right after a word stands for its end space.
                push(kind == 1 ? UInt64(sym) : 0x20, &sink)
            } else if kind == 1 {
                push(UInt64(sym), &sink)
            }
            if kind == 3 {
                sink.endToken(keep: !junk)
                if !junk { evidence.letters &+= tokenLetters }
                junk = false
                tokenLetters = 0
                tokenStart = i
            } else if kind == 4 {
                junk = true
            } else if kind == 5 {
                evidence.foreignLetters &+= 1
            }
        }
        if wordLength > 0 {
            if wordFeatures { wordFeature(reg, wordLength, &sink) }
            tokenLetters &+= wordLength
            push(0x20, &sink)
        }
        sink.endToken(keep: !junk)
        if !junk { evidence.letters &+= tokenLetters }
        return evidence
    }

    /// Decodes the character at `i` (not an ASCII letter: callers take those on their fast path)
    /// and advances `i` past it. kind: 0 letter, 1 mark, 2 word boundary, 3 whitespace,
    /// 4 junk character, 5 letter of another script, 6 ignored (combining mark).
    @inlinable @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, tokenStart: Int) -> (kind: Int, sym: UInt8) {
        let b = p[i]
        var sym: UInt8 = 0
        var kind = 2
        if b < 0x80 {
            if b == 0x20 || (b &- 9) < 5 {
                kind = 3
            } else if Self.isJunkASCII(b) {
                kind = 4
            } else if b == 0x2E, i == tokenStart &+ 3, i >= 3,
                      URLBytes.isWWW(p + i - 3) {
                kind = 4  // "www."
            }
            i &+= 1
        } else if b < 0xC2 {
            i &+= 1  // continuation byte without a lead, or overlong lead: not a letter
        } else if b < 0xE0 {
            if i &+ 1 < n, p[i &+ 1] & 0xC0 == 0x80 {
                let c = p[i &+ 1]
                if b == 0xC3 {
                    if c != 0x97 && c != 0xB7 {
                        sym = c < 0x9F ? (c | 0x20) : c
                        kind = 0
                    }
                } else if b == 0xC2 {
                    switch c {
                    case 0xA0: kind = 3
                    case 0xA1: sym = 0x01; kind = 1
                    case 0xBF: sym = 0x02; kind = 1
                    case 0xAA: sym = 0x61; kind = 0
                    case 0xBA: sym = 0x6F; kind = 0
                    default: break
                    }
                } else if b <= 0xC9 {
                    let cp = (UInt32(b & 0x1F) &<< 6) | UInt32(c & 0x3F)
                    sym = 0xC0 | UInt8(truncatingIfNeeded: ((cp &>> 1) ^ (cp &>> 7)) & 0x3F)
                    kind = 0
                } else if b <= 0xCB {
                    kind = 2
                } else if b == 0xCC || (b == 0xCD && c < 0xB0) {
                    kind = 6  // combining marks: part of the letter before
                } else {
                    kind = 5
                }
                i &+= 2
            } else {
                i &+= 1
            }
        } else if b < 0xF0 {
            if i &+ 2 < n, p[i &+ 1] & 0xC0 == 0x80, p[i &+ 2] & 0xC0 == 0x80 {
                let c1 = p[i &+ 1]
                switch b {
                case 0xE1:
                    if c1 >= 0xB8 && c1 <= 0xBB {  // U+1E00...U+1EFF Latin Extended Additional
                        let c2 = p[i &+ 2]
                        sym = 0xC0 | ((c1 &<< 5 ^ c2) & 0x3F)
                        kind = 0
                    } else {
                        kind = 5
                    }
                case 0xE2:
                    let c2 = p[i &+ 2]
                    if c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) {
                        kind = 3
                    }
                case 0xE3:
                    kind = (c1 == 0x80 && p[i &+ 2] == 0x80) ? 3 : 5
                case 0xEE, 0xEF:
                    kind = 2
                default:
                    kind = 5
                }
                i &+= 3
            } else {
                i &+= 1
            }
        } else {
            if b < 0xF5, i &+ 3 < n, p[i &+ 1] & 0xC0 == 0x80, p[i &+ 2] & 0xC0 == 0x80,
               p[i &+ 3] & 0xC0 == 0x80 {
                i &+= 4  // emoji and other astral characters
            } else {
                i &+= 1
            }
        }


        return (kind, sym)
    }

    /// The word that just ended is in the low bytes of `reg` (see the type's documentation).
    @inlinable @inline(__always)
    func wordFeature<S: FeatureSink>(_ reg: UInt64, _ length: Int, _ sink: inout S) {
        let key = length < 8 ? (reg & (UInt64.max &>> UInt64(64 &- 8 &* length))) | (UInt64(length) &<< 56) : reg
        sink.feature(Int(truncatingIfNeeded: ((key ^ Self.wordSalt) &* Self.multiplier) &>> shift))
    }
}
