import Foundation
import Postgres
import PortalCore
@testable import PortalStore

/// Towns for the operator tests: a shipped tenant file under a fresh id and schema, on the test
/// database with its platform schema migrated; removed again with `forget`.
enum OperatorsTestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func database() throws -> TenantDatabase {
        let database = TenantDatabase(pool: try PostgresPool(url: TestDatabase.url, maxSize: 2))
        _ = try SchemaMigrations(sqlDirectory: TestDatabase.sqlDirectory).migratePlatform(pool: database.pool)
        return database
    }

    static func freshTenant(_ prefix: String) -> TenantConfig {
        let (tenants, errors) = TenantConfigLoader.loadDirectory(repositoryRoot.appendingPathComponent("tenants").path)
        precondition(errors.isEmpty && !tenants.isEmpty, "tenant files invalid: \(errors)")
        let suffix = UInt32.random(in: 0...UInt32.max)
        var tenant = tenants[0]
        tenant.id = "\(prefix)-\(suffix)"
        tenant.schema = "t_\(prefix)_\(suffix)"
        tenant.hosts.subdomain = tenant.id
        return tenant
    }

    static func forget(_ tenant: TenantConfig, in database: TenantDatabase) {
        _ = try? database.pool.withConnection { connection in
            try connection.executeScript("DROP SCHEMA IF EXISTS \(SQL.quoteIdentifier(tenant.schema)) CASCADE")
            try connection.execute("DELETE FROM platform.tenants WHERE id = \(tenant.id)")
        }
    }

    static func schemaExists(_ schema: String, in database: TenantDatabase) throws -> Bool {
        try database.pool.withConnection { try TenantProvisioning.schemaExists(schema, in: $0) }
    }

    static func count(_ sql: SQL, in database: TenantDatabase) throws -> Int {
        try database.pool.withConnection { try $0.query(sql)[0].decode(0, as: Int64.self) }.asInt
    }

    /// A copy of the shipped migrations plus `extraTenantFiles`, in a temporary directory.
    static func sqlDirectory(extraTenantFiles: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sql-\(UInt32.random(in: 0...UInt32.max))")
        for part in ["platform", "tenant"] {
            let target = directory.appendingPathComponent(part)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            let source = URL(fileURLWithPath: TestDatabase.sqlDirectory).appendingPathComponent(part)
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
            }
        }
        for (name, text) in extraTenantFiles {
            try text.write(to: directory.appendingPathComponent("tenant/\(name)"), atomically: true, encoding: .utf8)
        }
        return directory.path
    }
}

extension Int64 {
    var asInt: Int { Int(self) }
}
