public import Foundation
public import PortalCore
public import Postgres

/// A line of the staff's family search.
public struct FamilySearchHit: Sendable, Equatable {
    public let familyID: Int64
    public let name: String
    public let subscriberCode: String
    /// Guardians' and children's names, to tell homonyms apart.
    public let members: String
    public let isAnonymised: Bool
}

extension DossierStore {
    /// A new family file with its first guardian and a fresh code abonné (drawn again in the
    /// unlikely case it is taken).
    public static func createFamily(name: String, firstGuardian: Guardian, now: Date,
                                    in connection: PostgresConnection) throws -> Family {
        for _ in 0..<5 {
            let code = SubscriberCode.generate()
            guard let id: Int64 = try connection.query("""
                INSERT INTO families (name, subscriber_code, created_at) VALUES (\(name), \(code.value), \(now))
                ON CONFLICT (subscriber_code) DO NOTHING RETURNING id
                """).first?.decode("id") else { continue }
            let empty = Family(familyID: id, name: name, subscriberCode: code.value)
            var withGuardian = empty
            withGuardian.guardians = [firstGuardian]
            return try save(withGuardian, previous: empty, in: connection)
        }
        throw StoreError.corruptValue(column: "subscriber_code", value: "no free code after 5 draws")
    }

    /// Families whose name, guardian, child or code abonné matches, best first. The code is
    /// compared without separators, however it was typed.
    public static func search(_ text: String, limit: Int = 50, in connection: PostgresConnection) throws -> [FamilySearchHit] {
        let words = text.split(whereSeparator: \.isWhitespace).prefix(5).map { String($0) }
        guard !words.isEmpty else { return [] }
        let code = String(SubscriberCode.compact(text))
        var wordMatch: SQL = "true"
        for word in words {
            let pattern = "%" + word.replacing("\\", with: "\\\\").replacing("%", with: "\\%").replacing("_", with: "\\_") + "%"
            wordMatch.append(" AND (f.name ILIKE \(pattern) OR EXISTS (SELECT 1 FROM guardians g WHERE g.family_id = f.id AND (g.last_name ILIKE \(pattern) OR g.first_names ILIKE \(pattern))) OR EXISTS (SELECT 1 FROM children c WHERE c.family_id = f.id AND c.removed_at IS NULL AND (c.last_name ILIKE \(pattern) OR c.first_names ILIKE \(pattern))))")
        }
        return try connection.query("""
            SELECT f.id, f.name, f.subscriber_code, f.anonymised_at IS NOT NULL AS anonymised,
                   coalesce((SELECT string_agg(first_names || ' ' || last_name, ', ' ORDER BY id) FROM guardians WHERE family_id = f.id), '') AS guardians,
                   coalesce((SELECT string_agg(first_names, ', ' ORDER BY id) FROM children WHERE family_id = f.id AND removed_at IS NULL), '') AS children
            FROM families f
            WHERE replace(f.subscriber_code, '-', '') = \(code) OR (\(wordMatch))
            ORDER BY (replace(f.subscriber_code, '-', '') = \(code)) DESC, f.name, f.id LIMIT \(limit)
            """).map { row in
            let guardians: String = try row.decode("guardians")
            let children: String = try row.decode("children")
            return FamilySearchHit(familyID: try row.decode("id"), name: try row.decode("name"), subscriberCode: try row.decode("subscriber_code"),
                                   members: [guardians, children.isEmpty ? "" : "enfants : \(children)"].filter { !$0.isEmpty }.joined(separator: " ; "),
                                   isAnonymised: try row.decode("anonymised"))
        }
    }

    /// Staff-only values: the quotient familial and residency.
    public static func setFiscal(_ fiscal: FiscalData?, familyID: Int64, in connection: PostgresConnection) throws {
        guard var dossier = try load(familyID: familyID, lock: true, in: connection) else { return }
        let previous = dossier
        dossier.fiscal = fiscal
        try save(dossier, previous: previous, in: connection)
    }

    public static func setResidency(_ resident: Bool, guardianID: Int64, familyID: Int64, in connection: PostgresConnection) throws -> Bool {
        try connection.execute("UPDATE guardians SET resident = \(resident) WHERE id = \(guardianID) AND family_id = \(familyID)") == 1
    }

    public static func isAnonymised(familyID: Int64, in connection: PostgresConnection) throws -> Bool {
        try connection.query("SELECT anonymised_at IS NOT NULL AS done FROM families WHERE id = \(familyID)").first?.decode("done") ?? false
    }

    /// RGPD erasure: the file reduced to what invoices need (see `DossierAnonymisation`), the
    /// accounts unlinked, change requests and their history removed. Health views stay logged.
    public static func anonymise(familyID: Int64, now: Date, in connection: PostgresConnection) throws -> Bool {
        guard let dossier = try load(familyID: familyID, lock: true, in: connection) else { return false }
        let erased = DossierAnonymisation.anonymise(dossier, replacementCode: SubscriberCode.generate())
        try save(erased, previous: dossier, in: connection)
        try connection.execute("DELETE FROM child_health WHERE child_id IN (SELECT id FROM children WHERE family_id = \(familyID))")
        try connection.execute("DELETE FROM child_photos WHERE family_id = \(familyID)")
        try connection.execute("DELETE FROM dossier_change_requests WHERE family_id = \(familyID)")
        try connection.execute("DELETE FROM requests WHERE family_id = \(familyID)")
        try connection.execute("DELETE FROM subscriptions WHERE family_id = \(familyID)")
        try connection.execute("UPDATE families SET anonymised_at = \(now) WHERE id = \(familyID)")
        return true
    }
}
