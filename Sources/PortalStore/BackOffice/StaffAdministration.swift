public import Foundation
public import PortalCore
public import Postgres

/// A staff account as the admin's team page lists it, deactivated ones included.
public struct StaffMember: Sendable, Equatable {
    public let account: StaffAccount
    public let createdAt: Date
    public let disabledAt: Date?
}

public enum StaffAdministrationError: Error, Equatable {
    /// The change would leave the town without an active administrator.
    case lastAdministrator
    case unknownStaff
}

/// What a town's administrator does to the team besides inviting: change a role, deactivate
/// (sessions end at once), reactivate. The town always keeps one active administrator.
public enum StaffAdministration {
    public static func members(in connection: PostgresConnection) throws -> [StaffMember] {
        try connection.query("""
            SELECT id, email, display_name, role, password_hash IS NOT NULL AS has_password, created_at, disabled_at
            FROM staff_accounts ORDER BY disabled_at IS NOT NULL, display_name, id
            """).map { row in
            StaffMember(account: try StaffAccount(row: row), createdAt: try row.decode("created_at"), disabledAt: try row.decode("disabled_at"))
        }
    }

    /// Locks the team so two admins demoting each other cannot both succeed.
    private static func lockTeam(in connection: PostgresConnection) throws {
        _ = try connection.query("SELECT id FROM staff_accounts ORDER BY id FOR UPDATE")
    }

    private static func otherActiveAdmins(than id: Int64, in connection: PostgresConnection) throws -> Int {
        try connection.query("""
            SELECT count(*)::int AS n FROM staff_accounts WHERE role = 'admin' AND disabled_at IS NULL AND id <> \(id)
            """)[0].decode("n")
    }

    /// The previous role.
    public static func setRole(id: Int64, role: StaffRole, in connection: PostgresConnection) throws -> StaffRole {
        try lockTeam(in: connection)
        guard let current = try StaffStore.find(id: id, in: connection) else { throw StaffAdministrationError.unknownStaff }
        if current.role == .admin, role != .admin, try otherActiveAdmins(than: id, in: connection) == 0 {
            throw StaffAdministrationError.lastAdministrator
        }
        try connection.execute("UPDATE staff_accounts SET role = \(role.rawValue) WHERE id = \(id)")
        return current.role
    }

    public static func deactivate(id: Int64, now: Date, in connection: PostgresConnection) throws {
        try lockTeam(in: connection)
        guard let current = try StaffStore.find(id: id, in: connection) else { throw StaffAdministrationError.unknownStaff }
        if current.role == .admin, try otherActiveAdmins(than: id, in: connection) == 0 { throw StaffAdministrationError.lastAdministrator }
        try connection.execute("UPDATE staff_accounts SET disabled_at = \(now) WHERE id = \(id)")
        try SessionStore.deleteAll(kind: .staff, principalID: id, in: connection)
    }

    public static func reactivate(id: Int64, in connection: PostgresConnection) throws {
        guard try connection.execute("UPDATE staff_accounts SET disabled_at = NULL WHERE id = \(id) AND disabled_at IS NOT NULL") == 1 else {
            throw StaffAdministrationError.unknownStaff
        }
    }
}
