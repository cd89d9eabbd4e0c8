public import Foundation
public import PortalCore
public import Postgres

public struct Operator: Sendable, Equatable {
    public let id: Int64
    public let email: String
    public let displayName: String
}

public struct OperatorSession: Sendable, Equatable {
    public let operatorID: Int64
    public let csrfToken: String
}

/// Platform-wide operator accounts and their sessions (`platform.*`), used only on the operator host.
public enum OperatorStore {
    /// Creates the operator or, when the address exists, sets its name and password.
    @discardableResult
    public static func upsert(email: EmailAddress, displayName: String, password: String, in connection: PostgresConnection) throws -> Int64 {
        try connection.query("""
            INSERT INTO platform.operators (email, display_name, password_hash)
            VALUES (\(email.value), \(displayName), \(PasswordHashing.hash(password)))
            ON CONFLICT ((lower(email))) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash
            RETURNING id
            """)[0].decode("id")
    }

    public static func authenticate(email: EmailAddress, password: String, in connection: PostgresConnection) throws -> Operator? {
        let rows = try connection.query("""
            SELECT id, email, display_name, \(PasswordHashing.matches(password, column: "password_hash")) AS ok
            FROM platform.operators WHERE lower(email) = \(email.value) AND disabled_at IS NULL
            """)
        guard let row = rows.first else {
            try PasswordHashing.spendEquivalentTime(password, on: connection)
            return nil
        }
        return try row.decode("ok", as: Bool.self) ? Operator(row: row) : nil
    }

    public static func find(id: Int64, in connection: PostgresConnection) throws -> Operator? {
        try connection.query("SELECT id, email, display_name FROM platform.operators WHERE id = \(id) AND disabled_at IS NULL")
            .first.map(Operator.init(row:))
    }

    public static func createSession(operatorID: Int64, ip: String, now: Date, lifetime: SessionLifetime = .standard,
                                     in connection: PostgresConnection) throws -> (token: String, csrf: String) {
        let token = SecureToken.generate(), csrf = SecureToken.generate()
        try connection.execute("""
            INSERT INTO platform.operator_sessions (token_hash, operator_id, csrf_token, created_at, last_seen_at, expires_at, ip)
            VALUES (\(TokenHash.sql(token)), \(operatorID), \(csrf), \(now), \(now), \(now.addingTimeInterval(lifetime.absolute)), \(ip))
            """)
        return (token, csrf)
    }

    public static func resolveSession(token: String, now: Date, lifetime: SessionLifetime = .standard,
                                      in connection: PostgresConnection) throws -> OperatorSession? {
        guard SecureToken.isWellFormed(token), let row = try connection.query("""
            SELECT operator_id, csrf_token, created_at, last_seen_at FROM platform.operator_sessions WHERE token_hash = \(TokenHash.sql(token))
            """).first else { return nil }
        let createdAt: Date = try row.decode("created_at"), lastSeenAt: Date = try row.decode("last_seen_at")
        guard lifetime.isAlive(createdAt: createdAt, lastSeenAt: lastSeenAt, now: now) else {
            try deleteSession(token: token, in: connection)
            return nil
        }
        if now.timeIntervalSince(lastSeenAt) >= 60 {
            try connection.execute("UPDATE platform.operator_sessions SET last_seen_at = \(now) WHERE token_hash = \(TokenHash.sql(token))")
        }
        return OperatorSession(operatorID: try row.decode("operator_id"), csrfToken: try row.decode("csrf_token"))
    }

    public static func deleteSession(token: String, in connection: PostgresConnection) throws {
        try connection.execute("DELETE FROM platform.operator_sessions WHERE token_hash = \(TokenHash.sql(token))")
    }
}

extension Operator {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        email = try row.decode("email")
        displayName = try row.decode("display_name")
    }
}
