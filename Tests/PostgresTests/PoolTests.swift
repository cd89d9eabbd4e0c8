import Dispatch
import Foundation
import Postgres
import Synchronization
import Testing

@Suite struct PoolTests {
    private func makePool(maxSize: Int, checkoutTimeout: Duration = .seconds(30)) throws -> PostgresPool {
        try PostgresPool(url: TestDatabase.url(), maxSize: maxSize, checkoutTimeout: checkoutTimeout)
    }

    @Test func checkoutBeyondMaxSize_timesOut() throws {
        let pool = try makePool(maxSize: 2, checkoutTimeout: .milliseconds(200))
        try pool.withConnection { _ in
            try pool.withConnection { _ in
                #expect(pool.stats == PostgresPoolStats(maxSize: 2, size: 2, inUse: 2, idle: 0, waiting: 0))
                #expect(throws: PostgresError.poolTimeout) {
                    try pool.withConnection { _ in }
                }
            }
        }
        #expect(pool.stats == PostgresPoolStats(maxSize: 2, size: 2, inUse: 0, idle: 2, waiting: 0))
    }

    @Test func checkoutBeyondMaxSize_waitsForAReturnedConnection() throws {
        let pool = try makePool(maxSize: 1)
        let waiterResult = Mutex<Result<Int, any Error>?>(nil)
        let waiterDone = DispatchSemaphore(value: 0)
        let holderPID = try pool.withConnection { connection in
            let pid = try connection.scalar("SELECT pg_backend_pid()", as: Int.self)
            DispatchQueue.global().async {
                let result = Result { try pool.withConnection { try $0.scalar("SELECT pg_backend_pid()", as: Int.self) } }
                waiterResult.withLock { $0 = result }
                waiterDone.signal()
            }
            #expect(eventually { pool.stats.waiting == 1 })
            #expect(waiterResult.withLock { $0 == nil })
            return pid
        }
        waiterDone.wait()
        #expect(try waiterResult.withLock { try $0?.get() } == holderPID)
        #expect(pool.stats == PostgresPoolStats(maxSize: 1, size: 1, inUse: 0, idle: 1, waiting: 0))
    }

    @Test func connectionReturnedMidTransaction_isRolledBackAndReset() throws {
        let pool = try makePool(maxSize: 1)
        let table = TestDatabase.uniqueName("pool")
        defer { _ = try? pool.withConnection { try $0.execute("DROP TABLE IF EXISTS \(identifier: table)") } }
        try pool.withConnection { try $0.execute("CREATE TABLE \(identifier: table) (id int)") }
        struct Interrupted: Error {}
        let firstPID = try pool.withConnection { try $0.scalar("SELECT pg_backend_pid()", as: Int.self) }
        #expect(throws: Interrupted.self) {
            try pool.withConnection { connection in
                try connection.execute("BEGIN")
                try connection.execute("INSERT INTO \(identifier: table) VALUES (1)")
                try connection.execute("SET statement_timeout = '1234ms'")
                try connection.execute("SET search_path TO pg_catalog")
                throw Interrupted()
            }
        }
        try pool.withConnection { connection throws in
            #expect(try connection.scalar("SELECT pg_backend_pid()", as: Int.self) == firstPID)
            #expect(!connection.isInTransaction)
            #expect(try connection.scalar("SELECT count(*) FROM \(identifier: table)", as: Int.self) == 0)
            #expect(try connection.scalar("SHOW statement_timeout", as: String.self) == "0")
            #expect(try connection.scalar("SHOW search_path", as: String.self) == "\"$user\", public")
            #expect(try connection.scalar("SHOW DateStyle", as: String.self) == "ISO, YMD")
        }
    }

    @Test func sessionSettingsChangedOutsideTransaction_areResetOnReturn() throws {
        let pool = try makePool(maxSize: 1)
        try pool.withConnection { try $0.execute("SELECT set_config('application_name', 'leaked', false)") }
        let name = try pool.withConnection { try $0.scalar("SHOW application_name", as: String.self) }
        #expect(name != "leaked")
    }

    @Test func poolTransaction_commitsOrRollsBack() throws {
        let pool = try makePool(maxSize: 2)
        let table = TestDatabase.uniqueName("pool")
        defer { _ = try? pool.withConnection { try $0.execute("DROP TABLE IF EXISTS \(identifier: table)") } }
        try pool.withConnection { try $0.execute("CREATE TABLE \(identifier: table) (id int PRIMARY KEY)") }
        try pool.transaction { try $0.execute("INSERT INTO \(identifier: table) VALUES (1)") }
        #expect(throws: PostgresError.self) {
            try pool.transaction { connection in
                try connection.execute("INSERT INTO \(identifier: table) VALUES (2)")
                try connection.execute("INSERT INTO \(identifier: table) VALUES (1)")
            }
        }
        let ids = try pool.withConnection { try $0.query("SELECT id FROM \(identifier: table)").map { try $0.decode(0, as: Int.self) } }
        #expect(ids == [1])
    }

    @Test(arguments: ["40001", "40P01"])
    func transactionWithRetries_reRunsAfterSerializationFailureOrDeadlock(sqlState: String) throws {
        let pool = try makePool(maxSize: 1)
        let conflict = PostgresError.server(sqlState: sqlState, message: "conflict", detail: nil, constraint: nil)
        var attempts = 0
        let value = try pool.transaction(isolation: .serializable, retries: 2) { connection in
            attempts += 1
            if attempts < 3 { throw conflict }
            return try connection.scalar("SELECT current_setting('transaction_isolation')", as: String.self)
        }
        #expect(attempts == 3)
        #expect(value == "serializable")

        attempts = 0
        #expect(throws: conflict) {
            try pool.transaction(retries: 1) { _ in
                attempts += 1
                throw conflict
            }
        }
        #expect(attempts == 2)
    }

    @Test func uniqueViolation_isNotRetried() throws {
        let pool = try makePool(maxSize: 1)
        var attempts = 0
        #expect(throws: PostgresError.self) {
            try pool.transaction(retries: 3) { _ in
                attempts += 1
                throw PostgresError.server(sqlState: "23505", message: "duplicate", detail: nil, constraint: nil)
            }
        }
        #expect(attempts == 1)
    }

    @Test func localSettings_holdForTheTransactionOnly_andAreTakenLiterally() throws {
        let pool = try makePool(maxSize: 1)
        let hostile = #"x', true); DROP TABLE pg_class; --\ "quoted""#
        let seen = try pool.transaction(localSettings: [("search_path", "pg_catalog"), ("portal.note", hostile)]) { connection in
            (try connection.scalar("SHOW search_path", as: String.self), try connection.scalar("SELECT current_setting('portal.note')", as: String.self))
        }
        #expect(seen.0 == "pg_catalog")
        #expect(seen.1 == hostile)
        // Nested: a savepoint applies them too, and they still end with the outer transaction.
        let nested = try pool.transaction { connection in
            try connection.transaction(localSettings: [("search_path", "pg_catalog, public")]) { try $0.scalar("SHOW search_path", as: String.self) }
        }
        #expect(nested == "pg_catalog, public")
        try pool.withConnection { connection throws in
            #expect(!connection.isInTransaction)
            #expect(try connection.scalar("SHOW search_path", as: String.self) == "\"$user\", public")
        }
    }

    @Test func failingLocalSetting_rollsBackAndLeavesTheConnectionReusable() throws {
        let pool = try makePool(maxSize: 1)
        var ran = false
        #expect(throws: PostgresError.self) {
            try pool.transaction(localSettings: [("no such setting", "1")]) { _ in ran = true }
        }
        #expect(!ran)
        let pid = try pool.withConnection { connection throws in
            #expect(!connection.isInTransaction)
            return try connection.scalar("SELECT pg_backend_pid()", as: Int.self)
        }
        #expect(try pool.transaction { try $0.scalar("SELECT pg_backend_pid()", as: Int.self) } == pid)
    }

    @Test func sessionLocksAndTemporaryTables_areDiscardedBeforeTheNextUser() throws {
        let pool = try makePool(maxSize: 1)
        let key = Int.random(in: 1...1_000_000_000)
        try pool.transaction { connection in
            _ = try connection.query("SELECT pg_advisory_lock(\(key))")
            try connection.execute("CREATE TEMP TABLE leaked (id int)")
        }
        try pool.withConnection { connection throws in
            #expect(try connection.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = \(key)", as: Int.self) == 0)
            #expect(try connection.scalar("SELECT count(*) FROM pg_class WHERE relname = 'leaked' AND relpersistence = 't'", as: Int.self) == 0)
        }
    }

    @Test func closedPool_refusesCheckouts() throws {
        let pool = try makePool(maxSize: 1)
        try pool.withConnection { _ in }
        pool.close()
        #expect(pool.stats.size == 0)
        #expect(throws: PostgresError.poolClosed) { try pool.withConnection { _ in } }
    }
}

/// Polls a condition that another thread will make true, giving up after a generous bound
/// so a broken pool fails the test instead of hanging it.
func eventually(_ condition: () -> Bool) -> Bool {
    for _ in 0..<10_000 {
        if condition() { return true }
        usleep(1_000)
    }
    return condition()
}
