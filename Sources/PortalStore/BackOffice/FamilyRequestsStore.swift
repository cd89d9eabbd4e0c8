import Foundation
public import Postgres

/// « Mes demandes » seen from the family file: the requests filed for the family or by any
/// account subscribed to it, newest first.
public enum FamilyRequestsStore {
    public static func list(familyID: Int64, limit: Int = 50, in connection: PostgresConnection) throws -> [FamilyRequest] {
        try connection.query("""
            SELECT r.id, r.kind, r.kind_label, r.status, r.summary, r.created_at, r.updated_at FROM requests r
            WHERE r.family_id = \(familyID) OR r.account_id IN (SELECT account_id FROM subscriptions WHERE family_id = \(familyID))
            ORDER BY r.created_at DESC, r.id DESC LIMIT \(limit)
            """).map(FamilyRequest.init(row:))
    }
}
