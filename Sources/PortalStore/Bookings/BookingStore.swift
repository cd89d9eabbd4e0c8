import Foundation
public import PortalCore
public import Postgres

/// Bookings of one town, in the transaction the caller opened on its schema.
public enum BookingStore {
    static let activeStatuses = BookingStatus.allCases.filter(\.isActive).map(\.rawValue)

    /// The family's bookings from `from` to `to`, every status, for the planning and the feed.
    /// The family's rows are taken first: planned once for any dates (the statement is
    /// prepared), a date range guessed narrow would otherwise probe a popular slot's thousands
    /// of bookings for each slot of the range.
    public static func bookings(familyID: Int64, from: LocalDate, to: LocalDate,
                                in connection: PostgresConnection) throws -> [StoredBooking] {
        try connection.fetch(bookings(familyID: familyID, from: from, to: to))
    }

    public static func bookings(familyID: Int64, from: LocalDate, to: LocalDate) -> PostgresQuery<[StoredBooking]> {
        PostgresQuery("""
            WITH family_bookings AS MATERIALIZED (
                SELECT id, child_id, status, amount_cents, tariff, in_draw, slot_id FROM bookings WHERE family_id = \(familyID))
            SELECT b.id, b.child_id, b.status, b.amount_cents, b.tariff, b.in_draw, s.activity, s.unit, s.day::text AS day
            FROM family_bookings b JOIN slots s ON s.id = b.slot_id
            WHERE s.day BETWEEN \(from.iso)::date AND \(to.iso)::date
            ORDER BY s.day, b.child_id, s.activity, s.unit
            """) { try $0.map(StoredBooking.init(row:)) }
    }

    /// Active bookings of the family on the given days: the judge's view of the family.
    static func context(_ profile: BookingProfile, days: [LocalDate], excluding bookingID: Int64? = nil,
                        validity: RegistrationPolicy.Validity, in connection: PostgresConnection) throws -> FamilyBookingContext {
        let registrations = try RegistrationStore.forFamily(profile.id, validity: validity, in: connection).map(\.registration)
        let bookings = try connection.query("""
            SELECT b.child_id, b.status, s.activity, s.unit, s.day::text AS day
            FROM bookings b JOIN slots s ON s.id = b.slot_id
            WHERE b.family_id = \(profile.id) AND b.status = ANY(\(activeStatuses)::text[])
              AND s.day = ANY(\(Array(Set(days.map(\.iso))))::date[]) AND b.id <> \(bookingID ?? -1)
            """).map { ExistingBooking(slot: try $0.slotKey(), status: try $0.enumValue("status", as: BookingStatus.self)) }
        return FamilyBookingContext(quotient: profile.quotient, residency: profile.residency, children: profile.children,
                                    registrations: registrations, bookings: bookings, quotientValidity: profile.quotientValidity)
    }

    /// Serialises a family's own confirmations and answers (a double « Valider »), never two families.
    static func lockFamily(_ familyID: Int64, in connection: PostgresConnection) throws {
        _ = try connection.query("SELECT pg_advisory_xact_lock(hashtextextended('bookings/family/' || \(familyID)::text, 0))")
    }

    /// Takes a place if one is left; the conditional UPDATE is what keeps concurrent
    /// confirmations within capacity.
    public static func takePlace(slotID: Int64, in connection: PostgresConnection) throws -> Bool {
        try !connection.query("UPDATE slots SET booked = booked + 1 WHERE id = \(slotID) AND booked < capacity RETURNING id").isEmpty
    }

    public static func freePlace(slotID: Int64, in connection: PostgresConnection) throws {
        try connection.execute("UPDATE slots SET booked = booked - 1 WHERE id = \(slotID)")
    }
}

public struct StoredBooking: Sendable, Equatable {
    public let id: Int64
    public let slot: SlotKey
    public let status: BookingStatus
    public let amount: Money
    public let tariff: Tariff
    /// Waits for the draw of the slot's opening.
    public let inDraw: Bool

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        slot = try row.slotKey()
        status = try row.enumValue("status", as: BookingStatus.self)
        amount = Money(cents: try row.decode("amount_cents"))
        tariff = try row.enumValue("tariff", as: Tariff.self)
        inDraw = try row.decode("in_draw")
    }
}
