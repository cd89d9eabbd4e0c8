public import Foundation
public import Postgres

/// The audit trail of a town: sign-ins, failures, lockouts, password and e-mail changes,
/// each with the client address and the time.
public enum SecurityEventKind: String, Sendable, CaseIterable {
    case signIn = "sign_in"
    case signInFailure = "sign_in_failure"
    case lockout
    case signOut = "sign_out"
    case passwordChange = "password_change"
    case passwordReset = "password_reset"
    case emailChange = "email_change"
    case activation
    case staffInvitation = "staff_invitation"
    /// The owner closed the account's other sessions from « Mes connexions ».
    case otherSessionsEnded = "other_sessions_ended"
}

public struct SecurityEvent: Sendable, Equatable {
    public let kind: String
    public let principalKind: String?
    public let principalID: Int64?
    public let email: String
    public let ip: String
    public let detail: String
    public let createdAt: Date
}

public enum SecurityEvents {
    public static func record(_ kind: SecurityEventKind, principal: (PrincipalKind, Int64)? = nil, email: String = "",
                              ip: String, detail: String = "", now: Date, in connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO security_events (kind, principal_kind, principal_id, email, ip, detail, created_at)
            VALUES (\(kind.rawValue), \(principal?.0.rawValue as String?), \(principal?.1 as Int64?), \(email), \(ip), \(detail), \(now))
            """)
    }

    public static func recent(limit: Int, in connection: PostgresConnection) throws -> [SecurityEvent] {
        try connection.query("""
            SELECT kind, principal_kind, principal_id, email, ip, detail, created_at FROM security_events
            ORDER BY created_at DESC, id DESC LIMIT \(limit)
            """).map { row in
            SecurityEvent(kind: try row.decode("kind"), principalKind: try row.decode("principal_kind"), principalID: try row.decode("principal_id"),
                          email: try row.decode("email"), ip: try row.decode("ip"), detail: try row.decode("detail"), createdAt: try row.decode("created_at"))
        }
    }
}
