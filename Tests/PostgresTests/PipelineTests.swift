import Postgres
import Testing

@Suite struct PipelineTests {
    private func ids(_ connection: PostgresConnection) throws -> [Int] {
        try connection.query("SELECT id FROM ledger ORDER BY id").map { try $0.decode("id") }
    }

    private let count = PostgresQuery<Int>("SELECT count(*)::int AS n FROM ledger") { try $0[0].decode("n") }

    @Test func answers_comeBackTypedInOrder_andLocalSettingsLastForThePipelineOnly() throws {
        try TestDatabase.withScratchSchema { connection, schema in
            try connection.execute("CREATE TABLE ledger (id int PRIMARY KEY)")
            try connection.execute("INSERT INTO ledger VALUES (1), (2)")
            try connection.execute("SELECT set_config('search_path', 'public', false)")
            let (path, rows, note) = try connection.pipeline(
                localSettings: [("search_path", SQL.quoteIdentifier(schema)), ("portal.note", "x', true); --")],
                PostgresQuery("SHOW search_path") { try $0[0].decode(0, as: String.self) },
                count,
                PostgresQuery("SELECT current_setting(\("portal.note"))") { try $0[0].decode(0, as: String.self) })
            #expect(path.contains(schema))
            #expect(rows == 2)
            #expect(note == "x', true); --")
            #expect(try connection.scalar("SHOW search_path", as: String.self) == "public")
            #expect(!connection.isInTransaction)
        }
    }

    @Test func failingStatement_isThrown_andRollsBackTheWholePipeline() throws {
        try TestDatabase.withScratchSchema { connection, _ in
            try connection.execute("CREATE TABLE ledger (id int PRIMARY KEY)")
            let insert = { (id: Int) in PostgresQuery<Void>("INSERT INTO ledger VALUES (\(id))") { _ in } }
            #expect(throws: PostgresError.self) {
                try connection.pipeline(insert(1), PostgresQuery<Void>("SELECT 1 / 0") { _ in }, insert(2))
            }
            #expect(try ids(connection).isEmpty)
            // The same statements, now prepared, run again on the same connection.
            _ = try connection.pipeline(insert(1), insert(2), count)
            #expect(try ids(connection) == [1, 2])
        }
    }

    @Test func insideATransaction_theStatementsJoinIt() throws {
        try TestDatabase.withScratchSchema { connection, schema in
            try connection.execute("CREATE TABLE ledger (id int PRIMARY KEY)")
            struct Undo: Error {}
            #expect(throws: Undo.self) {
                try connection.transaction { connection in
                    // A statement whose text is built at run time goes unprepared, in the same pipeline.
                    _ = try connection.pipeline(PostgresQuery<Void>("INSERT INTO \(identifier: schema).ledger VALUES (7)") { _ in }, count)
                    #expect(try ids(connection) == [7])
                    throw Undo()
                }
            }
            #expect(try ids(connection).isEmpty)
        }
    }
}
