// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way (see ../shared/ARCHITECTURE.md): the four base modules
// import nothing of ours; PortalStore sits on Postgres + PortalCore; PortalWeb on all.
let package = Package(
    name: "PortailFamille",
    products: [
        .executable(name: "portal", targets: ["portal"]),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "CSystemShims"),
        .target(name: "HTTPServer", dependencies: ["CSystemShims"]),
        .target(name: "HTML"),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        .target(name: "PortalCore"),
        .target(name: "PortalStore", dependencies: ["Postgres", "PortalCore"]),
        .target(name: "PortalWeb", dependencies: ["HTTPServer", "HTML", "PortalStore", "PortalCore"]),
        .executableTarget(name: "portal", dependencies: ["PortalWeb", "PortalStore", "PortalCore", "Postgres", "HTTPServer"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "HTMLTests", dependencies: ["HTML"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres"]),
        .testTarget(name: "PortalCoreTests", dependencies: ["PortalCore"]),
        .testTarget(name: "PortalStoreTests", dependencies: ["PortalStore", "Postgres", "PortalCore"]),
        .testTarget(name: "PortalWebTests", dependencies: ["PortalWeb", "HTTPServer", "HTML", "PortalStore", "Postgres", "PortalCore"]),
    ]
)
