import Foundation
import Postgres

/// The database `make test` prepares; a missing URL fails the tests rather than skipping them.
enum TestDatabase {
    static let url: String = {
        guard let url = ProcessInfo.processInfo.environment["PORTAL_TEST_DATABASE_URL"], !url.isEmpty else {
            fatalError("PORTAL_TEST_DATABASE_URL is not set: run the tests with `make test`")
        }
        return url
    }()

    static let sqlDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sql").path

    /// A schema name no other test uses, migrated with the tenant migrations.
    static func migratedTenantSchema(_ prefix: String, pool: PostgresPool) throws -> String {
        let schema = "t_\(prefix)_\(UInt32.random(in: 0...UInt32.max))"
        _ = try pool.withConnection { try Migrator(directory: sqlDirectory + "/tenant").migrate(schema: schema, on: $0) }
        return schema
    }

    static func drop(_ schema: String, pool: PostgresPool) {
        _ = try? pool.withConnection { try $0.executeScript("DROP SCHEMA IF EXISTS \(SQL.quoteIdentifier(schema)) CASCADE") }
    }
}
