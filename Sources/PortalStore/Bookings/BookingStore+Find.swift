import PortalCore
public import Postgres

extension BookingStore {
    /// One booking with its family, whatever its status (staff answers name the booking only).
    public static func find(bookingID: Int64, in connection: PostgresConnection) throws -> (booking: StoredBooking, familyID: Int64)? {
        try connection.query("""
            SELECT b.id, b.family_id, b.child_id, b.status, b.amount_cents, b.tariff, b.in_draw, s.activity, s.unit, s.day::text AS day
            FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.id = \(bookingID)
            """).first.map { (try StoredBooking(row: $0), try $0.decode("family_id")) }
    }
}
