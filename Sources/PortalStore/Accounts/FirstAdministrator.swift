public import Foundation
public import PortalCore
public import Postgres

/// Accepting the one-time link `portal tenant create` gives a new town's first administrator
/// (`platform.admin_invitations`, see `AdminInvitation`): it creates an admin staff account.
public enum FirstAdministrator {
    /// The invitation's e-mail (possibly nil) when the link is usable now for this town.
    public static func pending(tenantID: String, token: String, now: Date, in connection: PostgresConnection) throws -> String?? {
        guard isWellFormed(token) else { return nil }
        return try connection.query("""
            SELECT email FROM platform.admin_invitations
            WHERE tenant_id = \(tenantID) AND token_hash = \(AdminInvitation.hashSQL(token))
              AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > \(now)
            """).first.map { try $0.decode("email", as: String?.self) }
    }

    public enum Outcome: Equatable {
        case created(Int64)
        case invalidLink
        case emailTaken
    }

    /// Uses the link (once, atomically) and creates the admin account in the same transaction.
    public static func accept(tenantID: String, token: String, email: EmailAddress, displayName: String, password: String,
                              now: Date, in connection: PostgresConnection) throws -> Outcome {
        guard isWellFormed(token), try !connection.query("""
            UPDATE platform.admin_invitations SET accepted_at = \(now)
            WHERE tenant_id = \(tenantID) AND token_hash = \(AdminInvitation.hashSQL(token))
              AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > \(now)
            RETURNING id
            """).isEmpty else { return .invalidLink }
        guard let id = try StaffStore.invite(email: email, displayName: displayName, role: .admin, now: now, in: connection) else {
            return .emailTaken
        }
        try StaffStore.setPassword(id: id, password: password, in: connection)
        return .created(id)
    }

    /// 32 bytes in base64url without padding: 43 characters of its alphabet.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
        }
    }
}
