public import Foundation
public import PortalCore
public import Postgres

/// Children's photos. A photo is saved when a family asks for it (as the new value of the
/// child's `photo` field, pending validation) and deleted once it is neither a child's current
/// photo nor the value of a pending change.
public enum ChildPhotoStore {
    /// A new, unguessable reference (64 hex digits), drawn before the change request that names it.
    public static func newReference() -> String { SecureToken.generate() }

    public static func insert(reference: String, familyID: Int64, childID: Int64, format: DocumentFormat, bytes: [UInt8], now: Date,
                              in connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO child_photos (reference, family_id, child_id, content_type, bytes, uploaded_at)
            VALUES (\(reference), \(familyID), \(childID), \(format.contentType), \(bytes)::bytea, \(now))
            """)
    }

    /// The photo's type and bytes, only if it belongs to that family.
    public static func content(reference: String, familyID: Int64, in connection: PostgresConnection) throws -> (contentType: String, bytes: [UInt8])? {
        guard SecureToken.isWellFormed(reference), let row = try connection.query("""
            SELECT content_type, bytes FROM child_photos WHERE reference = \(reference) AND family_id = \(familyID)
            """).first else { return nil }
        return (try row.decode("content_type"), try row.decode("bytes"))
    }

    /// Deletes the family's photos that no child shows and no pending change proposes
    /// (refused, withdrawn or replaced ones).
    @discardableResult
    public static func prune(familyID: Int64, in connection: PostgresConnection) throws -> Int {
        try connection.execute("""
            DELETE FROM child_photos p WHERE p.family_id = \(familyID)
              AND NOT EXISTS (SELECT 1 FROM children c WHERE c.id = p.child_id AND c.photo = p.reference AND c.removed_at IS NULL)
              AND NOT EXISTS (SELECT 1 FROM dossier_field_changes fc JOIN dossier_change_requests r ON r.id = fc.request_id
                              WHERE r.family_id = \(familyID) AND r.withdrawn_at IS NULL AND fc.decision = 'pending'
                                AND fc.entity = 'child' AND fc.field_key = 'photo' AND fc.new_value = p.reference)
            """)
    }
}
