import Postgres
import Testing

@Suite struct ErrorMappingTests {
    private func withFamilyTables(_ body: (PostgresConnection) throws -> Void) throws {
        try TestDatabase.withScratchSchema { connection, _ in
            try connection.executeScript("""
                CREATE TABLE family (id int PRIMARY KEY, email text NOT NULL CONSTRAINT family_email_key UNIQUE);
                CREATE TABLE child (
                    id int PRIMARY KEY,
                    family_id int NOT NULL CONSTRAINT child_family_fkey REFERENCES family,
                    age int NOT NULL CONSTRAINT child_age_check CHECK (age >= 0)
                );
                INSERT INTO family VALUES (1, 'a@example.org');
                """)
            try body(connection)
        }
    }

    @Test func duplicateKey_isUniqueViolationWithConstraintAndDetail() throws {
        try withFamilyTables { connection throws in
            let error = #expect(throws: PostgresError.self) {
                try connection.execute("INSERT INTO family VALUES (\(2), \("a@example.org"))")
            }
            #expect(error?.isUniqueViolation == true)
            #expect(error?.sqlState == "23505")
            guard case .server(_, let message, let detail, let constraint) = error else {
                Issue.record("expected a server error, got \(String(describing: error))")
                return
            }
            #expect(constraint == "family_email_key")
            #expect(message.contains("family_email_key"))
            #expect(detail == "Key (email)=(a@example.org) already exists.")
        }
    }

    @Test func failedCheck_isCheckViolation() throws {
        try withFamilyTables { connection throws in
            let error = #expect(throws: PostgresError.self) {
                try connection.execute("INSERT INTO child VALUES (\(1), \(1), \(-3))")
            }
            #expect(error?.isCheckViolation == true)
            #expect(error?.isUniqueViolation == false)
            if case .server(_, _, _, let constraint) = error { #expect(constraint == "child_age_check") }
        }
    }

    @Test func missingParent_isForeignKeyViolation() throws {
        try withFamilyTables { connection throws in
            let error = #expect(throws: PostgresError.self) {
                try connection.execute("INSERT INTO child VALUES (\(1), \(99), \(4))")
            }
            #expect(error?.isForeignKeyViolation == true)
            if case .server(_, _, _, let constraint) = error { #expect(constraint == "child_family_fkey") }
        }
    }

    @Test func syntaxError_keepsItsSQLState() throws {
        let connection = try TestDatabase.connect()
        let error = #expect(throws: PostgresError.self) { try connection.execute("SELEC 1") }
        #expect(error?.sqlState == "42601")
        #expect(connection.isHealthy)
    }

    @Test func execute_returnsAffectedRowCount() throws {
        try withFamilyTables { connection throws in
            #expect(try connection.execute("INSERT INTO family VALUES (2, 'b@example.org'), (3, 'c@example.org')") == 2)
            #expect(try connection.execute("UPDATE family SET email = email || '.fr' WHERE id >= \(2)") == 2)
            #expect(try connection.execute("CREATE TABLE nothing (id int)") == 0)
        }
    }
}
