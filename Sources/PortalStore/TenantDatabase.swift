import Postgres

/// Every query made for a town runs inside a transaction bound to that town's schema.
/// `set_config(..., true)` is transaction-local, so a pooled connection carries nothing
/// from one town's request to the next.
public final class TenantDatabase: Sendable {
    public let pool: PostgresPool

    public init(pool: PostgresPool) {
        self.pool = pool
    }

    public func transaction<T>(schema: String, _ body: (PostgresConnection) throws -> T) throws -> T {
        try transaction(schema: schema, retries: 0, body)
    }

    /// Shared tables only (`platform.*`); no town's schema is on the path.
    public func platformTransaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.transaction(localSettings: [("search_path", "platform, public")], body)
    }

    public func isReachable() -> Bool {
        (try? pool.withConnection { try $0.query("SELECT 1") }) != nil
    }
}

public enum TenantDatabaseError: Error, Equatable {
    case invalidSchemaName(String)
}
