public import Foundation
public import PortalCore
public import Postgres

/// Children added on the day: a child who came without a booking gets one, flagged.
extension AttendanceStore {
    public enum WalkInOutcome: Sendable, Equatable {
        case added(bookingID: Int64)
        case alreadyExpected
        case full
        case unknownChild
    }

    /// A child who came without a booking: the booking is created (flagged as added on the day),
    /// takes a place like any other (the slot's capacity still holds) and the child is marked present.
    public static func addWalkIn(childID: Int64, activity: String, unit: String, day: LocalDate, tenant: TenantConfig,
                                 by actor: StaffActor, now: Date, in connection: PostgresConnection) throws -> WalkInOutcome {
        guard let child = try connection.query("""
            SELECT c.family_id, f.family_quotient, EXISTS (SELECT 1 FROM guardians g WHERE g.family_id = c.family_id AND g.resident) AS resident
            FROM children c JOIN families f ON f.id = c.family_id WHERE c.id = \(childID)
            """).first else { return .unknownChild }
        let familyID: Int64 = try child.decode("family_id")
        try SlotStore.ensure([SlotKey(date: day, childID: childID, activity: activity, unit: unit)], tenant: tenant, in: connection)
        guard let slotID: Int64 = try connection.query("""
            SELECT id FROM slots WHERE activity = \(activity) AND unit = \(unit) AND day = \(day.iso)::date FOR UPDATE
            """).first?.decode("id") else { return .unknownChild }
        let existing = try connection.query("SELECT id, status FROM bookings WHERE child_id = \(childID) AND slot_id = \(slotID) FOR UPDATE").first
        if let existing, try existing.enumValue("status", as: BookingStatus.self).isActive { return .alreadyExpected }
        guard try BookingStore.takePlace(slotID: slotID, in: connection) else { return .full }
        let residency: Residency = try child.decode("resident") ? .resident : .nonResident
        let price = RulesEngine(tenant: tenant).unitPrice(activity: activity, unit: unit, quotient: try child.decode("family_quotient"), residency: residency)
        let cents = price?.cents ?? 0
        let bookingID: Int64
        if let existing {
            bookingID = try existing.decode("id")
            try connection.execute("""
                UPDATE bookings SET status = 'booked', amount_cents = \(cents), tariff = 'unit', late = false, updated_at = \(now),
                       staff_note = \("Ajouté sur place par \(actor.name)") WHERE id = \(bookingID)
                """)
        } else {
            bookingID = try connection.query("""
                INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, requested_at, updated_at, staff_note)
                VALUES (\(familyID), \(childID), \(slotID), 'booked', \(cents), 'unit', \(now), \(now), \("Ajouté sur place par \(actor.name)"))
                RETURNING id
                """)[0].decode("id")
        }
        try connection.execute("""
            INSERT INTO walk_in_bookings (booking_id, added_by_id, added_by_name, added_at) VALUES (\(bookingID), \(actor.id), \(actor.name), \(now))
            ON CONFLICT (booking_id) DO NOTHING
            """)
        try mark(bookingID: bookingID, activity: activity, unit: unit, day: day, .present, by: actor, now: now, in: connection)
        return .added(bookingID: bookingID)
    }

    /// Children of the town whose name matches, for adding one on the day.
    public static func findChildren(_ text: String, limit: Int = 20, in connection: PostgresConnection) throws -> [(id: Int64, name: String, family: String)] {
        let pattern = "%" + text + "%"
        return try connection.query("""
            SELECT c.id, trim(c.first_names || ' ' || c.last_name) AS name, f.name AS family
            FROM children c JOIN families f ON f.id = c.family_id
            WHERE (c.first_names || ' ' || c.last_name) ILIKE \(pattern) OR f.name ILIKE \(pattern)
            ORDER BY c.last_name, c.first_names LIMIT \(limit)
            """).map { (try $0.decode("id"), try $0.decode("name"), try $0.decode("family")) }
    }
}
