import Foundation
import Postgres
import Testing

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
}

/// The shared test database, named by `PORTAL_TEST_DATABASE_URL`. Each test works in its own
/// randomly named schema, so tests run in parallel without seeing each other.
enum TestDatabase {
    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["PORTAL_TEST_DATABASE_URL"], !url.isEmpty else {
            throw TestSetupError(description: """
                PORTAL_TEST_DATABASE_URL is not set: the Postgres tests need a database, e.g. \
                PORTAL_TEST_DATABASE_URL=postgresql://portal@127.0.0.1:54320/portal_test_pg (make test sets it)
                """)
        }
        return url
    }

    static func connect() throws -> PostgresConnection {
        try PostgresConnection(url: url())
    }

    static func uniqueName(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    }

    /// Runs `body` on a fresh connection whose search_path is a new schema, dropped afterwards.
    static func withScratchSchema<T>(_ body: (PostgresConnection, String) throws -> T) throws -> T {
        let connection = try connect()
        let schema = uniqueName("t")
        try connection.execute("CREATE SCHEMA \(identifier: schema)")
        defer { _ = try? connection.execute("DROP SCHEMA \(identifier: schema) CASCADE") }
        try connection.execute("SELECT set_config('search_path', \(schema), false)")
        return try body(connection, schema)
    }

    static func dropSchema(_ schema: String) {
        guard let connection = try? connect() else { return }
        _ = try? connection.execute("DROP SCHEMA IF EXISTS \(identifier: schema) CASCADE")
    }
}

extension PostgresConnection {
    /// The single value of a one-row, one-column query.
    func scalar<T: PostgresDecodable>(_ sql: SQL, as type: T.Type = T.self) throws -> T {
        let rows = try query(sql)
        guard rows.count == 1 else { throw TestSetupError(description: "expected one row, got \(rows.count)") }
        return try rows[0].decode(0, as: type)
    }
}
