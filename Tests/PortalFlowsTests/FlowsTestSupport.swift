import Foundation
import PortalCore
import PortalFlows
import PortalStore
import Postgres
import Testing

/// Dates are written out in tests as ISO strings; a typo must fail loudly, not skip a case.
func day(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

/// A shipped tenant of the repository's `tenants/`, decoded; fails the test when the file is invalid.
func shippedTenant(_ id: String) throws -> TenantConfig {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let file = url.appendingPathComponent("tenants/\(id).json").path
    let data = try #require(FileManager.default.contents(atPath: file))
    return try TenantConfigLoader.decode([UInt8](data), file: file).get()
}

/// A shipped town on a freshly migrated schema of the test database, for one test; `drop()`
/// removes the schema.
struct MigratedTown {
    let pool: PostgresPool
    let town: Town

    /// `platform`: the shared platform tables are migrated too, for flows that read them.
    init(_ tenantID: String, schemaPrefix: String, links: any PortalLinks = NoLinks(), platform: Bool = false) throws {
        guard let url = ProcessInfo.processInfo.environment["PORTAL_TEST_DATABASE_URL"], !url.isEmpty else {
            fatalError("PORTAL_TEST_DATABASE_URL is not set: run the tests with `make test`")
        }
        pool = try PostgresPool(url: url, maxSize: 2, checkoutTimeout: .seconds(60))
        var sql = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { sql.deleteLastPathComponent() }
        if platform {
            _ = try pool.withConnection { try Migrator(directory: sql.appendingPathComponent("sql/platform").path).migrate(schema: "platform", on: $0) }
        }
        var tenant = try shippedTenant(tenantID)
        tenant.schema = "\(schemaPrefix)_\(UInt32.random(in: 0...UInt32.max))"
        let schema = tenant.schema
        _ = try pool.withConnection { try Migrator(directory: sql.appendingPathComponent("sql/tenant").path).migrate(schema: schema, on: $0) }
        town = Town(tenant: tenant, database: TenantDatabase(pool: pool), baseURL: "http://test.localhost", links: links)
    }

    func drop() {
        let schema = town.tenant.schema
        _ = try? pool.withConnection { try $0.executeScript("DROP SCHEMA IF EXISTS \(SQL.quoteIdentifier(schema)) CASCADE") }
        pool.close()
    }
}

/// For flows that send no e-mail: no link is ever asked.
struct NoLinks: PortalLinks {
    func planning() -> String { "" }
    func planning(family: Int64, anchor: LocalDate?) -> String { "" }
    func registrations(family: Int64) -> String { "" }
    func draws() -> String { "" }
    func documents() -> String { "" }
    func dossier(family: Int64) -> String { "" }
    func messageThread(_ id: Int64) -> String { "" }
}
