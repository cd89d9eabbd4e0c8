// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way (see ../shared/ARCHITECTURE.md): portal → PortalWeb → PortalFlows →
// PortalStore → Postgres, with PortalCore and Formats beside them at the bottom. HTTPServer, HTML,
// Postgres, PortalCore and Formats import nothing of ours but the CivilCalendar leaf (day arithmetic
// that Postgres, the domain and the file writers all need). PortalDemo (demo data, development
// simulators) is imported by the executable only.
let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

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
        .target(name: "CivilCalendar", swiftSettings: upcoming),
        .target(name: "HTTPServer", dependencies: ["CSystemShims"], swiftSettings: upcoming),
        .target(name: "HTML", swiftSettings: upcoming),
        .target(name: "Postgres", dependencies: ["CLibPQ", "CivilCalendar"], swiftSettings: upcoming),
        .target(name: "PortalCore", dependencies: ["CivilCalendar"], resources: [.copy("Accounts/common-passwords.txt")],
                swiftSettings: upcoming),
        .target(name: "Formats", dependencies: ["CivilCalendar"], swiftSettings: upcoming),
        .target(name: "PortalStore", dependencies: ["Postgres", "PortalCore"], swiftSettings: upcoming),
        .target(name: "PortalFlows", dependencies: ["PortalStore", "PortalCore", "Formats", "Postgres", "CivilCalendar"], swiftSettings: upcoming),
        .target(name: "PortalWeb", dependencies: ["HTTPServer", "HTML", "PortalFlows", "PortalStore", "PortalCore", "Formats"], swiftSettings: upcoming),
        .target(name: "PortalDemo", dependencies: ["PortalWeb", "PortalFlows", "PortalStore", "PortalCore", "HTTPServer", "HTML", "Postgres"],
                swiftSettings: upcoming),
        .executableTarget(name: "portal", dependencies: ["PortalWeb", "PortalDemo", "PortalFlows", "PortalStore", "PortalCore", "Postgres", "HTTPServer"],
                          swiftSettings: upcoming),
        .testTarget(name: "CivilCalendarTests", dependencies: ["CivilCalendar"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "HTMLTests", dependencies: ["HTML"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres"]),
        .testTarget(name: "PortalCoreTests", dependencies: ["PortalCore"]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats"]),
        .testTarget(name: "PortalStoreTests", dependencies: ["PortalStore", "PortalFlows", "PortalDemo", "Postgres", "PortalCore"]),
        .testTarget(name: "PortalFlowsTests", dependencies: ["PortalFlows", "PortalStore", "Postgres", "PortalCore", "Formats"]),
        .testTarget(name: "PortalWebTests", dependencies: ["PortalWeb", "PortalDemo", "PortalFlows", "HTTPServer", "HTML", "PortalStore", "Postgres", "PortalCore", "Formats"],
                    exclude: ["Fixtures"]),
    ]
)
