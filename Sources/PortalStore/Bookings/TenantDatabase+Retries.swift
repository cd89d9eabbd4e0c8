import Postgres

extension TenantDatabase {
    /// A town transaction run again from the start on a serialization failure or a deadlock,
    /// which concurrent confirmations touching the same slots in different orders may cause.
    public func transaction<T>(schema: String, retries: Int, _ body: (PostgresConnection) throws -> T) throws -> T {
        guard Migrator.isValidSchemaName(schema) else { throw TenantDatabaseError.invalidSchemaName(schema) }
        return try pool.transaction(localSettings: [("search_path", SQL.quoteIdentifier(schema) + ", public")], retries: retries, body)
    }
}
