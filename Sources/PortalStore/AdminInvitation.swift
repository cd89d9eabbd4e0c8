public import Postgres

/// The one-time link that lets a new town's first administrator create their account.
/// The token is 32 bytes from the system's CSPRNG, sent in the link as base64url; the table
/// keeps only its SHA-256 (see sql/platform/020_admin_invitations.sql).
public enum AdminInvitation {
    /// Path of the link on the town's host, followed by the token.
    public static let linkPath = "/gestion/invitation/"
    public static let validityDays = 7

    public struct Issued: Sendable {
        public let token: String
        public let expiresAt: String
    }

    /// Revokes the town's pending invitation, if any, and issues a new one; nil when the town's
    /// first administrator has already accepted one (a re-run must not open a second door).
    public static func issue(tenantID: String, email: String?, in connection: PostgresConnection) throws -> Issued? {
        let accepted = try connection.query("""
            SELECT 1 FROM platform.admin_invitations WHERE tenant_id = \(tenantID) AND accepted_at IS NOT NULL LIMIT 1
            """)
        guard accepted.isEmpty else { return nil }
        try connection.execute("""
            UPDATE platform.admin_invitations SET revoked_at = now()
            WHERE tenant_id = \(tenantID) AND accepted_at IS NULL AND revoked_at IS NULL
            """)
        let token = newToken()
        let row = try connection.query("""
            INSERT INTO platform.admin_invitations (tenant_id, token_hash, email, expires_at)
            VALUES (\(tenantID), \(hashSQL(token)), \(email), now() + make_interval(days => \(validityDays)))
            RETURNING to_char(expires_at AT TIME ZONE 'Europe/Paris', 'DD/MM/YYYY HH24:MI') AS expires
            """)
        return Issued(token: token, expiresAt: try row[0].decode("expires"))
    }

    /// The SQL expression of a token's stored hash, for whoever looks one up.
    public static func hashSQL(_ token: String) -> SQL {
        "encode(sha256(convert_to(\(token), 'UTF8')), 'hex')"
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64URL(bytes)
    }

    /// RFC 4648 §5 without padding: safe in a URL path as it is.
    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = 0
            for byte in chunk { value = value << 8 | Int(byte) }
            value <<= 8 * (3 - chunk.count)
            for position in 0...chunk.count { output.append(alphabet[(value >> (18 - 6 * position)) & 63]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
