import Foundation

/// The team's `../shared` folder beside the project. It is absent on a user's fresh clone, so
/// the tests that read it are enabled only when their file exists.
enum SharedFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }
}
