public import Postgres

/// Where to write to a family: the addresses of the accounts subscribed to its file.
public enum FamilyRecipients {
    public static func emails(familyID: Int64, in connection: PostgresConnection) throws -> [String] {
        try connection.query("""
            SELECT a.email FROM subscriptions s JOIN accounts a ON a.id = s.account_id WHERE s.family_id = \(familyID) ORDER BY a.id
            """).map { try $0.decode("email") }
    }
}
