public import Postgres

extension TenantDatabase {
    /// A town transaction run again from the start on a serialization failure or a deadlock,
    /// which concurrent confirmations touching the same slots in different orders may cause.
    /// While this process listens for changes (`TownChanges`), a transaction that wrote counts
    /// as a change of the town here at once, and tells the other processes itself after its
    /// commit, in place of the triggers (`TownChanges.announce`); one that only read changes
    /// nothing, so reading pages keeps the town's reused pages.
    public func transaction<T>(schema: String, retries: Int, _ body: (PostgresConnection) throws -> T) throws -> T {
        var settings = try Self.townSettings(schema)
        guard changes.isListening else { return try pool.transaction(localSettings: settings, retries: retries, body) }
        settings.append((TownChanges.announcedSetting, "on"))
        var wrote = false
        defer { if wrote { changes.bump(schema: schema) } }
        return try pool.transaction(localSettings: settings, retries: retries, afterCommit: { connection, didWrite in
            wrote = didWrite
            if didWrite { TownChanges.announce(schema: schema, on: connection) }
        }, body)
    }
}
