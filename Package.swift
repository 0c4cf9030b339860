// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Congress",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "congress", targets: ["congress"]),
        .library(name: "CongressCore", targets: ["CongressCore"]),
        .library(name: "CongressStore", targets: ["CongressStore"]),
        .library(name: "CongressSQLite", targets: ["CongressSQLite"]),
        .library(name: "CongressPostgres", targets: ["CongressPostgres"]),
        .library(name: "CongressWeb", targets: ["CongressWeb"]),
        .library(name: "CongressApp", targets: ["CongressApp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.25.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        // Already a dependency of HummingbirdTesting; the browser tests talk to chromedriver with it.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
    ],
    targets: [
        // MARK: Core — the rules: pure functions over value types, Foundation only.
        .target(name: "CongressCore"),

        // MARK: Storage — the store protocol, StoreError, the in-memory store and the register snapshot.
        .target(name: "CongressStore", dependencies: ["CongressCore"]),

        // MARK: SQLite — the embedded database (GRDB): migrations, records, queries.
        .target(
            name: "CongressSQLite",
            dependencies: ["CongressStore", "CongressCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),

        // MARK: PostgreSQL — the national database (PostgresNIO, no ORM): the same store protocols.
        .target(
            name: "CongressPostgres",
            dependencies: ["CongressStore", "CongressCore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),

        // MARK: Web — Hummingbird routes, the access policy in one place, view models and Mustache pages.
        .target(
            name: "CongressWeb",
            dependencies: [
                "CongressCore", "CongressStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates"), .copy("Assets")]
        ),

        // MARK: Application — composition root: files in, rendered documents out.
        .target(
            name: "CongressApp",
            dependencies: [
                "CongressCore", "CongressStore", "CongressSQLite", "CongressPostgres", "CongressWeb",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Data")]
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
        .testTarget(name: "CongressStoreTests", dependencies: ["CongressStore", "CongressSQLite", "CongressPostgres", "CongressCore",
                                                               .product(name: "GRDB", package: "GRDB.swift"),
                                                               .product(name: "PostgresNIO", package: "postgres-nio")],
                    exclude: ["Fixtures"]),
        .testTarget(
            name: "CongressWebTests",
            dependencies: [
                "CongressWeb", "CongressCore", "CongressStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "CongressAppTests",
            dependencies: [
                "CongressApp", "CongressCore", "CongressStore", "CongressSQLite", "CongressPostgres", "CongressWeb",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
