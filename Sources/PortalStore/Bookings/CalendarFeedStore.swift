import Foundation
import Postgres
import PortalCore

/// The family's private calendar feed: a secret URL token, stored only as its SHA-256, one per
/// family; issuing a new one revokes the old.
public enum CalendarFeedStore {
    public static func issue(familyId: Int64, now: Date, in connection: PostgresConnection) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let token = (0..<4).map { _ in hex(generator.next()) }.joined()
        try connection.execute("""
            INSERT INTO calendar_feeds (family_id, token_hash, created_at)
            VALUES (\(familyId), encode(sha256(convert_to(\(token), 'UTF8')), 'hex'), \(now))
            ON CONFLICT (family_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at
            """)
        return token
    }

    public static func revoke(familyId: Int64, in connection: PostgresConnection) throws {
        try connection.execute("DELETE FROM calendar_feeds WHERE family_id = \(familyId)")
    }

    /// When the family's current link was made; nil when it has none.
    public static func createdAt(familyId: Int64, in connection: PostgresConnection) throws -> Date? {
        try connection.fetch(createdAt(familyId: familyId))
    }

    public static func createdAt(familyId: Int64) -> PostgresQuery<Date?> {
        PostgresQuery("SELECT created_at FROM calendar_feeds WHERE family_id = \(familyId)") { try $0.first.map { try $0.decode("created_at") } }
    }

    public static func familyId(token: String, in connection: PostgresConnection) throws -> Int64? {
        guard token.utf8.count == 64, token.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        return try connection.query("""
            SELECT family_id FROM calendar_feeds WHERE token_hash = encode(sha256(convert_to(\(token), 'UTF8')), 'hex')
            """).first.map { try $0.decode("family_id") }
    }

    /// Booked days and requests awaiting an answer (TENTATIVE) from `from` to `to`.
    public static func events(familyId: Int64, from: LocalDate, to: LocalDate, tenant: TenantConfig, children: [BookableChild],
                              in connection: PostgresConnection) throws -> [CalendarEvent] {
        try BookingStore.bookings(familyId: familyId, from: from, to: to, in: connection).compactMap { booking in
            guard [.booked, .pendingValidation, .cancellationRequested].contains(booking.status),
                  let activity = tenant.activity(booking.slot.activity), let unit = activity.unit(booking.slot.unit),
                  let state = PlanningSlotState(booking.status) else { return nil }
            let child = children.first { $0.id == booking.slot.childId }?.firstName ?? "Enfant"
            return CalendarEvent(uid: "booking-\(booking.id)@\(tenant.id)", date: booking.slot.date, start: unit.start, end: unit.end,
                                 summary: "\(child) – \(activity.label), \(unit.label)", description: state.label,
                                 tentative: booking.status == .pendingValidation)
        }
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
