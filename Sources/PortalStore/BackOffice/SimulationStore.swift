import Foundation
import Postgres
import PortalCore

/// The family as the booking judge sees it, read from the dossier's tables: quotient, residency
/// (a guardian living on the territory), children with their birth date and school class.
public struct DossierFamilyProfiles: FamilyProfiles {
    public init() {}

    public func profile(familyId: Int64, in connection: PostgresConnection) throws -> FamilyProfile? {
        guard let family = try connection.query("""
            SELECT f.family_quotient, EXISTS (SELECT 1 FROM guardians g WHERE g.family_id = f.id AND g.resident) AS resident
            FROM families f WHERE f.id = \(familyId)
            """).first else { return nil }
        let children = try connection.query("""
            SELECT id, first_names, birth_date::text AS birth_date, school_class FROM children
            WHERE family_id = \(familyId) AND birth_date IS NOT NULL ORDER BY id
            """).map { row in
            BookableChild(id: try row.decode("id"), firstName: try row.decode("first_names"), birthDate: try row.localDate("birth_date"),
                          schoolLevel: SchoolLevel(rawValue: try row.decode("school_class", as: String.self).lowercased()))
        }
        return FamilyProfile(id: familyId, quotient: try family.decode("family_quotient"),
                             residency: try family.decode("resident") ? .resident : .nonResident, children: children)
    }
}

/// What the rule simulator reads: the family's registrations and bookings around the day.
public enum SimulationStore {
    public static func context(familyID: Int64, date: LocalDate, tenant: TenantConfig,
                               in connection: PostgresConnection) throws -> FamilyBookingContext? {
        guard let profile = try DossierFamilyProfiles().profile(familyId: familyID, in: connection) else { return nil }
        return try BookingStore.context(profile, days: [date], validity: tenant.registration.validity, in: connection)
    }
}
