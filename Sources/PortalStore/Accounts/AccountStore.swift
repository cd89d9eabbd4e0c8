public import Foundation
public import PortalCore
public import Postgres

public struct Account: Sendable, Equatable {
    public let id: Int64
    public let email: String
    public let lastName: String
    public let firstNames: String
    public let createdAt: Date
    public let activatedAt: Date?

    public var displayName: String { "\(firstNames) \(lastName)" }
    public var isActivated: Bool { activatedAt != nil }
}

/// Family login accounts of the town whose schema the transaction is bound to.
public enum AccountStore {
    private static let columns: SQL = "id, email, last_name, first_names, created_at, activated_at"

    /// The new account's id, or nil when the address already has an account.
    public static func create(email: EmailAddress, password: String, lastName: String, firstNames: String,
                              now: Date, in connection: PostgresConnection) throws -> Int64? {
        let rows = try connection.query("""
            INSERT INTO accounts (email, password_hash, last_name, first_names, created_at, terms_accepted_at)
            VALUES (\(email.value), \(PasswordHashing.hash(password)), \(lastName), \(firstNames), \(now), \(now))
            ON CONFLICT ((lower(email))) DO NOTHING
            RETURNING id
            """)
        return try rows.first?.decode("id", as: Int64.self)
    }

    public static func find(email: EmailAddress, in connection: PostgresConnection) throws -> Account? {
        try connection.query("SELECT \(columns) FROM accounts WHERE lower(email) = \(email.value)").first.map(Account.init(row:))
    }

    public static func find(id: Int64, in connection: PostgresConnection) throws -> Account? {
        try connection.query("SELECT \(columns) FROM accounts WHERE id = \(id)").first.map(Account.init(row:))
    }

    /// The account whose session `token` names, read with the session itself.
    public static func signedIn(token: String) -> PostgresQuery<Account?> {
        PostgresQuery("SELECT \(columns) FROM accounts WHERE id = \(SessionStore.principalID(token: token, kind: .family))") {
            try $0.first.map(Account.init(row:))
        }
    }

    /// The account when the password is right (activated or not: the caller tells which);
    /// an unknown address costs the same time as a wrong password.
    public static func authenticate(email: EmailAddress, password: String, in connection: PostgresConnection) throws -> Account? {
        let rows = try connection.query("""
            SELECT \(columns), \(PasswordHashing.matches(password, column: "password_hash")) AS ok
            FROM accounts WHERE lower(email) = \(email.value)
            """)
        guard let row = rows.first else {
            try PasswordHashing.spendEquivalentTime(password, on: connection)
            return nil
        }
        return try row.decode("ok", as: Bool.self) ? Account(row: row) : nil
    }

    public static func passwordMatches(accountID: Int64, password: String, in connection: PostgresConnection) throws -> Bool {
        try connection.query("""
            SELECT \(PasswordHashing.matches(password, column: "password_hash")) AS ok FROM accounts WHERE id = \(accountID)
            """).first?.decode("ok", as: Bool.self) ?? false
    }

    public static func activate(id: Int64, now: Date, in connection: PostgresConnection) throws {
        try connection.execute("UPDATE accounts SET activated_at = coalesce(activated_at, \(now)) WHERE id = \(id)")
    }

    public static func setPassword(id: Int64, password: String, in connection: PostgresConnection) throws {
        try connection.execute("UPDATE accounts SET password_hash = \(PasswordHashing.hash(password)) WHERE id = \(id)")
    }

    /// False when another account already uses the address.
    public static func setEmail(id: Int64, email: EmailAddress, in connection: PostgresConnection) throws -> Bool {
        do {
            return try connection.transaction { try $0.execute("UPDATE accounts SET email = \(email.value) WHERE id = \(id)") } == 1
        } catch let error as PostgresError where error.isUniqueViolation {
            return false
        }
    }

    public static func updateIdentity(id: Int64, lastName: String, firstNames: String, in connection: PostgresConnection) throws {
        try connection.execute("UPDATE accounts SET last_name = \(lastName), first_names = \(firstNames) WHERE id = \(id)")
    }
}

extension Account {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        email = try row.decode("email")
        lastName = try row.decode("last_name")
        firstNames = try row.decode("first_names")
        createdAt = try row.decode("created_at")
        activatedAt = try row.decode("activated_at")
    }
}
