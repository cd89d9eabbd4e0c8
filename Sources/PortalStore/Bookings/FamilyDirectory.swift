public import Postgres

/// Names and addresses the booking pages and e-mails need from the accounts and the dossier.
public enum FamilyDirectory {
    /// Addresses of the accounts subscribed to the family: both guardians are told.
    public static func emails(familyID: Int64, in connection: PostgresConnection) throws -> [String] {
        try connection.query("""
            SELECT a.email FROM subscriptions s JOIN accounts a ON a.id = s.account_id
            WHERE s.family_id = \(familyID) AND a.activated_at IS NOT NULL ORDER BY a.id
            """).map { try $0.decode("email") }
    }

    /// « Léa Martin » by child id.
    public static func childNames(_ ids: [Int64], in connection: PostgresConnection) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int64: String] = [:]
        for row in try connection.query("""
            SELECT id, trim(first_names || ' ' || last_name) AS name FROM children WHERE id = ANY(\(Array(Set(ids)))::bigint[])
            """) {
            names[try row.decode("id")] = try row.decode("name")
        }
        return names
    }

    public static func familyNames(_ ids: [Int64], in connection: PostgresConnection) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int64: String] = [:]
        for row in try connection.query("SELECT id, name FROM families WHERE id = ANY(\(Array(Set(ids)))::bigint[])") {
            names[try row.decode("id")] = try row.decode("name")
        }
        return names
    }
}
