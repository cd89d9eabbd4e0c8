/// Everything the `Postgres` module throws. Server errors keep the SQLSTATE so callers branch on
/// the condition (a unique violation is a business answer, a deadlock is worth a retry) rather
/// than on message text, which the server may translate.
public enum PostgresError: Error, Sendable, Equatable {
    /// Could not connect, or the connection broke while in use (server restart, network).
    case connectionFailed(String)
    /// The server refused a statement.
    case server(sqlState: String, message: String, detail: String?, constraint: String?)
    /// A column value could not be read as the requested Swift type.
    case decoding(column: String, type: String, value: String)
    /// `PostgresRow.decode` was asked for a column the result does not have.
    case columnNotFound(String)
    /// A bound parameter cannot be sent (text parameters cannot carry a NUL character).
    case invalidParameter(index: Int, reason: String)
    /// The connection URL is not a `postgresql://` URL libpq would understand.
    case invalidURL(String)
    /// No pooled connection became free within the checkout timeout.
    case poolTimeout
    /// The pool was shut down.
    case poolClosed

    public var sqlState: String? {
        if case .server(let sqlState, _, _, _) = self { return sqlState }
        return nil
    }

    public var isUniqueViolation: Bool { sqlState == "23505" }
    public var isCheckViolation: Bool { sqlState == "23514" }
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    public var isNotNullViolation: Bool { sqlState == "23502" }
    public var isSerializationFailure: Bool { sqlState == "40001" }
    public var isDeadlock: Bool { sqlState == "40P01" }

    public var isConnectionFailure: Bool {
        if case .connectionFailed = self { return true }
        return false
    }
}

extension PostgresError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .connectionFailed(let message):
            "PostgreSQL connection failed: \(message)"
        case .server(let sqlState, let message, let detail, let constraint):
            "PostgreSQL error \(sqlState): \(message)"
                + (detail.map { " (\($0))" } ?? "")
                + (constraint.map { " [constraint \($0)]" } ?? "")
        case .decoding(let column, let type, let value):
            "cannot decode column \(column) as \(type) from \(value.prefix(80).debugDescription)"
        case .columnNotFound(let name):
            "no column named \(name) in the result"
        case .invalidParameter(let index, let reason):
            "parameter $\(index): \(reason)"
        case .invalidURL(let reason):
            "invalid PostgreSQL URL: \(reason)"
        case .poolTimeout:
            "no PostgreSQL connection became available in time"
        case .poolClosed:
            "the PostgreSQL pool is closed"
        }
    }
}
