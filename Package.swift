// swift-tools-version:6.0
// railsim: dry-run a Railway deploy. One library target per pipeline stage, dependencies pointing
// downstream only: Snapshot → Railway → Build → Runtime → Findings → Report, and a thin executable.
import PackageDescription

let package = Package(
    name: "railsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "railsim", targets: ["railsim"]),
        .library(name: "RailsimKit", targets: ["Snapshot", "Railway", "Build", "Runtime", "Findings", "Report"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(name: "Snapshot"),
        .target(name: "Railway", dependencies: ["Snapshot", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "Build", dependencies: ["Snapshot", "Railway"]),
        .target(name: "Runtime", dependencies: ["Snapshot", "Railway", "Build"]),
        .target(name: "Findings", dependencies: ["Snapshot", "Railway", "Build", "Runtime"]),
        .target(name: "Report", dependencies: ["Findings"]),
        .executableTarget(name: "railsim", dependencies: [
            "Findings", "Report", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Benchmarks (bench/): built only when asked for, e.g. `swift build -c release --product scan-bench`.
        .executableTarget(name: "scan-bench", dependencies: ["Runtime"], path: "bench/Sources/scan-bench"),
        .target(name: "TestSupport", dependencies: ["Findings"], path: "Tests/TestSupport"),
        .testTarget(name: "SnapshotTests", dependencies: ["Snapshot", "TestSupport"]),
        .testTarget(name: "RailwayTests", dependencies: ["Railway", "TestSupport"]),
        .testTarget(name: "BuildTests", dependencies: ["Build", "TestSupport"], exclude: ["DockerfileData", "ProjectInstallData"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "TestSupport"], exclude: ["PythonSourceData"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Findings", "Report", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
    ]
)
