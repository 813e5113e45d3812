#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream of bytes read front to back: a file, a decompressor, a WARC-to-JSON-Lines converter.
///
/// `read(into:)` fills some of the buffer and returns how many bytes it wrote; 0 means the end of
/// the stream (and only then). An error is thrown only after every byte before it was returned,
/// so a caller that writes what it read has written everything before a corrupt spot
/// (`GzipSourceTests`, `ZstdSourceTests`).
package protocol ByteSource: AnyObject {
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int
}

extension ByteSource {
    /// Reads until `buffer` is full or the stream ends; returns the count.
    package func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// Everything left in the stream (for tests and small inputs).
    package func readAll() throws(ContainerError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            var failure: ContainerError?
            let count = chunk.withUnsafeMutableBytes { buffer in
                do throws(ContainerError) { return try read(into: buffer) } catch { failure = error; return 0 }
            }
            if let failure { throw failure }
            if count == 0 { return result }
            result.append(contentsOf: chunk[..<count])
        }
    }
}

/// Reads a file descriptor, retrying interrupted reads, and counts the bytes it read.
package final class FileSource: ByteSource {
    package let descriptor: Int32
    package let name: String
    private let ownsDescriptor: Bool
    /// Bytes read from the descriptor so far.
    package private(set) var bytesRead = 0
    /// Asked when a read is interrupted by a signal: `true` ends the input there (the filter's
    /// SIGINT/SIGTERM handling), `false` retries the read.
    package var endsOnInterruption: () -> Bool = { false }

    /// Opens `path` for reading (`-` is standard input, named "standard input").
    package convenience init(path: String) throws(ContainerError) {
        if path == "-" {
            self.init(descriptor: 0, name: "standard input", ownsDescriptor: false)
            return
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ContainerError(.io, name: path, "cannot open: \(String(cString: strerror(errno)))")
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

    /// The file's size when it is a regular file (not a pipe or terminal).
    package var regularFileSize: Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(descriptor, base, buffer.count)
            #else
            let count = Darwin.read(descriptor, base, buffer.count)
            #endif
            if count >= 0 {
                bytesRead += count
                return count
            }
            if errno != EINTR {
                throw ContainerError(.io, name: name, offset: bytesRead, "cannot read: \(String(cString: strerror(errno)))")
            }
            if endsOnInterruption() { return 0 }
        }
    }
}

/// A source whose first bytes were already read (to detect its format) and are given back first.
package final class PrefixedSource: ByteSource {
    private var prefix: [UInt8]
    private var prefixStart = 0
    private let rest: any ByteSource

    package init(prefix: [UInt8], rest: any ByteSource) {
        self.prefix = prefix
        self.rest = rest
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(ContainerError) -> Int {
        if prefixStart < prefix.count {
            let count = min(buffer.count, prefix.count - prefixStart)
            prefix.withUnsafeBytes { bytes in
                buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + prefixStart, byteCount: count)
            }
            prefixStart += count
            if prefixStart == prefix.count {
                prefix = []
                prefixStart = 0
            }
            return count
        }
        return try rest.read(into: buffer)
    }

    /// Reads up to `count` bytes from `source` (fewer only at its end).
    package static func peek(_ count: Int, from source: any ByteSource) throws(ContainerError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var failure: ContainerError?
        let filled = bytes.withUnsafeMutableBytes { buffer in
            do throws(ContainerError) { return try source.readFully(into: buffer) } catch { failure = error; return 0 }
        }
        if let failure { throw failure }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
