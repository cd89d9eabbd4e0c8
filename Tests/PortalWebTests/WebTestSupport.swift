import Foundation
import HTTPServer
import Postgres
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// An application over the real tenant files and the test database; each test run gets its
/// own schema names so that suites running in parallel never share rows.
enum WebTestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let databaseURL: String = {
        guard let url = ProcessInfo.processInfo.environment["PORTAL_TEST_DATABASE_URL"], !url.isEmpty else {
            fatalError("PORTAL_TEST_DATABASE_URL is not set: run the tests with `make test`")
        }
        return url
    }()

    static func tenants(schemaSuffix: String) -> [TenantConfig] {
        let (tenants, errors) = TenantConfigLoader.loadDirectory(repositoryRoot.appendingPathComponent("tenants").path)
        precondition(errors.isEmpty, "tenant files invalid: \(errors)")
        return tenants.map { tenant in
            var copy = tenant
            copy.schema = "\(tenant.schema)_\(schemaSuffix)"
            return copy
        }
    }

    /// Migrated copies of every town; the caller drops them with `drop`.
    /// `prepare` gets the towns' database before the application does (to listen for changes).
    static func application(settings: WebSettings = WebSettings(),
                            prepare: (TenantDatabase) throws -> Void = { _ in }) throws -> (PortalApplication, [TenantConfig], PostgresPool) {
        let suffix = "w\(UInt32.random(in: 0...UInt32.max))"
        let tenants = tenants(schemaSuffix: suffix)
        let pool = try PostgresPool(url: databaseURL, maxSize: 4)
        _ = try pool.withConnection { try Migrator(directory: repositoryRoot.appendingPathComponent("sql/platform").path).migrate(schema: "platform", on: $0) }
        let migrator = Migrator(directory: repositoryRoot.appendingPathComponent("sql/tenant").path)
        for tenant in tenants {
            _ = try pool.withConnection { try migrator.migrate(schema: tenant.schema, on: $0) }
        }
        let database = TenantDatabase(pool: pool)
        try prepare(database)
        // As `portal serve` builds it: the simulators and the mailbox in development only.
        var settings = settings
        if settings.mode == .development {
            settings.development = DevelopmentSite.hooks(baseDomains: ["localhost"], mailDirectory: settings.mailDirectory, clock: settings.clock)
        }
        let app = PortalApplication(directory: TenantDirectory(tenants: tenants, baseDomains: ["localhost"]),
                                    database: database, settings: settings)
        return (app, tenants, pool)
    }

    static func drop(_ tenants: [TenantConfig], pool: PostgresPool) {
        for tenant in tenants {
            _ = try? pool.withConnection { try $0.executeScript("DROP SCHEMA IF EXISTS \(SQL.quoteIdentifier(tenant.schema)) CASCADE") }
        }
    }

    static func get(_ path: String, host: String, method: String = "GET") -> HTTPRequest {
        try! HTTPRequest(method: method, target: path, version: .http1_1,
                         headers: HTTPHeaders([("Host", host)]), body: [], remoteAddress: "127.0.0.1")
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
