import Foundation
import Postgres
import PortalCore

/// The outcome of a draw for one slot, for the families' notifications and the published record.
public struct DrawRecord: Sendable, Equatable {
    public let seed: UInt64
    public let seedText: String
    /// Booking ids in draw order: the first ones got the places (subject to the rules at that instant).
    public let order: [Int64]
    public let promotions: [PromotionNotice]
}

extension BookingStore {
    /// Holds the draw of a slot: the requests collected in its window are ranked by the seeded
    /// draw (`LotteryDraw`), then the free places go down that ranking through the usual
    /// promotion, so every winner is still judged by the rules; the others keep their rank on
    /// the waiting list, ahead of later requests. Held once per slot.
    public static func holdDraw(activity: String, unit: String, date: LocalDate, seedText: String, priorities: [DrawPriority],
                                judge: BookingJudge, families: FamilyProfiles, now: Date,
                                in connection: PostgresConnection) throws -> DrawRecord? {
        guard let slot = try connection.query("""
            SELECT id, capacity - booked AS free FROM slots
            WHERE activity = \(activity) AND unit = \(unit) AND day = \(date.iso)::date FOR UPDATE
            """).first else { return nil }
        let slotId: Int64 = try slot.decode("id")
        guard try connection.query("SELECT 1 FROM draws WHERE slot_id = \(slotId)").isEmpty else { return nil }
        let rows = try connection.query("""
            SELECT b.id, b.family_id, b.child_id,
                   EXISTS (SELECT 1 FROM bookings o WHERE o.slot_id = b.slot_id AND o.family_id = b.family_id AND o.id <> b.id
                           AND o.status IN ('booked', 'pendingValidation', 'absent', 'cancellationRequested')) AS sibling
            FROM bookings b WHERE b.slot_id = \(slotId) AND b.in_draw ORDER BY b.id FOR UPDATE
            """)
        var entries: [DrawEntry] = []
        for row in rows {
            let familyId: Int64 = try row.decode("family_id")
            let profile = try families.profile(familyId: familyId, in: connection)
            entries.append(DrawEntry(requestId: try row.decode("id"), familyId: familyId, childId: try row.decode("child_id"),
                                     resident: profile?.residency == .resident, siblingHasPlace: try row.decode("sibling")))
        }
        let seed = LotteryDraw.seed(publishedText: seedText)
        let outcome = LotteryDraw.draw(entries, capacity: try slot.decode("free"), seed: seed, priorities: priorities)
        let order = (outcome.allocated + outcome.waiting).map(\.requestId)
        if !order.isEmpty {
            try connection.execute("""
                UPDATE bookings SET in_draw = false, draw_rank = r.rank, updated_at = \(now)
                FROM unnest(\(order)::bigint[]) WITH ORDINALITY AS r(id, rank) WHERE bookings.id = r.id
                """)
        }
        try connection.execute("""
            INSERT INTO draws (slot_id, seed, seed_text, entries, places, held_at)
            VALUES (\(slotId), \(String(seed))::numeric, \(seedText), \(entries.count), \(outcome.allocated.count), \(now))
            """)
        let promotions = try promote(slotId: slotId, judge: judge, families: families, now: now, in: connection)
        return DrawRecord(seed: seed, seedText: seedText, order: order, promotions: promotions)
    }
}
