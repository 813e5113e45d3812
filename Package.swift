// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Tamiz",
    products: [
        .library(name: "Tamiz", targets: ["Tamiz"]),
        .executable(name: "tamiz", targets: ["tamiz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // ICU's sentence BreakIterator behind a plain-C header (Foundation carries its own ICU,
        // so ICU headers must never be visible to Swift modules).
        .target(
            name: "CICUSentenceBreak",
            linkerSettings: [.linkedLibrary("icuuc")]
        ),
        // The committed model file, embedded into the binary with C23 #embed.
        .target(name: "CTamizModelData"),
        // The generated abbreviation table (Data/segmentation/abbreviations.tsv), embedded with #embed.
        .target(name: "CTamizSegmentationData"),
        // Byte helpers every module shares: Latin-1 case folding, FNV-1a, the "www" test.
        .target(name: "TamizBytes"),
        .target(name: "TamizSegmenting", dependencies: ["CICUSentenceBreak", "CTamizSegmentationData", "TamizBytes"]),
        // Tooling: ICU's CLDR suppression lists (resource bundles), read only when building the table.
        .target(name: "CICUSuppressions", linkerSettings: [.linkedLibrary("icuuc")]),
        .target(name: "TamizSegmentationTraining", dependencies: ["TamizSegmenting", "CICUSuppressions", "TamizBytes"]),
        // The committed span table (Data/spans/spans.table), embedded the same way.
        .target(name: "CTamizSpanData"),
        .target(
            name: "TamizClassifying",
            dependencies: ["CTamizModelData", "CTamizSpanData", "TamizBytes"]
        ),
        // Tooling, not part of what a user imports: training the classifier's model and evidence
        // word lists from Data/corpus, and the evaluation behind `tamiz eval`.
        .target(name: "TamizTraining", dependencies: ["TamizClassifying", "TamizBytes"]),
        // Fitting the span table (synthetic mixed sentences, parameter search, evaluation).
        .target(name: "TamizSpanTraining", dependencies: ["TamizClassifying", "TamizTraining"]),
        .target(name: "TamizCleaning", dependencies: ["TamizBytes"]),
        // The system zlib and libzstd behind plain-C shims (their init functions are macros or
        // return size_t error codes); no Swift package, so no networking stack comes with them.
        .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),
        .target(name: "CZstd", linkerSettings: [.linkedLibrary("zstd")]),
        .target(name: "TamizContainers", dependencies: ["CZlib", "CZstd", "TamizBytes"]),
        // Tooling for the cleaner's model: feature table, fitting, cross-validation.
        .target(name: "TamizCleanerTraining", dependencies: ["TamizCleaning"]),
        .executableTarget(name: "tamiz-cleaner-train", dependencies: ["TamizCleanerTraining", "TamizCleaning"]),
        // The allocator controls glibc's Swift module leaves out (malloc.h): the mmap threshold, handing freed pages back.
        .target(name: "CMemory"),
        .target(
            name: "Tamiz",
            dependencies: ["TamizSegmenting", "TamizClassifying", "TamizCleaning", "TamizContainers", "CMemory"]
        ),
        .executableTarget(
            name: "tamiz",
            dependencies: ["Tamiz", "TamizTraining", "CMemory", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "tamiz-train",
            dependencies: [
                "TamizClassifying", "TamizTraining", "TamizSegmentationTraining", "TamizSpanTraining", "TamizBytes",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TamizBytesTests", dependencies: ["TamizBytes"]),
        .testTarget(name: "TamizSegmentingTests", dependencies: ["TamizSegmenting", "TamizTestSupport"]),
        .testTarget(name: "TamizSegmentationTrainingTests", dependencies: ["TamizSegmentationTraining", "TamizTestSupport"]),
        // Finding the package's files and ../shared from the tests (one copy for the targets below).
        .target(name: "TamizTestSupport", path: "Tests/TamizTestSupport"),
        .testTarget(name: "TamizClassifyingTests", dependencies: ["TamizClassifying", "TamizTraining", "TamizTestSupport"]),
        .testTarget(name: "TamizTrainingTests", dependencies: ["TamizTraining", "TamizClassifying", "TamizTestSupport"]),
        .testTarget(name: "TamizSpansTests", dependencies: ["TamizClassifying", "TamizTraining", "TamizSpanTraining", "TamizTestSupport"]),
        .testTarget(name: "TamizCleaningTests", dependencies: ["TamizCleaning", "TamizTestSupport"]),
        .testTarget(name: "TamizCleanerTrainingTests", dependencies: ["TamizCleanerTraining", "TamizCleaning", "TamizTestSupport"]),
        .testTarget(name: "TamizTests", dependencies: ["Tamiz", "TamizTraining", "TamizTestSupport"]),
        .testTarget(name: "TamizContainersTests", dependencies: ["TamizContainers", "TamizTestSupport"]),
        .testTarget(name: "TamizCLITests", dependencies: ["tamiz", "TamizTestSupport"]),
    ]
)
