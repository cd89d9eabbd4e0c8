public import Postgres

/// Every query made for a town runs inside a transaction bound to that town's schema.
/// `set_config(..., true)` is transaction-local, so a pooled connection carries nothing
/// from one town's request to the next.
public final class TenantDatabase: Sendable {
    public let pool: PostgresPool
    /// Which towns' data changed, for the pages reused until it does (`TownChanges`).
    public let changes = TownChanges()

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

    /// Reads sent together in one round trip, run as one implicit transaction bound to the
    /// town's schema (`PostgresConnection.pipeline`): for a request's reads that lock nothing
    /// and write nothing.
    public func read<each Value>(schema: String, _ queries: repeat PostgresQuery<each Value>) throws -> (repeat each Value) {
        let settings = try Self.townSettings(schema)
        return try pool.withConnection { try $0.pipeline(localSettings: settings, repeat each queries) }
    }

    /// What binds a transaction to a town: its schema first on the search path.
    static func townSettings(_ schema: String) throws -> [(name: String, value: String)] {
        guard Migrator.isValidSchemaName(schema) else { throw TenantDatabaseError.invalidSchemaName(schema) }
        return [("search_path", SQL.quoteIdentifier(schema) + ", public")]
    }

    public func isReachable() -> Bool {
        (try? pool.withConnection { try $0.query("SELECT 1") }) != nil
    }
}

public enum TenantDatabaseError: Error, Equatable {
    case invalidSchemaName(String)
}
