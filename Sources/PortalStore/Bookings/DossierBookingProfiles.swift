import PortalCore
public import Postgres

/// Family profiles read from the dossier's tables: the quotient staff recorded, resident when
/// any guardian lives on the territory, and the children whose birth date is known (a child
/// without one cannot be judged on age, so cannot be booked until the file is completed).
public struct DossierBookingProfiles: BookingProfiles {
    public init() {}

    public func profile(familyID: Int64, in connection: PostgresConnection) throws -> BookingProfile? {
        try connection.fetch(profile(familyID: familyID))
    }

    /// The family's row with one line per bookable child (one line with no child when it has none).
    public func profile(familyID: Int64) -> PostgresQuery<BookingProfile?> {
        PostgresQuery("""
            SELECT f.family_quotient, f.quotient_valid_from::text AS valid_from, f.quotient_valid_until::text AS valid_until,
                   EXISTS (SELECT 1 FROM guardians g WHERE g.family_id = f.id AND g.resident) AS resident,
                   c.id AS child_id, c.first_names, c.birth_date::text AS birth_date, c.school_class
            FROM families f LEFT JOIN children c ON c.family_id = f.id AND c.birth_date IS NOT NULL
            WHERE f.id = \(familyID) AND f.anonymised_at IS NULL
            ORDER BY c.birth_date, c.id
            """) { rows in try Self.profile(familyID: familyID, rows: rows) }
    }

    private static func profile(familyID: Int64, rows: [PostgresRow]) throws -> BookingProfile? {
        guard let family = rows.first else { return nil }
        let children = try rows.filter { !(try $0.isNull("child_id")) }.map { row in
            BookableChild(id: try row.decode("child_id"), firstName: try row.decode("first_names"), birthDate: try row.localDate("birth_date"),
                          schoolLevel: SchoolLevel(rawValue: (try row.decode("school_class") as String).lowercased()))
        }
        let resident: Bool = try family.decode("resident")
        let from: String? = try family.decode("valid_from")
        let until: String? = try family.decode("valid_until")
        // The table's CHECK keeps the dates set with the quotient and in order.
        let validity = from.flatMap(LocalDate.init(iso:)).flatMap { first in until.flatMap(LocalDate.init(iso:)).map { first...$0 } }
        return BookingProfile(id: familyID, quotient: try family.decode("family_quotient"),
                             residency: resident ? .resident : .nonResident, children: children, quotientValidity: validity)
    }
}
