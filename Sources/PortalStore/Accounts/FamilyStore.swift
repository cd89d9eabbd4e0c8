public import Foundation
import PortalCore
public import Postgres

/// A family file as far as accounts need it: its name and its code abonné.
public struct FamilySummary: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let subscriberCode: String
}

/// Family files and Mes abonnements (which accounts may act on which family).
public enum FamilyStore {
    /// Codes are typed by hand: spaces dropped, upper-cased.
    public static func normalisedCode(_ text: String) -> String {
        String(text.uppercased().filter { !$0.isWhitespace })
    }

    @discardableResult
    public static func create(name: String, subscriberCode: String, in connection: PostgresConnection) throws -> Int64 {
        try connection.query("""
            INSERT INTO families (name, subscriber_code) VALUES (\(name), \(normalisedCode(subscriberCode))) RETURNING id
            """)[0].decode("id")
    }

    /// Codes are printed with a dash; a parent may type them in any case, with or without it.
    public static func find(subscriberCode: String, in connection: PostgresConnection) throws -> FamilySummary? {
        try connection.query("""
            SELECT id, name, subscriber_code FROM families
            WHERE replace(subscriber_code, '-', '') = \(String(SubscriberCode.compact(subscriberCode)))
            """).first.map(FamilySummary.init(row:))
    }

    /// Links the account to the family at once; false when it already was.
    @discardableResult
    public static func subscribe(accountID: Int64, familyID: Int64, now: Date, in connection: PostgresConnection) throws -> Bool {
        try connection.execute("""
            INSERT INTO subscriptions (account_id, family_id, created_at) VALUES (\(accountID), \(familyID), \(now))
            ON CONFLICT DO NOTHING
            """) == 1
    }

    public static func subscriptions(accountID: Int64, in connection: PostgresConnection) throws -> [FamilySummary] {
        try connection.fetch(subscriptions(accountID: accountID))
    }

    public static func subscriptions(accountID: Int64) -> PostgresQuery<[FamilySummary]> {
        PostgresQuery("""
            SELECT f.id, f.name, f.subscriber_code FROM subscriptions s JOIN families f ON f.id = s.family_id
            WHERE s.account_id = \(accountID) ORDER BY s.created_at, f.id
            """) { try $0.map(FamilySummary.init(row:)) }
    }

    public static func isSubscribed(accountID: Int64, familyID: Int64, in connection: PostgresConnection) throws -> Bool {
        try !connection.query("SELECT 1 FROM subscriptions WHERE account_id = \(accountID) AND family_id = \(familyID)").isEmpty
    }
}

extension FamilySummary {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        name = try row.decode("name")
        subscriberCode = try row.decode("subscriber_code")
    }
}
