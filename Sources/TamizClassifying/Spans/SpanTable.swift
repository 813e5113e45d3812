import CTamizSpanData

/// What the span detector adds to the n-gram model: how its evidence is weighed and decoded
/// (`SpanParameters`), and a hashed table of per-word English-versus-Spanish log-odds from the
/// licensed word frequency lists. Built by `swift run -c release tamiz-train spans build`
/// (`SpanTableBuilder`), bit for bit; `SpanTableTests` checks the committed file equals a rebuild.
///
/// Layout (little-endian), version 1:
/// ```
/// offset size  field
///      0    8  magic "TAMIZSP\0"
///      8    4  version (UInt32) = 1
///     12    4  bucket bits b (UInt32), 8...20
///     16    8  file size (UInt64) = 64 + 2·2^b
///     24   32  8 × Float32: SpanParameters in declaration order
///     56    8  checksum (ModelFormat.checksum, this field read as 0)
///     64 2·2^b buckets: { log-odds Int8 (1/16 of a log10 unit, English positive), fingerprint UInt8 (0: empty) }
/// ```
/// A word's bucket and fingerprint come from its word key (the word feature's key of
/// `FeatureExtractor`) with a salt of its own: see `SpanTable.bucket(ofKey:)`.
package struct SpanTable: Sendable {
    package static let magic: [UInt8] = Array("TAMIZSP\0".utf8)
    package static let version: UInt32 = 1
    package static let headerSize = 64
    package static let bucketBitsRange: ClosedRange<Int> = 8...20
    /// Table log-odds units per log10 unit of word frequency.
    package static let oddsPerLog10: Float = 16
    @usableFromInline static let salt: UInt64 = 0x5350_414E_5441_424C

    @usableFromInline let storage: SpanTableStorage
    @usableFromInline let shift: UInt64
    package let bucketBits: Int
    package let parameters: SpanParameters

    /// The table built into the binary (validated once per process).
    package static var embedded: SpanTable { _embedded }

    private static let _embedded: SpanTable = {
        let base = UnsafeRawPointer(tamiz_embedded_span_table_bytes()!)
        do {
            return try SpanTable(storage: SpanTableStorage(unowned: base, count: tamiz_embedded_span_table_size))
        } catch {
            fatalError("the embedded span table is invalid (\(error)); rebuild it with `swift run -c release tamiz-train spans build`")
        }
    }()

    /// Loads a table from its bytes (copied once). Throws `ModelLoadError` when they are not a valid table.
    package init(bytes: [UInt8]) throws(ModelLoadError) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 64)
        bytes.withUnsafeBytes { if $0.count > 0 { memory.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
        try self.init(storage: SpanTableStorage(owning: memory, count: bytes.count))
    }

    /// The table's bytes, exactly as in its file.
    package var bytes: [UInt8] { Array(UnsafeRawBufferPointer(start: storage.base, count: storage.count)) }

    init(storage: SpanTableStorage) throws(ModelLoadError) {
        let raw = UnsafeRawBufferPointer(start: storage.base, count: storage.count)
        func u32(_ o: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt32.self)) }
        func u64(_ o: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt64.self)) }
        guard raw.count >= 8, raw.prefix(8).elementsEqual(Self.magic) else { throw ModelLoadError(.badMagic) }
        guard raw.count >= Self.headerSize else { throw ModelLoadError(.truncated(expected: Self.headerSize, actual: raw.count)) }
        guard u32(8) == Self.version else { throw ModelLoadError(.unsupportedVersion(found: u32(8), supported: Self.version)) }
        let bits = Int(u32(12))
        guard Self.bucketBitsRange.contains(bits) else { throw ModelLoadError(.invalidHeader("bucket bits \(bits)")) }
        let expected = Self.headerSize + 2 << bits
        guard raw.count >= expected else { throw ModelLoadError(.truncated(expected: expected, actual: raw.count)) }
        guard raw.count == expected, u64(16) == UInt64(expected) else {
            throw ModelLoadError(.invalidHeader("\(raw.count) bytes, \(1 << bits) buckets need \(expected)"))
        }
        let stored = u64(ModelFormat.checksumOffset), computed = ModelFormat.checksum(raw)
        guard stored == computed else { throw ModelLoadError(.checksumMismatch(stored: stored, computed: computed)) }
        var values: [Float] = []
        for k in 0..<SpanParameters.count {
            let v = Float(bitPattern: u32(24 + 4 * k))
            guard v.isFinite else { throw ModelLoadError(.invalidHeader("parameter \(k) is \(v)")) }
            values.append(v)
        }
        self.storage = storage
        self.bucketBits = bits
        self.shift = UInt64(64 - bits)
        self.parameters = SpanParameters(values)
    }

    /// The bucket index and fingerprint (never 0) of a word key.
    @inlinable @inline(__always)
    static func bucket(ofKey key: UInt64, shift: UInt64) -> (index: Int, fingerprint: UInt8) {
        let h = (key ^ salt) &* FeatureExtractor.multiplier
        let fingerprint = UInt8(truncatingIfNeeded: h &>> (shift &- 8)) | 1
        return (Int(truncatingIfNeeded: h &>> shift), fingerprint)
    }

    /// `bucket(ofKey:shift:)` for `SpanTableBuilder`.
    package static func bucketForBuilding(ofKey key: UInt64, shift: UInt64) -> (index: Int, fingerprint: UInt8) {
        bucket(ofKey: key, shift: shift)
    }

    /// The word's log-odds in table units, 0 when it is not in the table.
    @inlinable @inline(__always)
    func odds(ofKey key: UInt64) -> Int32 {
        let (index, fingerprint) = Self.bucket(ofKey: key, shift: shift)
        let entry = (storage.base + Self.headerSize + 2 &* index).loadUnaligned(as: UInt16.self)
        return UInt8(truncatingIfNeeded: entry &>> 8) == fingerprint ? Int32(Int8(truncatingIfNeeded: entry)) : 0
    }

    /// Diagnostics and tests: the odds of one word (its last word if it has several), nil if absent.
    package func odds(of word: String) -> Float? {
        guard let key = Self.wordKeys(Array(word.utf8)).last else { return nil }
        let (index, fingerprint) = Self.bucket(ofKey: key, shift: shift)
        let entry = (storage.base + Self.headerSize + 2 * index).loadUnaligned(as: UInt16.self)
        guard UInt8(truncatingIfNeeded: entry >> 8) == fingerprint else { return nil }
        return Float(Int8(truncatingIfNeeded: entry)) / Self.oddsPerLog10
    }

    /// The word keys of the words of `utf8`, as the detector's scan computes them (letters
    /// folded by `FeatureExtractor.decode`; a key is the word feature's key).
    package static func wordKeys(_ utf8: [UInt8]) -> [UInt64] {
        var keys: [UInt64] = []
        var reg = FeatureExtractor.allSpaces, length = 0
        func end() {
            if length > 0 { keys.append(wordKey(reg, length)) }
            length = 0
            reg = (reg &<< 8) | 0x20
        }
        utf8.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return }
            var i = 0
            while i < b.count {
                if (p[i] | 0x20) &- 0x61 < 26 {
                    reg = (reg &<< 8) | UInt64(p[i] | 0x20)
                    length += 1
                    i += 1
                    continue
                }
                let (kind, sym) = FeatureExtractor.decode(p, b.count, &i, tokenStart: 0)
                if kind == 0 { reg = (reg &<< 8) | UInt64(sym); length += 1 } else if kind != 6 { end() }
            }
            end()
        }
        return keys
    }

    /// A word's key from the register holding it (see `FeatureExtractor`'s word features).
    @inlinable @inline(__always)
    static func wordKey(_ reg: UInt64, _ length: Int) -> UInt64 {
        length < 8 ? (reg & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* length))) | (UInt64(truncatingIfNeeded: length) &<< 56) : reg
    }

    /// The bytes of a table file (used by `SpanTableBuilder`): `buckets` holds 2^bits entries as
    /// in the file (odds in the low byte, fingerprint in the high byte).
    package static func encode(bucketBits bits: Int, parameters: SpanParameters, buckets: [UInt16]) -> [UInt8] {
        precondition(buckets.count == 1 << bits)
        var out = magic
        func put32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func put64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put32(version)
        put32(UInt32(bits))
        put64(UInt64(headerSize + 2 << bits))
        for v in parameters.values { put32(v.bitPattern) }
        put64(0)
        for e in buckets { out.append(UInt8(truncatingIfNeeded: e)); out.append(UInt8(truncatingIfNeeded: e >> 8)) }
        let sum = out.withUnsafeBytes { ModelFormat.checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { for k in 0..<8 { out[ModelFormat.checksumOffset + k] = $0[k] } }
        return out
    }
}

