public import Foundation
public import Postgres

/// One time a staff member was shown health data.
public struct HealthAccess: Sendable, Equatable {
    public let staffID: Int64
    public let staffName: String
    public let familyID: Int64
    public let childID: Int64?
    public let purpose: String
    public let ip: String
    public let viewedAt: Date

    public init(staffID: Int64, staffName: String, familyID: Int64, childID: Int64?, purpose: String, ip: String, viewedAt: Date) {
        self.staffID = staffID
        self.staffName = staffName
        self.familyID = familyID
        self.childID = childID
        self.purpose = purpose
        self.ip = ip
        self.viewedAt = viewedAt
    }
}

/// The log of every staff view of a health sheet, written in the transaction that reads it.
public enum HealthAccessLog {
    public static func record(_ access: HealthAccess, in connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO health_access_log (staff_id, staff_name, family_id, child_id, purpose, ip, viewed_at)
            VALUES (\(access.staffID), \(access.staffName), \(access.familyID), \(access.childID), \(access.purpose), \(access.ip), \(access.viewedAt))
            """)
    }

    public static func list(familyID: Int64, limit: Int = 200, in connection: PostgresConnection) throws -> [HealthAccess] {
        try connection.query("""
            SELECT staff_id, staff_name, family_id, child_id, purpose, ip, viewed_at FROM health_access_log
            WHERE family_id = \(familyID) ORDER BY viewed_at DESC, id DESC LIMIT \(limit)
            """).map { row in
            HealthAccess(staffID: try row.decode("staff_id"), staffName: try row.decode("staff_name"), familyID: try row.decode("family_id"),
                         childID: try row.decode("child_id"), purpose: try row.decode("purpose"), ip: try row.decode("ip"),
                         viewedAt: try row.decode("viewed_at"))
        }
    }
}
