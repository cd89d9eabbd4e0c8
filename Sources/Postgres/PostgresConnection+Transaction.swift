public enum IsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

extension PostgresConnection {
    /// Runs `body` between BEGIN and COMMIT; any error thrown by the body, or by COMMIT, rolls
    /// back and is rethrown. Called inside a transaction, it nests with a savepoint instead (the
    /// isolation level then stays the outer one's).
    @discardableResult
    public func transaction<T>(isolation: IsolationLevel? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        if isInTransaction { return try savepoint(body) }
        try execute(SQL(unsafeSQL: "BEGIN" + (isolation.map { " ISOLATION LEVEL " + $0.rawValue } ?? "")))
        let value: T
        do {
            value = try body(self)
            // COMMIT of an aborted transaction silently rolls back: refuse to report success.
            if isInFailedTransaction { throw Self.abortedTransaction }
            try execute("COMMIT")
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
