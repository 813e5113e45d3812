#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads a `--model` file after checking, before reading it, that it can be one: a regular file
/// (a FIFO or a directory is refused without blocking), no larger than the largest model the
/// format allows, with a Tamiz header whose declared size is the file's size. A 100 GB file or a
/// FIFO is refused in a few system calls instead of being read whole (`ModelFileTests`).
package enum ModelFile {
    /// The largest file the format allows: the header and class section, 2^20 buckets of 8
    /// weights and two full word lists (`ModelFormat.maximumFileSize`).
    package static let maximumBytes = ModelFormat.maximumFileSize

    package static func load(_ path: String) throws(FilterError) -> LanguageModel {
        func failure(_ why: String) -> FilterError { FilterError(.model, "model file '\(path)': \(why)") }
        // O_NONBLOCK: opening a FIFO without a writer must not wait for one.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw failure("is a directory, not a model file")
        case S_IFIFO: throw failure("is a pipe (FIFO), not a regular file")
        default: throw failure("is not a regular file")
        }
        let size = Int(info.st_size)
        guard size <= maximumBytes else {
            throw failure("\(size) bytes, larger than any Tamiz model (at most \(maximumBytes) bytes)")
        }
        guard size >= ModelFormat.headerSize else {
            throw failure("\(size) bytes, shorter than a model header (\(ModelFormat.headerSize) bytes)")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + done, size - done) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw failure(String(cString: strerror(errno))) }
            if count == 0 { break }
            done += count
            if done == ModelFormat.headerSize || (done >= ModelFormat.headerSize && done - count < ModelFormat.headerSize) {
                try checkHeader(bytes, fileSize: size, failure: failure)
            }
        }
        guard done == size else { throw failure("changed size while being read") }
        do {
            return try LanguageModel(bytes: bytes)
        } catch {
            throw failure(error.description)
        }
    }

    /// The magic bytes and the declared file size, checked as soon as the header is in.
    private static func checkHeader(
        _ bytes: [UInt8], fileSize: Int, failure: (String) -> FilterError
    ) throws(FilterError) {
        guard bytes.prefix(8).elementsEqual(ModelFormat.magic) else {
            throw failure("not a Tamiz model (bad magic bytes)")
        }
        var declared: UInt64 = 0
        for offset in (16..<24).reversed() { declared = declared << 8 | UInt64(bytes[offset]) }
        guard declared == UInt64(fileSize) else {
            throw failure("the header declares \(declared) bytes but the file has \(fileSize): truncated or corrupt")
        }
    }
}
