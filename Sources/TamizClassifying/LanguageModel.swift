import CTamizModelData

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes behind a model: either the embedded static array or a private 64-byte-aligned copy.
/// Immutable after init, so sharing it across threads is safe.
@usableFromInline
final class ModelStorage: @unchecked Sendable {
    @usableFromInline let base: UnsafeRawPointer
    @usableFromInline let count: Int
    private let owned: Bool
    /// The weight table widened to Int16, so that the hot loop adds a row with one instruction
    /// instead of widening it first. Made here, before the file is validated (the rows are just
    /// the bytes after the header), so that it is a `let`: as a `var` set later, every read of
    /// it in the hot loop was a runtime exclusivity check (`swift_beginAccess`).
    @usableFromInline let wide: UnsafeMutablePointer<SIMD8<Int16>>

    init(unowned base: UnsafeRawPointer, count: Int) {
        self.base = base
        self.count = count
        owned = false
        wide = Self.widen(base, count: count)
    }

    /// Takes ownership of memory allocated with `UnsafeMutableRawPointer.allocate`.
    init(owning base: UnsafeMutableRawPointer, count: Int) {
        self.base = UnsafeRawPointer(base)
        self.count = count
        owned = true
        wide = Self.widen(self.base, count: count)
    }

    /// The Int8 rows after the header as Int16 rows (at least one row, zero when there is none):
    /// the 2^b rows of the table when the header's bucket bits b are in range and the bytes hold
    /// them, else every 8 bytes after the header (such a file fails validation anyway).
    private static func widen(_ base: UnsafeRawPointer, count: Int) -> UnsafeMutablePointer<SIMD8<Int16>> {
        var rows = max(0, (count - ModelFormat.tableOffset) / 8)
        if count > 25 {
            let bits = Int(base.load(fromByteOffset: 25, as: UInt8.self))
            if ModelFormat.bucketBitsRange.contains(bits) { rows = min(rows, 1 << bits) }
        }
        let wide = UnsafeMutablePointer<SIMD8<Int16>>.allocate(capacity: max(rows, 1))
        wide.initialize(to: SIMD8(repeating: 0))
        for r in 0..<rows {
            let row = (base + ModelFormat.tableOffset + 8 * r).loadUnaligned(as: SIMD8<Int8>.self)
            (wide + r).initialize(to: SIMD8<Int16>(truncatingIfNeeded: row))
        }
        return wide
    }

    deinit {
        if owned { UnsafeMutableRawPointer(mutating: base).deallocate() }
        wide.deallocate()
    }
}

/// A trained model, validated on load; immutable, shareable across threads.
///
/// Loading checks the magic, version, sizes, header consistency, checksum and word lists, then
/// uses the weight table in place (see `ModelFormat`). A bad file throws `LoadError`; it never crashes.
///
/// `ModelFileTests` feeds it truncated, corrupt and foreign files.
public struct LanguageModel: Sendable {
    @usableFromInline let storage: ModelStorage
    @usableFromInline let extractor: FeatureExtractor
    /// Per-class bias added to the scores (Int32, class order).
    @usableFromInline let bias: SIMD8<Int32>
    /// Which classes are English / Spanish; the others are reject classes.
    @usableFromInline let englishClass: Int
    @usableFromInline let spanishClass: Int
    /// P(class) ∝ exp(score / (temperature + temperatureSlope · letters)).
    public let temperature: Float
    public let temperatureSlope: Float
    @usableFromInline let minimumLetters: Int
    /// The n-gram orders and whether whole-word features are used (for reports).
    public let orders: [Int]
    public let wordFeatures: Bool
    public let bucketBits: Int
    /// The class codes in table order, e.g. ["en", "es", "fr", ...].
    public let classCodes: [String]
    /// The model's evidence word lists (`EvidenceWords`), from the section after the table.
    package let evidenceWords: EvidenceWords

    /// The model built into the binary (cheap: no copy, validated once per process).
    public static var embedded: LanguageModel { _embedded }

    private static let _embedded: LanguageModel = {
        let count = tamiz_embedded_model_size
        let base = UnsafeRawPointer(tamiz_embedded_model_bytes()!)
        do {
            return try LanguageModel(storage: ModelStorage(unowned: base, count: count), embedded: true)
        } catch {
            fatalError("the embedded model is invalid (\(error)); rebuild it with `swift run -c release tamiz-train`")
        }
    }()

    /// Loads a model file. Throws `LoadError` if it is missing, unreadable or invalid.
    public init(contentsOfFile path: String) throws(LoadError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ModelLoadError(.unreadableFile(path: path, errno: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ModelLoadError(.unreadableFile(path: path, errno: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ModelLoadError(.unreadableFile(path: path, errno: EISDIR))
        }
        let size = Int(info.st_size)
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 64)
        var done = 0
        while done < size {
            let got = read(fd, memory + done, size - done)
            if got < 0 {
                if errno == EINTR { continue }
                let e = errno
                memory.deallocate()
                throw ModelLoadError(.unreadableFile(path: path, errno: e))
            }
            if got == 0 { break }
            done += got
        }
        try self.init(storage: ModelStorage(owning: memory, count: done))
    }

    /// Loads a model from its bytes (copied once into aligned memory).
    public init(bytes: [UInt8]) throws(LoadError) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 64)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        try self.init(storage: ModelStorage(owning: memory, count: bytes.count))
    }

