// swift-tools-version: 6.1
// Benchmarks live in their own package so that `swift test` on Tamiz never builds the
// benchmark harness. Run from this folder: `swift package benchmark`.
import Foundation
import PackageDescription

// A path dependency is identified by its folder's name, which depends on where Tamiz was cloned.
let tamizPackage = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "TamizBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkInputs",
            dependencies: [.product(name: "Tamiz", package: tamizPackage), .product(name: "Benchmark", package: "benchmark")],
            path: "Sources/BenchmarkInputs"
        ),
    ]
)

for name in ["ClassifyBenchmarks", "SegmentBenchmarks", "FilterBenchmarks"] {
    package.targets.append(
        .executableTarget(
            name: name,
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Tamiz", package: tamizPackage),
                "BenchmarkInputs",
            ],
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    )
}
