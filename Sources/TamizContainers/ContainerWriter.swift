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
///
/// `ContainerWriterTests` reads what each sink wrote back with `gzip -dc` / `zstd -dc`.
package protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws(ContainerError)
    func finish() throws(ContainerError)
}

extension ByteSink {
    package func write(_ bytes: [UInt8]) throws(ContainerError) {
        var failure: ContainerError?
        bytes.withUnsafeBytes { raw in
            do throws(ContainerError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}

/// Writes a file descriptor, retrying short and interrupted writes. A closed pipe on standard
/// output is `.outputClosed`.
package final class FileSink: ByteSink {
    package let descriptor: Int32
    package let name: String
    private let ownsDescriptor: Bool

    /// Creates or truncates `path`.
    package convenience init(path: String) throws(ContainerError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ContainerError(.io, name: path, "cannot write: \(String(cString: strerror(errno)))")
        }
        self.init(descriptor: descriptor, name: path, ownsDescriptor: true)
    }

    package init(descriptor: Int32, name: String, ownsDescriptor: Bool) {
        self.descriptor = descriptor
        self.name = name
        self.ownsDescriptor = ownsDescriptor
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    package func write(_ bytes: UnsafeRawBufferPointer) throws(ContainerError) {
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

    package func finish() throws(ContainerError) {}
}

/// Compresses into gzip (one member) or zstd (one frame) and writes to the sink behind it
/// (`ContainerWriterTests`: `gzip -dc` and `zstd -dc` read it back).
///
/// The two C shims share one streaming shape (`tz_gzip_deflate`, `tz_zstd_compress`), so one
/// loop drives either; only opening, closing and error wording differ.
final class CompressingSink: ByteSink {
    /// One call of the encoder: input, its length, consumed, output, its room, produced, finish.
    typealias Step = (UnsafePointer<UInt8>?, Int, inout Int, UnsafeMutablePointer<UInt8>, Int, inout Int, Int32) -> Int32

    private let next: any ByteSink
    private let step: Step
    /// The status the encoder returns once a finished stream's last bytes are out.
    private let endStatus: Int32
    /// The error for a negative status.
    private let failure: () -> ContainerError
    private let close: () -> Void
    private let output: UnsafeMutableRawBufferPointer = .allocate(byteCount: 256 << 10, alignment: 16)
    private var finished = false

    private init(
        _ next: any ByteSink, step: @escaping Step, endStatus: Int32,
        failure: @escaping () -> ContainerError, close: @escaping () -> Void
    ) {
        self.next = next
        self.step = step
        self.endStatus = endStatus
        self.failure = failure
        self.close = close
    }

    /// gzip at `level` 1 (fastest) … 9 (smallest); gzip's own default is 6.
    static func gzip(_ next: any ByteSink, name: String, level: Int32 = 6) throws(ContainerError) -> CompressingSink {
        guard let deflater = tz_gzip_deflater_open(level) else {
            throw ContainerError(.memory, name: name, "cannot allocate a gzip encoder")
        }
        return CompressingSink(
            next,
            step: { tz_gzip_deflate(deflater, $0, $1, &$2, $3, $4, &$5, $6) },
            endStatus: Int32(TZ_ZLIB_END),
            failure: { ContainerError(.memory, name: name, "gzip encoder failed") },
            close: { tz_gzip_deflater_close(deflater) })
    }

    /// zstd at `level` 1 … 19; zstd's own default is 3.
    static func zstd(_ next: any ByteSink, name: String, level: Int32 = 3) throws(ContainerError) -> CompressingSink {
        guard let encoder = tz_zstd_encoder_open(level) else {
            throw ContainerError(.memory, name: name, "cannot allocate a zstd encoder")
        }
        return CompressingSink(
            next,
            step: { tz_zstd_compress(encoder, $0, $1, &$2, $3, $4, &$5, $6) },
            endStatus: Int32(TZ_ZSTD_END),
            failure: {
                let message = tz_zstd_encoder_message(encoder).map { String(cString: $0) } ?? "failed"
                return ContainerError(.io, name: name, "zstd encoder: \(message)")
            },
            close: { tz_zstd_encoder_close(encoder) })
    }

    deinit {
        close()
        output.deallocate()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(ContainerError) {
        try run(bytes, finish: false)
    }

    func finish() throws(ContainerError) {
        guard !finished else { return }
        finished = true
        try run(UnsafeRawBufferPointer(start: nil, count: 0), finish: true)
        try next.finish()
    }

    private func run(_ bytes: UnsafeRawBufferPointer, finish: Bool) throws(ContainerError) {
        var offset = 0
        while true {
            var consumed = 0, produced = 0
            let status = step(
                bytes.baseAddress.map { ($0 + offset).assumingMemoryBound(to: UInt8.self) },
                bytes.count - offset, &consumed, output.baseAddress!.assumingMemoryBound(to: UInt8.self),
                output.count, &produced, finish ? 1 : 0)
            offset += consumed
            if status < 0 { throw failure() }
            if produced > 0 { try next.write(UnsafeRawBufferPointer(rebasing: output[..<produced])) }
            if status == endStatus { return }
            if !finish && offset == bytes.count && produced < output.count { return }
        }
    }
}

/// Opens outputs compressed as their names ask (`.gz` gzip, `.zst` zstd, else plain), or as
/// `--compress` asks for standard output.
///
/// `ContainerWriterTests` checks each suffix and that the reader decompresses what it wrote.
package enum ContainerWriter {
    /// Creates or truncates `path`, compressed by its suffix.
    package static func create(path: String) throws(ContainerError) -> any ByteSink {
        try wrap(FileSink(path: path), compression: Compression(forPath: path), name: path)
    }

    /// `sink` behind a compressor for `compression` (itself for `.none`).
    package static func wrap(_ sink: any ByteSink, compression: Compression, name: String) throws(ContainerError) -> any ByteSink {
        switch compression {
        case .none: sink
        case .gzip: try CompressingSink.gzip(sink, name: name)
        case .zstd: try CompressingSink.zstd(sink, name: name)
        }
    }
}
