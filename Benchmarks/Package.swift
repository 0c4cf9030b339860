// swift-tools-version:6.0
import PackageDescription

// Benchmarks live in their own package so their build stays out of the product's.
// Run in release mode only: `swift run -c release congress-benchmarks`.
let package = Package(
    name: "CongressBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Congress", path: ".."),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "congress-benchmarks",
            dependencies: [
                .product(name: "CongressCore", package: "Congress"),
                .product(name: "CongressApp", package: "Congress"),
            ],
            path: "Sources/CongressBenchmarks"
        ),
        .executableTarget(
            name: "register-benchmarks",
            dependencies: [
                .product(name: "CongressCore", package: "Congress"),
                .product(name: "CongressStore", package: "Congress"),
                .product(name: "CongressSQLite", package: "Congress"),
                .product(name: "CongressApp", package: "Congress"),
            ],
            path: "Sources/RegisterBenchmarks"
        ),
        .executableTarget(
            name: "storage-benchmarks",
            dependencies: [
                .product(name: "CongressCore", package: "Congress"),
                .product(name: "CongressStore", package: "Congress"),
                .product(name: "CongressPostgres", package: "Congress"),
                .product(name: "CongressApp", package: "Congress"),
            ],
            path: "Sources/StorageBenchmarks"
        ),
        .executableTarget(
            name: "entry-benchmarks",
            dependencies: [
                .product(name: "CongressApp", package: "Congress"),
                .product(name: "CongressPostgres", package: "Congress"),
                .product(name: "CongressCore", package: "Congress"),
                .product(name: "CongressStore", package: "Congress"),
                .product(name: "CongressSQLite", package: "Congress"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/EntryBenchmarks"
        ),
        .executableTarget(
            name: "personnel-benchmarks",
            dependencies: [
                .product(name: "CongressCore", package: "Congress"),
                .product(name: "CongressApp", package: "Congress"),
            ],
            path: "Sources/PersonnelBenchmarks"
        ),
        .executableTarget(
            name: "congress-day-benchmarks",
            dependencies: [
                .product(name: "CongressCore", package: "Congress"),
                .product(name: "CongressStore", package: "Congress"),
                .product(name: "CongressSQLite", package: "Congress"),
                .product(name: "CongressWeb", package: "Congress"),
                .product(name: "CongressApp", package: "Congress"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Sources/CongressDayBenchmarks"
        ),
        .executableTarget(
            name: "dossier-list-benchmarks",
            dependencies: [
                .product(name: "CongressCore", package: "Congress"),
                .product(name: "CongressStore", package: "Congress"),
                .product(name: "CongressSQLite", package: "Congress"),
                .product(name: "CongressPostgres", package: "Congress"),
                .product(name: "CongressWeb", package: "Congress"),
                .product(name: "CongressApp", package: "Congress"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Sources/DossierListBenchmarks"
        ),
        .executableTarget(
            name: "bodies-benchmarks",
            dependencies: [
                .product(name: "CongressCore", package: "Congress"),
                .product(name: "CongressStore", package: "Congress"),
                .product(name: "CongressApp", package: "Congress"),
            ],
            path: "Sources/BodiesBenchmarks"
        ),
    ],
    swiftLanguageModes: [.v6]
)
