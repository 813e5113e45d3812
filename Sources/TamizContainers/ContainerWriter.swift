import CZlib
import CZstd

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where bytes go: a file or pipe, or a compressor in front of one.
///
/// `write` takes whole buffers in order; `finish` writes what a compressor still holds and its
/// trailer, once, after the last write. Output written without `finish` is a truncated stream.
public protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws(ContainerError)
    func finish() throws(ContainerError)
}

extension ByteSink {
    public func write(_ bytes: [UInt8]) throws(ContainerError) {
        var failure: ContainerError?
        bytes.withUnsafeBytes { raw in
            do throws(ContainerError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}

/// Writes a file descriptor, retrying short and interrupted writes. A closed pipe on standard
/// output is `.outputClosed`.
public final class FileSink: ByteSink {
    public let descriptor: Int32
    public let name: String
    private let ownsDescriptor: Bool

    /// Creates or truncates `path`.
    public convenience init(path: String) throws(ContainerError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ContainerError(.io, name: path, "cannot write: \(String(cString: strerror(errno)))")
        }
        self.init(descriptor: descriptor, name: path, ownsDescriptor: true)
    }

    public init(descriptor: Int32, name: String, ownsDescriptor: Bool) {
        self.descriptor = descriptor
        self.name = name
        self.ownsDescriptor = ownsDescriptor
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(ContainerError) {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            #else
            let written = Darwin.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            #endif
            if written >= 0 {
                offset += written
            } else if errno != EINTR {
                let failure = errno
                if failure == EPIPE { throw ContainerError(.outputClosed, name: name, "closed by its reader") }
                throw ContainerError(.io, name: name, "cannot write: \(String(cString: strerror(failure)))")
            }
        }
    }

    public func finish() throws(ContainerError) {}
}

/// Compresses into gzip (one member) and writes to the sink behind it (`ContainerWriterTests`:
/// `gzip -dc` reads it back).
public final class GzipSink: ByteSink {
    private let next: any ByteSink
    private let name: String
    private let deflater: OpaquePointer
    private let output: UnsafeMutableRawBufferPointer
    private var finished = false

    /// `level` 1 (fastest) … 9 (smallest); gzip's own default is 6.
    public init(_ next: any ByteSink, name: String, level: Int32 = 6) throws(ContainerError) {
        guard let deflater = tz_gzip_deflater_open(level) else {
            throw ContainerError(.memory, name: name, "cannot allocate a gzip encoder")
        }
        self.next = next
        self.name = name
        self.deflater = deflater
        self.output = .allocate(byteCount: 256 << 10, alignment: 16)
    }

    deinit {
        tz_gzip_deflater_close(deflater)
        output.deallocate()
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(ContainerError) {
        try run(bytes, finish: false)
    }

    public func finish() throws(ContainerError) {
        guard !finished else { return }
        finished = true
        try run(UnsafeRawBufferPointer(start: nil, count: 0), finish: true)
        try next.finish()
    }

    private func run(_ bytes: UnsafeRawBufferPointer, finish: Bool) throws(ContainerError) {
        var offset = 0
        while true {
            var consumed = 0, produced = 0
            let status = tz_gzip_deflate(
                deflater, bytes.baseAddress.map { ($0 + offset).assumingMemoryBound(to: UInt8.self) },
                bytes.count - offset, &consumed, output.baseAddress!.assumingMemoryBound(to: UInt8.self),
                output.count, &produced, finish ? 1 : 0)
            offset += consumed
            if status < 0 { throw ContainerError(.memory, name: name, "gzip encoder failed") }
            if produced > 0 { try next.write(UnsafeRawBufferPointer(rebasing: output[..<produced])) }
            if status == Int32(TZ_ZLIB_END) { return }
            if !finish && offset == bytes.count && produced < output.count { return }
        }
    }
}

/// Compresses into zstd (one frame) and writes to the sink behind it (`ContainerWriterTests`:
/// `zstd -dc` reads it back).
public final class ZstdSink: ByteSink {
    private let next: any ByteSink
    private let name: String
    private let encoder: OpaquePointer
    private let output: UnsafeMutableRawBufferPointer
    private var finished = false

    /// `level` 1 … 19; zstd's own default is 3.
    public init(_ next: any ByteSink, name: String, level: Int32 = 3) throws(ContainerError) {
        guard let encoder = tz_zstd_encoder_open(level) else {
            throw ContainerError(.memory, name: name, "cannot allocate a zstd encoder")
        }
        self.next = next
        self.name = name
        self.encoder = encoder
        self.output = .allocate(byteCount: 256 << 10, alignment: 16)
    }

    deinit {
        tz_zstd_encoder_close(encoder)
        output.deallocate()
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(ContainerError) {
        try run(bytes, finish: false)
    }

    public func finish() throws(ContainerError) {
        guard !finished else { return }
        finished = true
        try run(UnsafeRawBufferPointer(start: nil, count: 0), finish: true)
        try next.finish()
    }

    private func run(_ bytes: UnsafeRawBufferPointer, finish: Bool) throws(ContainerError) {
        var offset = 0
        while true {
            var consumed = 0, produced = 0
            let status = tz_zstd_compress(
                encoder, bytes.baseAddress.map { ($0 + offset).assumingMemoryBound(to: UInt8.self) },
                bytes.count - offset, &consumed, output.baseAddress!.assumingMemoryBound(to: UInt8.self),
                output.count, &produced, finish ? 1 : 0)
            offset += consumed
            if status < 0 {
                let message = tz_zstd_encoder_message(encoder).map { String(cString: $0) } ?? "failed"
                throw ContainerError(.io, name: name, "zstd encoder: \(message)")
            }
            if produced > 0 { try next.write(UnsafeRawBufferPointer(rebasing: output[..<produced])) }
            if status == Int32(TZ_ZSTD_END) { return }
            if !finish && offset == bytes.count && produced < output.count { return }
        }
    }
}

/// Opens outputs compressed as their names ask (`.gz` gzip, `.zst` zstd, else plain), or as
/// `--compress` asks for standard output.
public enum ContainerWriter {
    /// Creates or truncates `path`, compressed by its suffix.
    public static func create(path: String) throws(ContainerError) -> any ByteSink {
        try wrap(FileSink(path: path), compression: Compression(forPath: path), name: path)
    }

    /// `sink` behind a compressor for `compression` (itself for `.none`).
    public static func wrap(_ sink: any ByteSink, compression: Compression, name: String) throws(ContainerError) -> any ByteSink {
        switch compression {
        case .none: sink
        case .gzip: try GzipSink(sink, name: name)
        case .zstd: try ZstdSink(sink, name: name)
        }
    }
}
