#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file as the system knows it (device and inode), so that an output that is also an input,
/// or two outputs that are one file, are recognised whatever names, links or `..` lead to them.
/// Only regular files are compared: `/dev/null` or a terminal may legitimately be named twice.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
    var isRegularFile: Bool

    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
    }
}
