public import Foundation
import PortalCore
public import Postgres

/// Who did it, for the audit log: a staff member's id and name as they were at the time.
public struct StaffActor: Sendable, Equatable {
    public let id: Int64
    public let name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}

public struct StaffAuditEntry: Sendable, Equatable {
    public let id: Int64
    public let staffID: Int64
    public let staffName: String
    public let action: String
    public let target: String
    public let detail: String
    public let ip: String
    public let at: Date
}

/// Every staff action, written in the transaction of the action itself, read by the town's
/// administrators. Actions are dotted codes (`queue.dossier.accepted`, `attendance.mark`).
public enum StaffAudit {
    public static func record(_ actor: StaffActor, action: String, target: String = "", detail: String = "", ip: String = "",
                              now: Date, in connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO staff_audit (staff_id, staff_name, action, target, detail, ip, at)
            VALUES (\(actor.id), \(String(actor.name.prefix(150))), \(action), \(String(target.prefix(300))),
                    \(String(detail.prefix(2000))), \(ip), \(now))
            """)
    }

    /// Newest first; `staffID` narrows to one person.
    public static func list(staffID: Int64? = nil, limit: Int = 200, in connection: PostgresConnection) throws -> [StaffAuditEntry] {
        try connection.query("""
            SELECT id, staff_id, staff_name, action, target, detail, ip, at FROM staff_audit
            WHERE \(staffID)::bigint IS NULL OR staff_id = \(staffID)
            ORDER BY at DESC, id DESC LIMIT \(limit)
            """).map { row in
            StaffAuditEntry(id: try row.decode("id"), staffID: try row.decode("staff_id"), staffName: try row.decode("staff_name"),
                            action: try row.decode("action"), target: try row.decode("target"), detail: try row.decode("detail"),
                            ip: try row.decode("ip"), at: try row.decode("at"))
        }
    }
}
