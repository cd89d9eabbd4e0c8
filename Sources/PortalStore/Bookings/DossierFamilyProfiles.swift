import Postgres
import PortalCore

/// Family profiles read from the dossier's tables: the quotient staff recorded, resident when
/// any guardian lives on the territory, and the children whose birth date is known (a child
/// without one cannot be judged on age, so cannot be booked until the file is completed).
public struct DossierFamilyProfiles: FamilyProfiles {
    public init() {}

    public func profile(familyId: Int64, in connection: PostgresConnection) throws -> FamilyProfile? {
        guard let family = try connection.query("""
            SELECT f.family_quotient, f.quotient_valid_from::text AS valid_from, f.quotient_valid_until::text AS valid_until, EXISTS (SELECT 1 FROM guardians g WHERE g.family_id = f.id AND g.resident) AS resident
            FROM families f WHERE f.id = \(familyId) AND f.anonymised_at IS NULL
            """).first else { return nil }
        let children = try connection.query("""
            SELECT id, first_names, birth_date::text AS birth_date, school_class FROM children
            WHERE family_id = \(familyId) AND birth_date IS NOT NULL ORDER BY birth_date, id
            """).map { row in
            BookableChild(id: try row.decode("id"), firstName: try row.decode("first_names"), birthDate: try row.localDate("birth_date"),
                          schoolLevel: SchoolLevel(rawValue: (try row.decode("school_class") as String).lowercased()))
        }
        let resident: Bool = try family.decode("resident")
        let from: String? = try family.decode("valid_from")
        let until: String? = try family.decode("valid_until")
        // The table's CHECK keeps the dates set with the quotient and in order.
        let validity = from.flatMap(LocalDate.init(iso:)).flatMap { first in until.flatMap(LocalDate.init(iso:)).map { first...$0 } }
        return FamilyProfile(id: familyId, quotient: try family.decode("family_quotient"),
                             residency: resident ? .resident : .nonResident, children: children, quotientValidity: validity)
    }
}
