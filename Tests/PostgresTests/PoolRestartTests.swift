import Postgres
import Testing

@Suite struct PoolRestartTests {
    @Test func pool_recoversByItselfAfterPostgreSQLRestart() throws {
        let cluster = try ThrowawayCluster()
        defer { cluster.destroy() }
        let pool = try PostgresPool(url: cluster.url, maxSize: 2)

        // Two connections opened before the restart: one held through it, one left idle.
        let pidsBefore = try pool.withConnection { held in
            try [held.scalar("SELECT pg_backend_pid()", as: Int.self),
                 pool.withConnection { try $0.scalar("SELECT pg_backend_pid()", as: Int.self) }]
        }
        #expect(pool.stats.idle == 2)

        try pool.withConnection { held in
            try cluster.restart()
            let error = #expect(throws: PostgresError.self) { try held.query("SELECT 1") }
            #expect(error?.isConnectionFailure == true)
        }
        #expect(pool.stats.size == 1, "the broken connection is discarded on return")

        // The idle connection is stale too: it is noticed at checkout and replaced.
        let pidAfter = try pool.withConnection { try $0.scalar("SELECT pg_backend_pid()", as: Int.self) }
        #expect(!pidsBefore.contains(pidAfter))
        #expect(pool.stats == PostgresPoolStats(maxSize: 2, size: 1, inUse: 0, idle: 1, waiting: 0))
        #expect(try pool.transaction { try $0.scalar("SELECT 40 + 2", as: Int.self) } == 42)
    }
}
