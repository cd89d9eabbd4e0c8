import Postgres
import Testing

@Suite struct SQLTests {
    @Test func interpolatedValues_becomeNumberedParameters() {
        let name = "Zoé"
        let age = 7
        let sql: SQL = "SELECT * FROM child WHERE name = \(name) AND age > \(age) AND note IS \(nil as String?)"
        #expect(sql.text == "SELECT * FROM child WHERE name = $1 AND age > $2 AND note IS $3")
        #expect(sql.parameters == ["Zoé", "7", nil])
    }

    @Test func appendedFragments_areRenumberedAfterExistingParameters() {
        var sql: SQL = "SELECT 1 FROM t WHERE a = \(1)"
        sql.append(" AND b = \("x")")
        let filter: SQL = "c = \(true)"
        let combined = sql + " AND \(filter)"
        #expect(combined.text == "SELECT 1 FROM t WHERE a = $1 AND b = $2 AND c = $3")
        #expect(combined.parameters == ["1", "x", "t"])
    }

    @Test(arguments: [
        ("tenant_a", "\"tenant_a\""),
        ("Mixed Case", "\"Mixed Case\""),
        ("evil\"; DROP SCHEMA x; --", "\"evil\"\"; DROP SCHEMA x; --\""),
    ])
    func identifier_isQuotedWithInnerQuotesDoubled(name: String, quoted: String) {
        let sql: SQL = "SET search_path TO \(identifier: name)"
        #expect(sql.text == "SET search_path TO " + quoted)
        #expect(sql.parameters.isEmpty)
    }

    @Test func unsafeSQL_isInsertedVerbatim() {
        let order = "name DESC"
        let sql: SQL = "SELECT * FROM t ORDER BY \(unsafeSQL: order)"
        #expect(sql.text == "SELECT * FROM t ORDER BY name DESC")
        #expect(SQL(unsafeSQL: "SELECT 1").text == "SELECT 1")
    }

    @Test func injectionAttempt_isStoredVerbatimAsData() throws {
        try TestDatabase.withScratchSchema { connection, _ in
            try connection.execute("CREATE TABLE note (body text)")
            let attack = "'); DROP TABLE note; -- \\ \" $1"
            try connection.execute("INSERT INTO note (body) VALUES (\(attack))")
            #expect(try connection.scalar("SELECT body FROM note", as: String.self) == attack)
            #expect(try connection.scalar("SELECT count(*) FROM note WHERE body = \(attack)", as: Int.self) == 1)
        }
    }

    @Test func identifierInterpolation_reachesTheNamedSchema() throws {
        try TestDatabase.withScratchSchema { connection, schema in
            try connection.execute("CREATE TABLE \(identifier: schema).thing (id int)")
            try connection.execute("INSERT INTO \(identifier: schema).thing VALUES (\(1)), (\(2))")
            #expect(try connection.scalar("SELECT count(*) FROM \(identifier: schema).thing", as: Int.self) == 2)
        }
    }

    @Test func parameterWithNulCharacter_isRefusedBeforeSending() throws {
        let connection = try TestDatabase.connect()
        #expect(throws: PostgresError.invalidParameter(index: 1, reason: "contains a NUL character")) {
            try connection.query("SELECT \("a\u{0}b")::text")
        }
    }
}
