import Foundation
import Testing
import Postgres
@testable import PortalStore

/// How the serving process learns that a town's data changed (`TownChanges`, tenant/097).
@Suite(.serialized) struct TownChangeTests {
    /// A pool whose connections are named, so a test can find its own listener's backend.
    private func namedPool() throws -> (PostgresPool, String) {
        let name = "town-changes-\(UInt32.random(in: 0...UInt32.max))"
        var configuration = try PostgresConfiguration(url: TestDatabase.url)
        configuration.parameters.append((keyword: "application_name", value: name))
        return (PostgresPool(configuration: configuration, maxSize: 2), name)
    }

    private func waitFor(_ condition: () throws -> Bool) rethrows -> Bool {
        for _ in 0..<3000 {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return try condition()
    }

    private func listening(_ database: TenantDatabase) throws -> ChangeListener {
        let listener = ChangeListener(database: database)
        listener.start()
        try #require(waitFor { database.changes.isListening })
        return listener
    }

    @Test func everyTownTable_notifiesItsChanges() throws {
        let pool = try PostgresPool(url: TestDatabase.url, maxSize: 1)
        let schema = try TestDatabase.migratedTenantSchema("changes", pool: pool)
        defer { TestDatabase.drop(schema, pool: pool) }
        let missing: [String] = try pool.withConnection { connection in
            try connection.query("""
                SELECT t.tablename FROM pg_tables t WHERE t.schemaname = \(schema) AND NOT EXISTS (
                    SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = t.schemaname AND c.relname = t.tablename AND g.tgname = 'town_change')
                ORDER BY 1
                """).map { try $0.decode(0) }
        }
        #expect(missing == [], "a table added by a migration needs its town_change trigger (see tenant/097)")
    }

    /// Two towns on a listening database; `drop` removes them and stops listening.
    private func listeningTowns() throws -> (database: TenantDatabase, a: String, b: String, drop: () -> Void) {
        let (pool, _) = try namedPool()
        let database = TenantDatabase(pool: pool)
        let a = try TestDatabase.migratedTenantSchema("town_a", pool: pool)
        let b = try TestDatabase.migratedTenantSchema("town_b", pool: pool)
        let listener = try listening(database)
        return (database, a, b, { listener.stop(); TestDatabase.drop(a, pool: pool); TestDatabase.drop(b, pool: pool) })
    }

    @Test func aWriteByAnotherProcess_changesOnlyItsTownsStamp() throws {
        let (database, a, b, drop) = try listeningTowns()
        defer { drop() }
        let (beforeA, beforeB) = (database.changes.stamp(schema: a), database.changes.stamp(schema: b))
        // As psql or a `portal` command would: a plain connection of its own.
        let other = try PostgresConnection(url: TestDatabase.url)
        defer { other.close() }
        try other.executeScript("INSERT INTO \(SQL.quoteIdentifier(a)).news_items (title, body, published_on) VALUES ('Fête', 'x', '2026-01-05')")
        #expect(waitFor { database.changes.stamp(schema: a) != beforeA })
        #expect(database.changes.stamp(schema: b) == beforeB)
    }

    private static let newsInsert: SQL = "INSERT INTO news_items (title, body, published_on) VALUES ('Fête', 'x', '2026-01-05')"

    /// A connection of its own listening on `town_changes`, as another process would.
    private func listeningConnection() throws -> PostgresConnection {
        let connection = try PostgresConnection(url: TestDatabase.url)
        try connection.listen(TownChanges.channel)
        return connection
    }

    /// The notifications about `a` or `b` that `watcher` hears until `b`'s first: notifications
    /// arrive in commit order, so whatever was sent about `a` before `b` changed is in.
    private func heard(_ watcher: PostgresConnection, about a: String, until b: String) throws -> [String] {
        var payloads: [String] = []
        _ = try waitFor {
            payloads += try watcher.notifications(waitingUpTo: .milliseconds(10)).map(\.payload)
            return payloads.contains(b)
        }
        return payloads.filter { $0 == a || $0 == b }
    }

    @Test func aTransactionOfAListeningProcess_changesItsStampAtOnce_andIsAnnouncedOnceAfterItsCommit() throws {
        let (database, a, b, drop) = try listeningTowns()
        defer { drop() }
        let watcher = try listeningConnection()
        defer { watcher.close() }
        let before = database.changes.stamp(schema: a)
        try database.transaction(schema: a) { _ = try $0.execute(Self.newsInsert) }
        #expect(database.changes.stamp(schema: a) != before)
        // Its trigger's notification would have come first, then the announcement.
        try TenantDatabase(pool: database.pool).transaction(schema: b) { _ = try $0.execute(Self.newsInsert) }
        #expect(try heard(watcher, about: a, until: b) == [a, b])
    }

    @Test func aTransactionThatOnlyRead_changesNothing_andIsNotAnnounced() throws {
        let (database, a, b, drop) = try listeningTowns()
        defer { drop() }
        let watcher = try listeningConnection()
        defer { watcher.close() }
        let before = database.changes.stamp(schema: a)
        let titles = try database.transaction(schema: a) { try $0.query("SELECT title FROM news_items").count }
        #expect(titles == 0)
        #expect(database.changes.stamp(schema: a) == before)
        try database.transaction(schema: b) { _ = try $0.execute(Self.newsInsert) }
        #expect(try heard(watcher, about: a, until: b) == [b])
    }

    @Test func aTransactionOfOneServingProcess_reachesAnother() throws {
        let (pool, _) = try namedPool()
        let (otherPool, _) = try namedPool()
        let first = TenantDatabase(pool: pool), second = TenantDatabase(pool: otherPool)
        let schema = try TestDatabase.migratedTenantSchema("instances", pool: pool)
        defer { TestDatabase.drop(schema, pool: pool) }
        let listeners = [try listening(first), try listening(second)]
        defer { listeners.forEach { $0.stop() } }
        let before = second.changes.stamp(schema: schema)
        try first.transaction(schema: schema) { connection in
            _ = try connection.execute("INSERT INTO news_items (title, body, published_on) VALUES ('Fête', 'x', '2026-01-05')")
        }
        #expect(waitFor { second.changes.stamp(schema: schema) != before })
    }

    @Test func aListenerCutOff_stopsEveryReuse_untilItListensAgain() throws {
        let (pool, name) = try namedPool()
        let database = TenantDatabase(pool: pool)
        let listener = try listening(database)
        defer { listener.stop() }
        let before = try #require(database.changes.stamp(schema: "t_any"))
        let cut: Int = try pool.withConnection { connection in
            try connection.query("""
                SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE application_name = \(name) AND query LIKE 'LISTEN%'
                """)[0].decode(0)
        }
        try #require(cut == 1)
        #expect(waitFor { !database.changes.isListening })
        #expect(database.changes.stamp(schema: "t_any") == nil)
        #expect(waitFor { database.changes.isListening })
        #expect(database.changes.stamp(schema: "t_any") != before)
    }
}
