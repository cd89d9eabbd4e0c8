import Postgres
import Testing

@Suite struct TransactionTests {
    struct BodyFailed: Error, Equatable {}

    private func withLedger(_ body: (PostgresConnection) throws -> Void) throws {
        try TestDatabase.withScratchSchema { connection, _ in
            try connection.execute("CREATE TABLE ledger (id int PRIMARY KEY)")
            try body(connection)
        }
    }

    private func ids(_ connection: PostgresConnection) throws -> [Int] {
        try connection.query("SELECT id FROM ledger ORDER BY id").map { try $0.decode("id") }
    }

    @Test func successfulBody_commitsAndReturnsItsValue() throws {
        try withLedger { connection throws in
            let value = try connection.transaction { connection in
                try connection.execute("INSERT INTO ledger VALUES (1)")
                return "done"
            }
            #expect(value == "done")
            #expect(try ids(connection) == [1])
            #expect(!connection.isInTransaction)
        }
    }

    @Test func swiftErrorInBody_rollsBackAndIsRethrown() throws {
        try withLedger { connection throws in
            #expect(throws: BodyFailed()) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO ledger VALUES (1)")
                    throw BodyFailed()
                }
            }
            #expect(try ids(connection).isEmpty)
            #expect(!connection.isInTransaction)
        }
    }

    @Test func sqlErrorInBody_rollsBackEarlierStatements() throws {
        try withLedger { connection throws in
            let error = #expect(throws: PostgresError.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO ledger VALUES (1)")
                    try connection.execute("INSERT INTO ledger VALUES (1)")
                }
            }
            #expect(error?.isUniqueViolation == true)
            #expect(try ids(connection).isEmpty)
            #expect(!connection.isInTransaction)
        }
    }

    @Test func swallowedSQLError_stillRefusesToCommit() throws {
        try withLedger { connection throws in
            let error = #expect(throws: PostgresError.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO ledger VALUES (1)")
                    _ = try? connection.execute("INSERT INTO ledger VALUES (1)")
                }
            }
            #expect(error?.sqlState == "25P02")
            #expect(try ids(connection).isEmpty)
        }
    }

    @Test func failingCommit_rollsBackAndThrows() throws {
        try withLedger { connection throws in
            try connection.execute("""
                CREATE TABLE pairing (a int UNIQUE DEFERRABLE INITIALLY DEFERRED)
                """)
            let error = #expect(throws: PostgresError.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO ledger VALUES (1)")
                    try connection.execute("INSERT INTO pairing VALUES (1), (1)")
                }
            }
            #expect(error?.isUniqueViolation == true)
            #expect(try ids(connection).isEmpty)
            #expect(!connection.isInTransaction)
        }
    }

    @Test func reportingWrites_tellsAReadFromAWrite_onceCommitted() throws {
        try withLedger { connection throws in
            var reports: [Bool] = []
            try connection.transaction(reportingWrites: { reports.append($0) }) { try $0.query("SELECT id FROM ledger") }
            try connection.transaction(reportingWrites: { reports.append($0) }) { try $0.execute("INSERT INTO ledger VALUES (1)") }
            try connection.transaction { outer in
                try outer.transaction(reportingWrites: { reports.append($0) }) { try $0.query("SELECT id FROM ledger") }
                try outer.execute("INSERT INTO ledger VALUES (2)")
                try outer.transaction(reportingWrites: { reports.append($0) }) { try $0.query("SELECT id FROM ledger") }
            }
            _ = try? connection.transaction(reportingWrites: { reports.append($0) }) { connection -> Void in
                try connection.execute("INSERT INTO ledger VALUES (3)")
                throw BodyFailed()
            }
            #expect(reports == [false, true, false, true])
            #expect(try ids(connection) == [1, 2])
        }
    }

    @Test func nestedTransaction_rollsBackOnlyToItsSavepoint() throws {
        try withLedger { connection throws in
            try connection.transaction { connection in
                try connection.execute("INSERT INTO ledger VALUES (1)")
                #expect(throws: BodyFailed()) {
                    try connection.transaction { connection in
                        try connection.execute("INSERT INTO ledger VALUES (2)")
                        throw BodyFailed()
                    }
                }
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO ledger VALUES (3)")
                }
            }
            #expect(try ids(connection) == [1, 3])
        }
    }
}
