public import PortalCore
public import Postgres

/// Brings the shared schema and every town's schema to the latest migration.
public struct SchemaMigrations {
    public let sqlDirectory: String

    public init(sqlDirectory: String) {
        self.sqlDirectory = sqlDirectory
    }

    public struct TenantOutcome: Sendable {
        public let tenantID: String
        public let applied: [String]
        public let error: String?
    }

    public func migratePlatform(pool: PostgresPool) throws -> [String] {
        let migrator = Migrator(directory: sqlDirectory + "/platform")
        return try pool.withConnection { try migrator.migrate(schema: "platform", on: $0) }
    }

    /// Migrates each town separately so that one failing town does not stop the others,
    /// and records it in `platform.tenants`.
    public func migrateTenants(_ tenants: [TenantConfig], pool: PostgresPool) -> [TenantOutcome] {
        let migrator = Migrator(directory: sqlDirectory + "/tenant")
        return tenants.map { tenant in
            do {
                let applied = try pool.withConnection { connection in
                    let applied = try migrator.migrate(schema: tenant.schema, on: connection)
                    _ = try connection.execute("""
                        INSERT INTO platform.tenants (id, schema_name) VALUES (\(tenant.id), \(tenant.schema))
                        ON CONFLICT (id) DO UPDATE SET schema_name = EXCLUDED.schema_name
                        """)
                    return applied
                }
                return TenantOutcome(tenantID: tenant.id, applied: applied, error: nil)
            } catch {
                return TenantOutcome(tenantID: tenant.id, applied: [], error: "\(error)")
            }
        }
    }
}
