import Foundation
public import PortalCore
public import Postgres

/// What the rule simulator reads: the family's registrations and bookings around the day.
public enum SimulationStore {
    public static func context(familyID: Int64, date: LocalDate, tenant: TenantConfig,
                               in connection: PostgresConnection) throws -> FamilyBookingContext? {
        guard let profile = try DossierBookingProfiles().profile(familyID: familyID, in: connection) else { return nil }
        return try BookingStore.context(profile, days: [date], validity: tenant.registration.validity, in: connection)
    }
}
