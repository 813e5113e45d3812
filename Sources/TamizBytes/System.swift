#if canImport(Glibc)
import Glibc
#endif

/// Why a whole file could not be read (`cannot read PATH (errno N)`, `error reading PATH`).
package struct FileReadFailure: Error, CustomStringConvertible, Sendable {
    package var description: String
}

/// The bytes of the file at `path`: the one whole-file read loop of the training and data tools
/// (the filter streams its inputs instead).
package func readWholeFile(_ path: String) -> Result<[UInt8], FileReadFailure> {
    guard let file = fopen(path, "rb") else { return .failure(FileReadFailure(description: "cannot read \(path) (errno \(errno))")) }
    defer { fclose(file) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let got = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if got == 0 { break }
        result += chunk[0..<got]
    }
    if ferror(file) != 0 { return .failure(FileReadFailure(description: "error reading \(path)")) }
    return .success(result)
}

/// Seconds on the monotonic clock (progress reports, the tools' timings).
package func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
