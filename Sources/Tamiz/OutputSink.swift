#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file descriptor the filter writes whole buffers to.
final class OutputSink {
    let descriptor: Int32
    let name: String
    private let ownsDescriptor: Bool
    private let isPrimary: Bool

    /// The primary output (standard output unless a caller passes another descriptor); a reader
    /// closing it early is a quiet end, not an error.
    static func primary(descriptor: Int32) -> OutputSink {
        OutputSink(descriptor: descriptor, name: "standard output", ownsDescriptor: false, isPrimary: true)
    }

    /// Creates or truncates the file at `path`.
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
        let sink = OutputSink(descriptor: descriptor, name: path, ownsDescriptor: true, isPrimary: false)
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

    private init(descriptor: Int32, name: String, ownsDescriptor: Bool, isPrimary: Bool) {
        self.descriptor = descriptor
        self.name = name
        self.ownsDescriptor = ownsDescriptor
        self.isPrimary = isPrimary
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Writes all of `bytes`, retrying short writes. A reader that closed standard output is
    /// reported as `.outputClosed`, which the CLI treats as a quiet end, not a failure.
    func write(_ bytes: [UInt8]) throws(FilterError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                #else
                let written = Darwin.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                #endif
                if written >= 0 {
                    offset += written
                } else if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        guard failure != 0 else { return }
        if failure == EPIPE && isPrimary {
            throw FilterError(.outputClosed, "standard output was closed")
        }
        throw FilterError(.output, "cannot write '\(name)': \(String(cString: strerror(failure)))")
    }
}
