// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Congress",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "congress", targets: ["congress"]),
        .library(name: "CongressCore", targets: ["CongressCore"]),
        .library(name: "CongressApp", targets: ["CongressApp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // MARK: Core — the rules: pure functions over value types, Foundation only.
        .target(name: "CongressCore"),

        // MARK: Application — composition root: files in, rendered documents out.
        .target(
            name: "CongressApp",
            dependencies: [
                "CongressCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates")]
        ),

        // MARK: Executable — the one command-line program.
        .executableTarget(
            name: "congress",
            dependencies: [
                "CongressApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests — one target per source target.
        .testTarget(name: "CongressCoreTests", dependencies: ["CongressCore"]),
        .testTarget(name: "CongressAppTests", dependencies: ["CongressApp", "CongressCore"]),
    ],
    swiftLanguageModes: [.v6]
)