/// The bytes behind a span table: the embedded array or a private aligned copy; immutable.
@usableFromInline
final class SpanTableStorage: @unchecked Sendable {
    @usableFromInline let base: UnsafeRawPointer
    let count: Int
    private let owned: Bool

    init(unowned base: UnsafeRawPointer, count: Int) { (self.base, self.count, owned) = (base, count, false) }
    init(owning base: UnsafeMutableRawPointer, count: Int) { (self.base, self.count, owned) = (UnsafeRawPointer(base), count, true) }
    deinit { if owned { UnsafeMutableRawPointer(mutating: base).deallocate() } }
}

/// How the span detector weighs and decodes its evidence (fitted on synthetic mixed sentences by
/// `SpanTableBuilder`; stored in the span table's header).
///
/// A word's evidence, in nats for English over Spanish, is
/// `ngramWeight · (n-gram score difference) / 8 + wordWeight · ln 10 · (word-list log-odds)`,
/// limited to ±`evidenceCap`, times `capitalisedWeight` for a capitalised word not in the lists
/// (a name); each word then adds `contextWeight` times its neighbours' evidence, and a Viterbi
/// pass over the sentence charges `switchPenalty` nats for every change of language.
package struct SpanParameters: Sendable, Equatable {
    package var ngramWeight: Float
    package var wordWeight: Float
    package var contextWeight: Float
    package var switchPenalty: Float
    package var evidenceCap: Float
    package var capitalisedWeight: Float
    /// Subtracted from every word's English-over-Spanish evidence (a prior toward Spanish when positive).
    package var spanishPrior: Float
    /// Scale from a span's summed evidence to its confidence (`1 / (1 + e^(-scale · |sum|))`).
    package var confidenceScale: Float

    static let count = 8

    package init(ngramWeight: Float, wordWeight: Float, contextWeight: Float, switchPenalty: Float,
                evidenceCap: Float, capitalisedWeight: Float, spanishPrior: Float, confidenceScale: Float) {
        self.ngramWeight = ngramWeight
        self.wordWeight = wordWeight
        self.contextWeight = contextWeight
        self.switchPenalty = switchPenalty
        self.evidenceCap = evidenceCap
        self.capitalisedWeight = capitalisedWeight
        self.spanishPrior = spanishPrior
        self.confidenceScale = confidenceScale
    }

    package init(_ v: [Float]) {
        self.init(ngramWeight: v[0], wordWeight: v[1], contextWeight: v[2], switchPenalty: v[3],
                  evidenceCap: v[4], capitalisedWeight: v[5], spanishPrior: v[6], confidenceScale: v[7])
    }

    package var values: [Float] {
        [ngramWeight, wordWeight, contextWeight, switchPenalty, evidenceCap, capitalisedWeight, spanishPrior, confidenceScale]
    }
}
