#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TamizContainers

/// Where the writer puts a block's bytes for one output: a file (``OutputSink``) or memory
/// (``MemorySink``).
protocol BlockSink: AnyObject {
    func write(_ bytes: [UInt8]) throws(FilterError)
    func finish() throws(FilterError)
}

/// An output kept in memory, for ``TamizFilter/run(bytes:)``.
final class MemorySink: BlockSink {
    private(set) var bytes: [UInt8] = []

    func write(_ bytes: [UInt8]) throws(FilterError) { self.bytes += bytes }
    func finish() throws(FilterError) {}
}

/// A file descriptor the filter writes whole buffers to, plain or compressed (a path ending in
/// `.gz` or `.zst`, or `--compress` for standard output).
final class OutputSink: BlockSink {
    let descriptor: Int32
    let name: String
    private let ownsDescriptor: Bool
    private let isPrimary: Bool
    /// The descriptor, behind a compressor when the output is compressed.
    private let sink: any ByteSink

    /// The primary output (standard output unless a caller passes another descriptor); a reader
    /// closing it early is a quiet end, not an error.
    static func primary(descriptor: Int32, compression: Compression = .none) throws(FilterError) -> OutputSink {
        try OutputSink(descriptor: descriptor, name: "standard output", ownsDescriptor: false, isPrimary: true, compression: compression)
    }

    /// Creates or truncates the file at `path`, compressed as its name says.
    static func file(_ path: String) throws(FilterError) -> OutputSink {
        let sink = try opened(path)
        try sink.truncate()
        return sink
    }

    /// Opens (creating it if needed) the file at `path` without truncating it yet, so the caller
    /// can first check that it is not also an input or another output (``FileIdentity``).
    static func opened(_ path: String) throws(FilterError) -> OutputSink {
        var created = true
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == EEXIST {
            created = false
            descriptor = open(path, O_WRONLY | O_CLOEXEC)
        }
        guard descriptor >= 0 else {
            throw FilterError(.output, "cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        let sink: OutputSink
        do throws(FilterError) {
            sink = try OutputSink(
                descriptor: descriptor, name: path, ownsDescriptor: true, isPrimary: false,
                compression: Compression(forPath: path))
        } catch {
            close(descriptor)
            throw error
        }
        sink.created = created
        return sink
    }

    /// Whether `opened` created the file (so a refused run can remove it again).
    private(set) var created = false

    /// Empties a regular file opened by `opened` (as `O_TRUNC` would have; FIFOs and devices are left alone).
    func truncate() throws(FilterError) {
        guard let identity = FileIdentity(descriptor: descriptor), identity.isRegularFile else { return }
        if ftruncate(descriptor, 0) != 0 {
            throw FilterError(.output, "cannot write '\(name)': \(String(cString: strerror(errno)))")
        }
    }

    /// Removes the file if `opened` created it: a run refused before writing leaves nothing behind.
    func removeIfCreated() {
        if created { unlink(name) }
    }

    private init(
        descriptor: Int32, name: String, ownsDescriptor: Bool, isPrimary: Bool, compression: Compression
    ) throws(FilterError) {
        self.descriptor = descriptor
        self.name = name
        self.ownsDescriptor = ownsDescriptor
        self.isPrimary = isPrimary
        let file = FileSink(descriptor: descriptor, name: name, ownsDescriptor: false)
        do throws(ContainerError) {
            self.sink = try ContainerWriter.wrap(file, compression: compression, name: name)
        } catch {
            throw FilterError(.output, error.description)
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Writes all of `bytes`, retrying short writes. A reader that closed standard output is
    /// reported as `.outputClosed`, which the CLI treats as a quiet end, not a failure.
    func write(_ bytes: [UInt8]) throws(FilterError) {
        do throws(ContainerError) {
            try sink.write(bytes)
        } catch {
            throw failure(error)
        }
    }

    /// Writes what a compressor still holds and its trailer; nothing for a plain output.
    func finish() throws(FilterError) {
        do throws(ContainerError) {
            try sink.finish()
        } catch {
            throw failure(error)
        }
    }

    private func failure(_ error: ContainerError) -> FilterError {
        if error.kind == .outputClosed && isPrimary {
            return FilterError(.outputClosed, "standard output was closed")
        }
        if error.kind == .outputClosed {
            return FilterError(.output, "cannot write '\(name)': broken pipe")
        }
        return FilterError(.output, error.description)
    }
}
