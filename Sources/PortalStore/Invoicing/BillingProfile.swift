public import PortalCore
public import Postgres

/// What invoicing needs of a family's file: the quotient valid on the billed month's last day,
/// residency (any guardian living in the territory), and the name and address printed.
public struct BillingProfile: Sendable, Equatable {
    public let familyID: Int64
    public let name: String
    public let address: [String]
    public let quotient: Int?
    public let residency: Residency

    public static func load(familyID: Int64, on day: LocalDate, in connection: PostgresConnection) throws -> BillingProfile? {
        try all(on: day, familyIDs: [familyID], in: connection).first
    }

    /// Families in `familyIDs` (every family when nil).
    static func all(on day: LocalDate, familyIDs: [Int64]?, in connection: PostgresConnection) throws -> [BillingProfile] {
        try connection.query("""
            SELECT f.id, f.name,
                   CASE WHEN f.quotient_valid_from <= \(day.iso)::date AND \(day.iso)::date <= f.quotient_valid_until
                        THEN f.family_quotient END AS quotient,
                   coalesce((SELECT bool_or(g.resident) FROM guardians g WHERE g.family_id = f.id), false) AS resident,
                   g1.address_line1, g1.address_line2, g1.postcode, g1.city
            FROM families f
            LEFT JOIN LATERAL (SELECT * FROM guardians g WHERE g.family_id = f.id ORDER BY g.id LIMIT 1) g1 ON true
            WHERE (\(familyIDs == nil) OR f.id = ANY(\(familyIDs ?? [])::bigint[]))
            ORDER BY f.name, f.id
            """).map { row in
            let postcodeCity = [try row.decode("postcode", as: String?.self) ?? "", try row.decode("city", as: String?.self) ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " ")
            let address = [try row.decode("address_line1", as: String?.self) ?? "", try row.decode("address_line2", as: String?.self) ?? "", postcodeCity]
                .filter { !$0.isEmpty }
            return BillingProfile(familyID: try row.decode("id"), name: try row.decode("name"), address: address,
                                  quotient: try row.decode("quotient"), residency: try row.decode("resident") ? .resident : .nonResident)
        }
    }
}
