import Foundation
import Testing
import Postgres
import PortalCore
@testable import PortalStore

@Suite struct TenantIsolationTests {
    @Test func sameIdsInTwoTowns_eachTransactionSeesOnlyItsOwnRows_onOnePooledConnection() throws {
        // One connection, so A, B and A again share it: nothing may carry over between them.
        let pool = try PostgresPool(url: TestDatabase.url, maxSize: 1)
        let database = TenantDatabase(pool: pool)
        let a = try TestDatabase.migratedTenantSchema("iso_a", pool: pool)
        let b = try TestDatabase.migratedTenantSchema("iso_b", pool: pool)
        defer { TestDatabase.drop(a, pool: pool); TestDatabase.drop(b, pool: pool) }
        let day = LocalDate(year: 2026, month: 1, day: 5)!
        for (schema, title) in [(a, "Nouvelles de A"), (b, "Nouvelles de B")] {
            try database.transaction(schema: schema) { connection in
                _ = try connection.execute("""
                    INSERT INTO news_items (id, title, body, published_on) VALUES (7, \(title), 'x', \(day.iso)::date)
                    """)
            }
        }

        for (schema, expected) in [(a, "Nouvelles de A"), (b, "Nouvelles de B"), (a, "Nouvelles de A")] {
            let titles = try database.transaction(schema: schema) { try NewsStore.latest(limit: 10, today: ParisTime.localDate(of: Date()), in: $0) }.map(\.title)
            #expect(titles == [expected])
        }
    }

    @Test func searchPath_isNotLeftOnThePooledConnection_afterATownTransaction() throws {
        let pool = try PostgresPool(url: TestDatabase.url, maxSize: 1)
        let database = TenantDatabase(pool: pool)
        let a = try TestDatabase.migratedTenantSchema("path", pool: pool)
        defer { TestDatabase.drop(a, pool: pool) }
        let inside: String = try database.transaction(schema: a) { try $0.query("SHOW search_path")[0].decode(0) }
        let after: String = try pool.withConnection { try $0.query("SHOW search_path")[0].decode(0) }
        #expect(inside.contains(a))
        #expect(after == "\"$user\", public")
    }

    @Test func writeInOneTown_neverLandsInAnother() throws {
        let pool = try PostgresPool(url: TestDatabase.url, maxSize: 2)
        let database = TenantDatabase(pool: pool)
        let a = try TestDatabase.migratedTenantSchema("write_a", pool: pool)
        let b = try TestDatabase.migratedTenantSchema("write_b", pool: pool)
        defer { TestDatabase.drop(a, pool: pool); TestDatabase.drop(b, pool: pool) }
        try database.transaction(schema: a) {
            try NewsStore.insert(title: "Seulement A", body: "x", publishedOn: LocalDate(year: 2026, month: 1, day: 5)!, in: $0)
        }
        let countA: Int = try pool.withConnection { try $0.query("SELECT count(*)::int FROM \(identifier: a).news_items")[0].decode(0) }
        let countB: Int = try pool.withConnection { try $0.query("SELECT count(*)::int FROM \(identifier: b).news_items")[0].decode(0) }
        #expect(countA == 1)
        #expect(countB == 0)
    }

    @Test func aThrownErrorInsideATownTransaction_leavesNothingWritten() throws {
        struct Boom: Error {}
        let pool = try PostgresPool(url: TestDatabase.url, maxSize: 1)
        let database = TenantDatabase(pool: pool)
        let a = try TestDatabase.migratedTenantSchema("rollback", pool: pool)
        defer { TestDatabase.drop(a, pool: pool) }
        #expect(throws: Boom.self) {
            try database.transaction(schema: a) { connection in
                try NewsStore.insert(title: "Perdu", body: "x", publishedOn: LocalDate(year: 2026, month: 1, day: 5)!, in: connection)
                throw Boom()
            }
        }
        let count = try database.transaction(schema: a) { try NewsStore.latest(limit: 10, today: ParisTime.localDate(of: Date()), in: $0) }.count
        #expect(count == 0)
    }

    @Test(arguments: ["", "Public", "1abc", "a-b", "a;drop", String(repeating: "a", count: 64)])
    func invalidSchemaName_isRefusedBeforeAnyQuery(schema: String) throws {
        let pool = try PostgresPool(url: TestDatabase.url, maxSize: 1)
        #expect(throws: TenantDatabaseError.invalidSchemaName(schema)) {
            try TenantDatabase(pool: pool).transaction(schema: schema) { _ in }
        }
    }
}
