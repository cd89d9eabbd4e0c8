import Postgres

extension TenantDatabase {
    /// A town transaction run again from the start on a serialization failure or a deadlock,
    /// which concurrent confirmations touching the same slots in different orders may cause.
    /// Once it ends, committed or not, the town counts as changed here at once (`TownChanges`);
    /// while this process listens for changes, it also tells the others itself, after the
    /// commit, in place of the triggers (`TownChanges.announce`).
    public func transaction<T>(schema: String, retries: Int, _ body: (PostgresConnection) throws -> T) throws -> T {
        guard Migrator.isValidSchemaName(schema) else { throw TenantDatabaseError.invalidSchemaName(schema) }
        var settings = [("search_path", SQL.quoteIdentifier(schema) + ", public")]
        let announces = changes.isListening
        if announces { settings.append((TownChanges.announcedSetting, "on")) }
        defer { changes.bump(schema: schema) }
        return try pool.transaction(localSettings: settings, retries: retries,
                                    afterCommit: announces ? { TownChanges.announce(schema: schema, on: $0) } : nil, body)
    }
}
