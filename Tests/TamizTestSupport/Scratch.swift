import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One folder per test process for the files tests write, removed when the process exits, so a
/// test run leaves nothing behind in the temporary directory.
public enum Scratch {
    public static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tamiz-test-run-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.directory) }
        return url
    }()

    /// A path for a new file named after `name`, unique within the run.
    public static func path(_ name: String) -> String {
        directory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }
}
