// swift-tools-version: 6.1
import PackageDescription

// Settings every Beacon target shares: Swift 6 mode is the default for tools 6.x; these add
// the upcoming features the codebases we learn from use, so imports and `any` stay explicit.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Beacon",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "beacon", targets: ["beacon"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        // TLS settings for fetching did:web documents (already in the graph through async-http-client).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // The store's PostgreSQL backend (BEACON_DATABASE_URL=postgres://…), for several instances.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // bcrypt for browser passphrases (HummingbirdBcrypt only).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // The terminal page's WebSocket.
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
    ],
    targets: [
        // libxml2 from the system; shim.h hides its ICU headers from Foundation (see docs/ARCHITECTURE.md).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "BeaconCore", swiftSettings: strictSettings),
        .target(
            name: "BeaconXML",
            dependencies: ["BeaconCore", "CLibXML2", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        // JSON as signatures need it: byte-exact strings, numbers kept as written, JCS (RFC 8785).
        .target(name: "BeaconJSON", swiftSettings: strictSettings),
        // JSON-LD 1.1 (expansion, toRdf) and RDF Dataset Canonicalization (RDFC-1.0): pure Swift,
        // contexts only from a bundled set, for the eddsa-rdfc-2022 cryptosuite.
        .target(name: "BeaconLinkedData", dependencies: ["BeaconJSON", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strictSettings),
        .target(
            name: "BeaconCredentials",
            dependencies: ["BeaconJSON", "BeaconLinkedData", "CZlib", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        // zlib from the system, for the GZIP inside Bitstring Status Lists.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "BeaconStore",
            dependencies: [
                "BeaconCore", "BeaconCredentials",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BeaconServer",
            dependencies: [
                "BeaconCore", "BeaconCredentials", "BeaconStore", "BeaconQR",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // The browser transport: sign-in, sessions and the accessible linear page, on beacon serve.
        .target(
            name: "BeaconWeb",
            dependencies: [
                "BeaconCore", "BeaconStore", "BeaconTerminal", "BeaconServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // libqrencode from the system, for the QR code on printable certificates.
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "BeaconQR", dependencies: ["CQREncode", "BeaconCore"], swiftSettings: strictSettings),
        .target(name: "BeaconTerminal", dependencies: ["BeaconCore", "BeaconStore"], swiftSettings: strictSettings),
        // The SSH transport for the player: trainees on other computers take the course with
        // nothing but `ssh` (swift-nio-ssh inside `beacon serve`).
        .target(
            name: "BeaconSSH",
            dependencies: [
                "BeaconCore", "BeaconStore", "BeaconTerminal",
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "beacon",
            dependencies: [
                "BeaconCore", "BeaconXML", "BeaconStore", "BeaconTerminal", "BeaconCredentials", "BeaconServer", "BeaconSSH", "BeaconWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        // Benchmarks run by Scripts/bench (release builds); not a product.
        .executableTarget(
            name: "BeaconBench",
            dependencies: [
                "BeaconCredentials", "BeaconStore", "BeaconCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // libFuzzer targets (Scripts/fuzz builds them with -sanitize=fuzzer,address); an ordinary
        // build makes them replay files instead, which Scripts/test does over the saved corpus.
        .target(name: "FuzzSupport", path: "Sources/Fuzz/FuzzSupport", swiftSettings: strictSettings),
        .executableTarget(name: "fuzz-curriculum", dependencies: ["FuzzSupport", "BeaconXML", "BeaconCore"], path: "Sources/Fuzz/fuzz-curriculum", swiftSettings: strictSettings),
        .executableTarget(name: "fuzz-moodle", dependencies: ["FuzzSupport", "BeaconXML"], path: "Sources/Fuzz/fuzz-moodle", swiftSettings: strictSettings),
        .executableTarget(name: "fuzz-qti", dependencies: ["FuzzSupport", "BeaconXML"], path: "Sources/Fuzz/fuzz-qti", swiftSettings: strictSettings),
        .executableTarget(name: "fuzz-jcs", dependencies: ["FuzzSupport", "BeaconCredentials"], path: "Sources/Fuzz/fuzz-jcs", swiftSettings: strictSettings),
        .executableTarget(name: "fuzz-rdfc", dependencies: ["FuzzSupport", "BeaconLinkedData", "BeaconJSON"], path: "Sources/Fuzz/fuzz-rdfc", swiftSettings: strictSettings),
        .executableTarget(name: "fuzz-verify", dependencies: ["FuzzSupport", "BeaconCredentials"], path: "Sources/Fuzz/fuzz-verify", swiftSettings: strictSettings),
        .testTarget(name: "BeaconCoreTests", dependencies: ["BeaconCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "BeaconXMLTests",
            dependencies: ["BeaconXML", "BeaconCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BeaconStoreTests",
            dependencies: ["BeaconStore", "BeaconCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BeaconTerminalTests",
            dependencies: ["BeaconTerminal", "BeaconStore", "BeaconCore", "BeaconXML", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BeaconWebTests",
            dependencies: [
                "BeaconWeb", "BeaconServer", "BeaconTerminal", "BeaconStore", "BeaconCore", "BeaconXML", "BeaconCredentials",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BeaconLinkedDataTests",
            dependencies: ["BeaconLinkedData", "BeaconJSON", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BeaconCredentialsTests",
            dependencies: ["BeaconCredentials", "BeaconJSON"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BeaconServerTests",
            dependencies: [
                "BeaconServer", "BeaconCredentials", "BeaconStore", "BeaconCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "BeaconQRTests", dependencies: ["BeaconQR"], swiftSettings: strictSettings),
        .testTarget(name: "BeaconCLITests", dependencies: ["beacon", "BeaconCredentials", "BeaconCore", "BeaconStore", "BeaconXML"], swiftSettings: strictSettings),
    ]
)
