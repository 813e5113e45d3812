import CZlib
import CZstd

/// The compressed bytes a decoder has not consumed yet, refilled from the source below it.
struct CompressedWindow: ~Copyable {
    let storage: UnsafeMutableRawBufferPointer
    var start = 0
    var end = 0
    /// Offset of `start` in the compressed stream: how many bytes the decoder has consumed.
    var consumedTotal = 0
    var reachedEnd = false

    init(capacity: Int) {
        storage = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    var isEmpty: Bool { start == end }
    var available: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: storage[start..<end]) }

    mutating func consume(_ count: Int) {
        start += count
        consumedTotal += count
    }

    /// Reads more compressed bytes when none are left; sets `reachedEnd` at the end of the source.
    mutating func refillIfEmpty(from source: any ByteSource) throws(ContainerError) {
        guard isEmpty, !reachedEnd else { return }
        start = 0
        end = try source.read(into: storage)
        if end == 0 { reachedEnd = true }
    }
}

/// Which library decodes gzip: ISA-L where `libisal.so.2` loads (several times as fast as zlib,
/// README "Input formats"), else zlib; or one of them by name, to measure or compare them
/// (`GzipSourceTests` runs every case with each).
package enum GzipDecoder: Sendable, CaseIterable {
    case automatic, zlib, isal

    /// Whether ISA-L was found at build time and loads now.
    package static var isalAvailable: Bool { tz_gzip_isal_available() != 0 }

    var backend: Int32 {
        switch self {
        case .automatic: Int32(TZ_GZIP_AUTOMATIC)
        case .zlib: Int32(TZ_GZIP_ZLIB)
        case .isal: Int32(TZ_GZIP_ISAL)
        }
    }
}

/// Decodes a gzip stream of one or more members (`gzip -c a >f; gzip -c b >>f`, and Common
/// Crawl's WET files, one member per record), like `zcat`: the members' contents, concatenated.
///
/// Corrupt data, bytes after the last member that are not another member, and a stream that ends
/// inside a member are errors naming the compressed offset, thrown after every byte decoded
/// before them was returned (`GzipSourceTests`).
package final class GzipSource: ByteSource {
    private let upstream: any ByteSource
    private let name: String
    private var window = CompressedWindow(capacity: 256 << 10)
    private let inflater: OpaquePointer
    private var insideMember = false
    private var pendingError: ContainerError?
    /// Members decoded to their end so far.
    package private(set) var members = 0

    /// Whether ISA-L decodes this stream (else zlib).
    package var usesISAL: Bool { tz_gzip_inflater_uses_isal(inflater) != 0 }

    /// `decoder: .isal` where ISA-L is not available is an error saying so.
    package init(_ upstream: any ByteSource, name: String, decoder: GzipDecoder = .automatic) throws(ContainerError) {
        if decoder == .isal && !GzipDecoder.isalAvailable {
            throw ContainerError(.memory, name: name, "the ISA-L gzip decoder is not available (libisal.so.2)")
        }
        guard let inflater = tz_gzip_inflater_open(decoder.backend) else {
            throw ContainerError(.memory, name: name, "cannot allocate a gzip decoder")
        }
        self.upstream = upstream
        self.name = name
        self.inflater = inflater
    }

    deinit { tz_gzip_inflater_close(inflater) }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int {
        if let pendingError { throw pendingError }
        guard let output = buffer.baseAddress, buffer.count > 0 else { return 0 }
        var produced = 0
        while produced == 0 {
            do throws(ContainerError) {
                try window.refillIfEmpty(from: upstream)
            } catch {
                return try fail(error, after: produced)
            }
            if window.isEmpty {
                if insideMember {
                    return try fail(ContainerError(
                        .truncated, name: name, offset: window.consumedTotal,
                        "gzip data ends inside a member (truncated file?)"), after: produced)
                }
                return 0
            }
            if !insideMember {
                if window.available[0] != 0x1F {
                    return try fail(ContainerError(
                        .corrupt, name: name, offset: window.consumedTotal,
                        "bytes after the last gzip member are not gzip data"), after: produced)
                }
                tz_gzip_inflater_reset(inflater)
                insideMember = true
            }
            var consumed = 0, made = 0
            let input = window.available
            let status = tz_gzip_inflate(
                inflater, input.baseAddress!.assumingMemoryBound(to: UInt8.self), input.count, &consumed,
                (output + produced).assumingMemoryBound(to: UInt8.self), buffer.count - produced, &made)
            produced += made
            switch status {
            case Int32(TZ_ZLIB_OK):
                window.consume(consumed)
            case Int32(TZ_ZLIB_END):
                window.consume(consumed)
                insideMember = false
                members += 1
            case Int32(TZ_ZLIB_MEMORY_ERROR):
                return try fail(ContainerError(.memory, name: name, "gzip decoder out of memory"), after: produced)
            default:
                let message = tz_gzip_inflater_message(inflater).map { String(cString: $0) } ?? "invalid data"
                return try fail(ContainerError(
                    .corrupt, name: name, offset: window.consumedTotal + consumed,
                    "corrupt gzip data (\(message))"), after: produced)
            }
        }
        return produced
    }

    /// Returns what was decoded before `error` and throws it on the next read, or throws it now.
    private func fail(_ error: ContainerError, after produced: Int) throws(ContainerError) -> Int {
        pendingError = error
        if produced > 0 { return produced }
        throw error
    }
}