    /// The model's bytes, exactly as in its file.
    public var bytes: [UInt8] {
        Array(UnsafeRawBufferPointer(start: storage.base, count: storage.count))
    }

    /// `embedded`: the word lists' sets are built on first use (`EvidenceWords.embeddedOnFirstUse`).
    init(storage: ModelStorage, embedded: Bool = false) throws(ModelLoadError) {
        let raw = UnsafeRawBufferPointer(start: storage.base, count: storage.count)
        func u8(_ o: Int) -> Int { Int(raw[o]) }
        func u32(_ o: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt32.self)) }
        func u64(_ o: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt64.self)) }

        guard raw.count >= ModelFormat.headerSize else {
            if raw.count >= 8 && !raw.prefix(8).elementsEqual(ModelFormat.magic) { throw ModelLoadError(.badMagic) }
            throw ModelLoadError(.truncated(expected: ModelFormat.headerSize, actual: raw.count))
        }
        guard raw.prefix(8).elementsEqual(ModelFormat.magic) else { throw ModelLoadError(.badMagic) }
        let version = u32(8)
        guard version == ModelFormat.version else {
            throw ModelLoadError(.unsupportedVersion(found: version, supported: ModelFormat.version))
        }
        guard u32(12) == UInt32(ModelFormat.headerSize) else { throw ModelLoadError(.invalidHeader("header size \(u32(12))")) }
        let declaredSize = u64(16)
        guard declaredSize <= UInt64(Int32.max) else { throw ModelLoadError(.invalidHeader("file size \(declaredSize)")) }
        guard raw.count >= Int(declaredSize) else {
            throw ModelLoadError(.truncated(expected: Int(declaredSize), actual: raw.count))
        }
        guard raw.count == Int(declaredSize) else {
            throw ModelLoadError(.invalidHeader("file has \(raw.count) bytes, header says \(declaredSize)"))
        }
        guard raw.count % 8 == 0 else { throw ModelLoadError(.invalidHeader("file size \(raw.count) is not a multiple of 8")) }
        let stored = u64(ModelFormat.checksumOffset)
        let computed = ModelFormat.checksum(raw)
        guard stored == computed else { throw ModelLoadError(.checksumMismatch(stored: stored, computed: computed)) }

        guard u8(24) == ModelFormat.classCount else { throw ModelLoadError(.invalidHeader("class count \(u8(24))")) }
        let bits = u8(25)
        guard ModelFormat.bucketBitsRange.contains(bits) else { throw ModelLoadError(.invalidHeader("bucket bits \(bits)")) }
        let orderCount = u8(26)
        guard orderCount == ModelFormat.maximumOrders else { throw ModelLoadError(.invalidHeader("order count \(orderCount)")) }
        let flags = u8(27)
        guard flags & ~1 == 0 else { throw ModelLoadError(.invalidHeader("unknown flags \(flags)")) }
        var orders: [Int] = []
        for j in 0..<8 {
            let n = u8(28 + j)
            if j < orderCount {
                guard (1...7).contains(n), n > (orders.last ?? 0) else { throw ModelLoadError(.invalidHeader("n-gram orders")) }
                orders.append(n)
            } else {
                guard n == 0 else { throw ModelLoadError(.invalidHeader("n-gram orders")) }
            }
        }
        let temperature = Float(bitPattern: u32(36))
        guard temperature.isFinite, temperature > 0 else { throw ModelLoadError(.invalidHeader("temperature \(temperature)")) }
        let slope = Float(bitPattern: u32(52))
        guard slope.isFinite, slope >= 0 else { throw ModelLoadError(.invalidHeader("temperature slope \(slope)")) }
        guard u32(40) == UInt32(ModelFormat.classSectionOffset), u32(44) == UInt32(ModelFormat.tableOffset) else {
            throw ModelLoadError(.invalidHeader("section offsets"))
        }
        let listOffset = ModelFormat.wordListOffset(bucketBits: bits)
        guard raw.count >= listOffset + 8 else {
            throw ModelLoadError(.invalidHeader("\(raw.count) bytes, but \(1 << bits) buckets and the word-list counts need \(listOffset + 8)"))
        }
        var codes: [String] = []
        var bias = SIMD8<Int32>(repeating: 0)
        for c in 0..<ModelFormat.classCount {
            let o = ModelFormat.classSectionOffset + 8 * c
            let code = raw[o..<(o + 4)].prefix { $0 != 0 }
            guard !code.isEmpty, code.allSatisfy({ (0x61...0x7A).contains($0) }),
                  raw[(o + code.count)..<(o + 4)].allSatisfy({ $0 == 0 }) else {
                throw ModelLoadError(.invalidHeader("class code \(c)"))
            }
            codes.append(String(decoding: code, as: UTF8.self))
            bias[c] = Int32(bitPattern: u32(o + 4))
        }
        guard codes.filter({ $0 == "en" }).count == 1, codes.filter({ $0 == "es" }).count == 1,
              Set(codes).count == codes.count else {
            throw ModelLoadError(.invalidHeader("classes must include en and es once each, no duplicates"))
        }

        let lists = try Self.wordLists(raw, at: listOffset)
        let evidenceWords = embedded ? EvidenceWords.embeddedOnFirstUse : EvidenceWords(english: lists.english, spanish: lists.spanish)

        self.storage = storage
        self.evidenceWords = evidenceWords
        self.extractor = FeatureExtractor(bucketBits: bits, orders: orders, wordFeatures: flags & 1 != 0)
        self.bias = bias
        self.englishClass = codes.firstIndex(of: "en")!
        self.spanishClass = codes.firstIndex(of: "es")!
        self.minimumLetters = Int(u32(48))
        self.orders = orders
        self.wordFeatures = flags & 1 != 0
        self.bucketBits = bits
        self.classCodes = codes
        self.temperature = temperature
        self.temperatureSlope = slope
    }

    /// The embedded model's evidence word sets (built once, on first use).
    static func embeddedEvidenceSets() -> EvidenceWords.Sets {
        let model = embedded
        let raw = UnsafeRawBufferPointer(start: model.storage.base, count: model.storage.count)
        do {
            let lists = try wordLists(raw, at: ModelFormat.wordListOffset(bucketBits: model.bucketBits))
            return EvidenceWords.Sets(english: FingerprintSet(fingerprints: lists.english),
                                      spanish: FingerprintSet(fingerprints: lists.spanish))
        } catch {
            fatalError("the embedded model is invalid (\(error))")  // it was validated on load
        }
    }

    /// The word lists of the section at `offset` (see `ModelFormat`: two counts, then each list's
    /// fingerprints, strictly ascending, up to the end of the file), validated and read in place.
    static func wordLists(_ raw: UnsafeRawBufferPointer, at offset: Int) throws(ModelLoadError)
        -> (english: StoredFingerprints, spanish: StoredFingerprints) {
        func u32(_ o: Int) -> Int { Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt32.self))) }
        let counts = [u32(offset), u32(offset + 4)]
        let names = ["English", "Spanish"]
        for (name, n) in zip(names, counts) where n > ModelFormat.maximumEvidenceWords {
            throw ModelLoadError(.invalidWordLists("\(n) \(name) words, more than \(ModelFormat.maximumEvidenceWords)"))
        }
        let needed = offset + 8 + 8 * (counts[0] + counts[1])
        guard needed == raw.count else {
            throw ModelLoadError(.invalidWordLists(
                "\(counts[0]) English and \(counts[1]) Spanish words need \(needed) bytes, the file has \(raw.count)"))
        }
        // Read in place: a copy would add its size to the peak memory of a run.
        let english = StoredFingerprints(raw.baseAddress! + offset + 8, count: counts[0])
        let spanish = StoredFingerprints(raw.baseAddress! + offset + 8 + 8 * counts[0], count: counts[1])
        for (name, words) in zip(names, [english, spanish]) where words.count > 1 {
            for i in 1..<words.count where words[i] <= words[i - 1] {
                throw ModelLoadError(.invalidWordLists("\(name) word \(i) is not above the one before it (the list must be strictly ascending)"))
            }
        }
        return (english, spanish)
    }

    /// The weight table widened to Int16 (what the classifier reads).
    @usableFromInline var wideTable: UnsafePointer<SIMD8<Int16>> { UnsafePointer(storage.wide) }

    /// The weight table: 2^bucketBits rows of 8 Int8 weights.
    @usableFromInline var table: UnsafePointer<SIMD8<Int8>> {
        (storage.base + ModelFormat.tableOffset).assumingMemoryBound(to: SIMD8<Int8>.self)
    }
}

extension LanguageModel {
    /// Diagnostics: the raw per-class scores (in `classCodes` order, before the temperature) and
    /// the letter counts the classifier bases its answer on.
    public func classScores(_ utf8: UnsafeBufferPointer<UInt8>) -> (scores: [Int32], letters: Int, foreignLetters: Int) {
        let (s, evidence) = score(utf8)
        return ((0..<8).map { s[$0] }, evidence.letters, evidence.foreignLetters)
    }
}

/// A list of little-endian UInt64 fingerprints in a model's bytes, read in place.
struct StoredFingerprints: RandomAccessCollection {
    let base: UnsafeRawPointer
    let count: Int

    init(_ base: UnsafeRawPointer, count: Int) {
        self.base = base
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(i: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))
    }
}
