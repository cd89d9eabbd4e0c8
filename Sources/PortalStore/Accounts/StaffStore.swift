public import Foundation
public import PortalCore
public import Postgres

public struct StaffAccount: Sendable, Equatable {
    public let id: Int64
    public let email: String
    public let displayName: String
    public let role: StaffRole
    /// False while the invitation has not been accepted.
    public let hasPassword: Bool
}

/// A town's staff accounts, created by an admin's invitation.
public enum StaffStore {
    private static let columns: SQL = "id, email, display_name, role, password_hash IS NOT NULL AS has_password"

    /// The new account's id, or nil when the address is already a staff member of the town.
    public static func invite(email: EmailAddress, displayName: String, role: StaffRole, now: Date,
                              in connection: PostgresConnection) throws -> Int64? {
        try connection.query("""
            INSERT INTO staff_accounts (email, display_name, role, created_at) VALUES (\(email.value), \(displayName), \(role.rawValue), \(now))
            ON CONFLICT ((lower(email))) DO NOTHING RETURNING id
            """).first?.decode("id")
    }

    public static func authenticate(email: EmailAddress, password: String, in connection: PostgresConnection) throws -> StaffAccount? {
        let rows = try connection.query("""
            SELECT \(columns), \(PasswordHashing.matches(password, column: "password_hash")) AS ok
            FROM staff_accounts WHERE lower(email) = \(email.value) AND disabled_at IS NULL
            """)
        guard let row = rows.first else {
            try PasswordHashing.spendEquivalentTime(password, on: connection)
            return nil
        }
        return try row.decode("ok", as: Bool.self) ? StaffAccount(row: row) : nil
    }

    public static func find(id: Int64, in connection: PostgresConnection) throws -> StaffAccount? {
        try connection.query("SELECT \(columns) FROM staff_accounts WHERE id = \(id) AND disabled_at IS NULL").first.map(StaffAccount.init(row:))
    }

    /// The staff member whose session `token` names, read with the session itself.
    public static func signedIn(token: String) -> PostgresQuery<StaffAccount?> {
        PostgresQuery("""
            SELECT \(columns) FROM staff_accounts WHERE id = \(SessionStore.principalID(token: token, kind: .staff)) AND disabled_at IS NULL
            """) { try $0.first.map(StaffAccount.init(row:)) }
    }

    public static func find(email: EmailAddress, in connection: PostgresConnection) throws -> StaffAccount? {
        try connection.query("SELECT \(columns) FROM staff_accounts WHERE lower(email) = \(email.value)").first.map(StaffAccount.init(row:))
    }

    public static func list(in connection: PostgresConnection) throws -> [StaffAccount] {
        try connection.query("SELECT \(columns) FROM staff_accounts WHERE disabled_at IS NULL ORDER BY display_name, id").map(StaffAccount.init(row:))
    }

    public static func setPassword(id: Int64, password: String, in connection: PostgresConnection) throws {
        try connection.execute("UPDATE staff_accounts SET password_hash = \(PasswordHashing.hash(password)) WHERE id = \(id)")
    }

    public static func passwordMatches(staffID: Int64, password: String, in connection: PostgresConnection) throws -> Bool {
        try connection.query("""
            SELECT \(PasswordHashing.matches(password, column: "password_hash")) AS ok FROM staff_accounts WHERE id = \(staffID)
            """).first?.decode("ok", as: Bool.self) ?? false
    }
}

extension StaffAccount {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        email = try row.decode("email")
        displayName = try row.decode("display_name")
        role = try row.enumValue("role", as: StaffRole.self)
        hasPassword = try row.decode("has_password")
    }
}