/// Decodes a zstd stream of one or more frames (skippable frames are skipped), like `zstdcat`.
///
/// Corrupt data and a stream that ends inside a frame are errors naming the compressed offset,
/// thrown after every byte decoded before them was returned (`ZstdSourceTests`).
package final class ZstdSource: ByteSource {
    private let upstream: any ByteSource
    private let name: String
    private var window = CompressedWindow(capacity: 256 << 10)
    private let decoder: OpaquePointer
    /// Whether the decoder is between frames (at the start, or after a frame's last byte).
    private var betweenFrames = true
    private var pendingError: ContainerError?

    package init(_ upstream: any ByteSource, name: String) throws(ContainerError) {
        guard let decoder = tz_zstd_decoder_open() else {
            throw ContainerError(.memory, name: name, "cannot allocate a zstd decoder")
        }
        self.upstream = upstream
        self.name = name
        self.decoder = decoder
    }

    deinit { tz_zstd_decoder_close(decoder) }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int {
        if let pendingError { throw pendingError }
        guard let output = buffer.baseAddress, buffer.count > 0 else { return 0 }
        var produced = 0
        while produced < buffer.count {
            do throws(ContainerError) {
                try window.refillIfEmpty(from: upstream)
            } catch {
                return try fail(error, after: produced)
            }
            // A frame's last bytes may still sit in the decoder after its input is consumed, so
            // the decoder is called once more at the end of the input unless it is between frames.
            if window.isEmpty && betweenFrames { return produced }
            var consumed = 0, made = 0
            let input = window.available
            let status = tz_zstd_decompress(
                decoder, input.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) }, input.count, &consumed,
                (output + produced).assumingMemoryBound(to: UInt8.self), buffer.count - produced, &made)
            produced += made
            window.consume(consumed)
            switch status {
            case Int32(TZ_ZSTD_END):
                betweenFrames = true
            case Int32(TZ_ZSTD_OK):
                if consumed > 0 || made > 0 { betweenFrames = false }
                if window.isEmpty && window.reachedEnd && made == 0 {
                    return try fail(ContainerError(
                        .truncated, name: name, offset: window.consumedTotal,
                        "zstd data ends inside a frame (truncated file?)"), after: produced)
                }
            default:
                let message = tz_zstd_decoder_message(decoder).map { String(cString: $0) } ?? "invalid data"
                return try fail(ContainerError(
                    .corrupt, name: name, offset: window.consumedTotal,
                    "corrupt zstd data (\(message))"), after: produced)
            }
            if produced > 0 && window.isEmpty { break }
        }
        return produced
    }

    private func fail(_ error: ContainerError, after produced: Int) throws(ContainerError) -> Int {
        pendingError = error
        if produced > 0 { return produced }
        throw error
    }
}
