public import Foundation
public import PortalCore
public import Postgres

/// A signed-in session as read back from its cookie.
public struct StoredSession: Sendable, Equatable {
    public let kind: PrincipalKind
    public let principalID: Int64
    public let csrfToken: String
    public let createdAt: Date
    public let lastSeenAt: Date
}

/// One of an account's live sessions, as its owner sees it in « Mes connexions ».
public struct ActiveSession: Sendable, Equatable {
    public let createdAt: Date
    public let lastSeenAt: Date
    public let ip: String
    /// The session of the browser asking.
    public let isCurrent: Bool
}

/// Town sessions (families and staff). The cookie carries a random token; the table holds its
/// SHA-256, so reading the table gives no way in.
public enum SessionStore {
    /// A new session; returns the cookie token and the session's CSRF token.
    public static func create(kind: PrincipalKind, principalID: Int64, ip: String, now: Date,
                              lifetime: SessionLifetime = .standard, in connection: PostgresConnection) throws -> (token: String, csrf: String) {
        let token = SecureToken.generate(), csrf = SecureToken.generate()
        try connection.execute("""
            INSERT INTO sessions (token_hash, principal_kind, principal_id, csrf_token, created_at, last_seen_at, expires_at, ip)
            VALUES (\(TokenHash.sql(token)), \(kind.rawValue), \(principalID), \(csrf), \(now), \(now),
                    \(now.addingTimeInterval(lifetime.absolute)), \(ip))
            """)
        return (token, csrf)
    }

    /// The session behind `token` (a well-formed one: `SecureToken.isWellFormed`), to be read
    /// with the request's other first reads; `upkeep` then says what is left to write.
    public static func session(token: String) -> PostgresQuery<StoredSession?> {
        PostgresQuery("""
            SELECT principal_kind, principal_id, csrf_token, created_at, last_seen_at
            FROM sessions WHERE token_hash = \(TokenHash.sql(token))
            """) { try $0.first.map(StoredSession.init(row:)) }
    }

    /// What a session read at the start of a request still needs written.
    public enum Upkeep: Sendable, Equatable {
        case none
        /// Its last-seen time moves to now: once a minute at most, not once per request.
        case touch
        /// Expired: it is deleted and the request goes on signed out.
        case delete
    }

    public static func upkeep(_ session: StoredSession, now: Date, lifetime: SessionLifetime = .standard) -> Upkeep {
        guard lifetime.isAlive(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now) else { return .delete }
        return now.timeIntervalSince(session.lastSeenAt) >= 60 ? .touch : .none
    }

    public static func apply(_ upkeep: Upkeep, token: String, now: Date, in connection: PostgresConnection) throws {
        switch upkeep {
        case .none: break
        case .touch: try connection.execute("UPDATE sessions SET last_seen_at = \(now) WHERE token_hash = \(TokenHash.sql(token))")
        case .delete: try delete(token: token, in: connection)
        }
    }

    /// A subquery: the id of the principal of that kind signed in with `token`, NULL for none.
    static func principalID(token: String, kind: PrincipalKind) -> SQL {
        "(SELECT principal_id FROM sessions WHERE token_hash = \(TokenHash.sql(token)) AND principal_kind = \(kind.rawValue))"
    }

    public static func delete(token: String, in connection: PostgresConnection) throws {
        try connection.execute("DELETE FROM sessions WHERE token_hash = \(TokenHash.sql(token))")
    }

    /// Ends every session of an account (password changed or reset), except `keeping` if given.
    @discardableResult
    public static func deleteAll(kind: PrincipalKind, principalID: Int64, keeping token: String? = nil,
                                 in connection: PostgresConnection) throws -> Int {
        try connection.execute("""
            DELETE FROM sessions WHERE principal_kind = \(kind.rawValue) AND principal_id = \(principalID)
            AND token_hash <> coalesce(\(token.map { TokenHash.sql($0) } ?? "NULL"), '')
            """)
    }

    /// The account's sessions still alive at `now`, the most recently used first.
    public static func active(kind: PrincipalKind, principalID: Int64, current token: String?, now: Date,
                              lifetime: SessionLifetime = .standard, in connection: PostgresConnection) throws -> [ActiveSession] {
        try connection.query("""
            SELECT created_at, last_seen_at, ip, token_hash = coalesce(\(token.map { TokenHash.sql($0) } ?? "NULL"), '') AS current
            FROM sessions WHERE principal_kind = \(kind.rawValue) AND principal_id = \(principalID)
            ORDER BY last_seen_at DESC, created_at DESC
            """).map { row in
            ActiveSession(createdAt: try row.decode("created_at"), lastSeenAt: try row.decode("last_seen_at"), ip: try row.decode("ip"),
                          isCurrent: try row.decode("current"))
        }.filter { lifetime.isAlive(createdAt: $0.createdAt, lastSeenAt: $0.lastSeenAt, now: now) }
    }

    public static func count(kind: PrincipalKind, principalID: Int64, in connection: PostgresConnection) throws -> Int {
        try connection.query("""
            SELECT count(*)::int AS n FROM sessions WHERE principal_kind = \(kind.rawValue) AND principal_id = \(principalID)
            """)[0].decode("n")
    }
}

extension StoredSession {
    init(row: PostgresRow) throws {
        kind = try row.enumValue("principal_kind", as: PrincipalKind.self)
        principalID = try row.decode("principal_id")
        csrfToken = try row.decode("csrf_token")
        createdAt = try row.decode("created_at")
        lastSeenAt = try row.decode("last_seen_at")
    }
}
