public import Foundation
import PortalCore
public import Postgres

/// The family's private calendar feed: a secret URL token, stored only as its SHA-256, one per
/// family; issuing a new one revokes the old.
public enum CalendarFeedStore {
    public static func issue(familyID: Int64, now: Date, in connection: PostgresConnection) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let token = (0..<4).map { _ in hex(generator.next()) }.joined()
        try connection.execute("""
            INSERT INTO calendar_feeds (family_id, token_hash, created_at)
            VALUES (\(familyID), encode(sha256(convert_to(\(token), 'UTF8')), 'hex'), \(now))
            ON CONFLICT (family_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at
            """)
        return token
    }

    public static func revoke(familyID: Int64, in connection: PostgresConnection) throws {
        try connection.execute("DELETE FROM calendar_feeds WHERE family_id = \(familyID)")
    }

    /// When the family's current link was made; nil when it has none.
    public static func createdAt(familyID: Int64, in connection: PostgresConnection) throws -> Date? {
        try connection.fetch(createdAt(familyID: familyID))
    }

    public static func createdAt(familyID: Int64) -> PostgresQuery<Date?> {
        PostgresQuery("SELECT created_at FROM calendar_feeds WHERE family_id = \(familyID)") { try $0.first.map { try $0.decode("created_at") } }
    }

    public static func familyID(token: String, in connection: PostgresConnection) throws -> Int64? {
        guard token.utf8.count == 64, token.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        return try connection.query("""
            SELECT family_id FROM calendar_feeds WHERE token_hash = encode(sha256(convert_to(\(token), 'UTF8')), 'hex')
            """).first.map { try $0.decode("family_id") }
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
