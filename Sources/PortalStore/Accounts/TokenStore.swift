public import Foundation
public import PortalCore
public import Postgres

public struct AccountToken: Sendable, Equatable {
    public let purpose: TokenPurpose
    public let kind: PrincipalKind
    public let principalID: Int64
    public let newEmail: String?
}

/// Single-use links sent by e-mail (activation, reset, e-mail change, staff invitation).
public enum TokenStore {
    /// A new token; earlier unused ones of the same purpose for the same account stop working,
    /// so only the latest e-mail's link is valid.
    public static func issue(_ purpose: TokenPurpose, kind: PrincipalKind, principalID: Int64, newEmail: String? = nil,
                             now: Date, in connection: PostgresConnection) throws -> String {
        try connection.execute("""
            UPDATE account_tokens SET used_at = \(now)
            WHERE principal_kind = \(kind.rawValue) AND principal_id = \(principalID) AND purpose = \(purpose.rawValue) AND used_at IS NULL
            """)
        let token = SecureToken.generate()
        try connection.execute("""
            INSERT INTO account_tokens (token_hash, purpose, principal_kind, principal_id, new_email, created_at, expires_at)
            VALUES (\(TokenHash.sql(token)), \(purpose.rawValue), \(kind.rawValue), \(principalID), \(newEmail), \(now), \(purpose.expiry(issuedAt: now)))
            """)
        return token
    }

    /// The token's content if it is usable now, without using it (to show the page it opens).
    public static func peek(_ token: String, purpose: TokenPurpose, now: Date, in connection: PostgresConnection) throws -> AccountToken? {
        guard SecureToken.isWellFormed(token) else { return nil }
        return try connection.query("""
            SELECT principal_kind, principal_id, new_email FROM account_tokens
            WHERE token_hash = \(TokenHash.sql(token)) AND purpose = \(purpose.rawValue) AND used_at IS NULL AND expires_at > \(now)
            """).first.map { try AccountToken(row: $0, purpose: purpose) }
    }

    /// Uses the token: it works once, atomically, even under concurrent requests.
    public static func consume(_ token: String, purpose: TokenPurpose, now: Date, in connection: PostgresConnection) throws -> AccountToken? {
        guard SecureToken.isWellFormed(token) else { return nil }
        return try connection.query("""
            UPDATE account_tokens SET used_at = \(now)
            WHERE token_hash = \(TokenHash.sql(token)) AND purpose = \(purpose.rawValue) AND used_at IS NULL AND expires_at > \(now)
            RETURNING principal_kind, principal_id, new_email
            """).first.map { try AccountToken(row: $0, purpose: purpose) }
    }
}

extension AccountToken {
    init(row: PostgresRow, purpose: TokenPurpose) throws {
        self.purpose = purpose
        kind = try row.enumValue("principal_kind", as: PrincipalKind.self)
        principalID = try row.decode("principal_id")
        newEmail = try row.decode("new_email")
    }
}
