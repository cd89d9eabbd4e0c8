public enum IsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

extension PostgresConnection {
    /// Whether the transaction under way has written: PostgreSQL gives a transaction its id on
    /// its first write (or row lock), and never to one that only reads.
    private static var hasWritten: PostgresQuery<Bool> {
        PostgresQuery("SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote") { try $0[0].decode("wrote") }
    }

    /// Runs `body` between BEGIN and COMMIT; any error thrown by the body, or by COMMIT, rolls
    /// back and is rethrown. Called inside a transaction, it nests with a savepoint instead (the
    /// isolation level then stays the outer one's). `localSettings` are set with
    /// `set_config(name, value, true)`, so they end with the transaction; at the start of a
    /// transaction they travel with BEGIN in one round trip, as literals escaped by libpq.
    /// `reportingWrites` is told, once committed, whether the transaction wrote (asked in the
    /// COMMIT's round trip); nested, whether the enclosing transaction has written so far.
    @discardableResult
    public func transaction<T>(isolation: IsolationLevel? = nil, localSettings: [(name: String, value: String)] = [],
                               reportingWrites: ((Bool) -> Void)? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        if isInTransaction {
            let value = try savepoint { connection in
                for setting in localSettings {
                    _ = try connection.query("SELECT set_config(\(setting.name), \(setting.value), true)")
                }
                return try body(connection)
            }
            if let reportingWrites { reportingWrites(try fetch(Self.hasWritten)) }
            return value
        }
        let value: T
        do {
            var begin = "BEGIN" + (isolation.map { " ISOLATION LEVEL " + $0.rawValue } ?? "")
            if !localSettings.isEmpty {
                let calls = try localSettings.map { "set_config(\(try quoteLiteral($0.name)), \(try quoteLiteral($0.value)), true)" }
                begin += "; SELECT " + calls.joined(separator: ", ")
            }
            try executeScript(begin)
            value = try body(self)
            // COMMIT of an aborted transaction silently rolls back: refuse to report success.
            if isInFailedTransaction { throw Self.abortedTransaction }
            if let reportingWrites {
                let (wrote, _) = try pipeline(Self.hasWritten, PostgresQuery("COMMIT") { _ in })
                reportingWrites(wrote)
            } else {
                try execute("COMMIT")
            }
        } catch {
            try? executeScript("ROLLBACK")
            throw error
        }
        return value
    }

    private func savepoint<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        savepointCount += 1
        let name = SQL.quoteIdentifier("nested_\(savepointCount)")
        try execute("SAVEPOINT \(unsafeSQL: name)")
        do {
            let value = try body(self)
            if isInFailedTransaction { throw Self.abortedTransaction }
            try execute("RELEASE SAVEPOINT \(unsafeSQL: name)")
            return value
        } catch {
            try? executeScript("ROLLBACK TO SAVEPOINT \(name); RELEASE SAVEPOINT \(name)")
            throw error
        }
    }

    private static var abortedTransaction: PostgresError {
        .server(
            sqlState: "25P02",
            message: "a statement failed in this transaction and its error was not rethrown",
            detail: nil,
            constraint: nil
        )
    }
}
