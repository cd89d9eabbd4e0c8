public import Foundation
public import PortalCore
public import Postgres

/// The outcome of a draw for one slot, for the families' notifications and the published record.
public struct DrawRecord: Sendable, Equatable {
    public let drawID: Int64
    public let seed: UInt64
    public let seedText: String
    /// Booking ids in draw order: the first ones got the places (subject to the rules at that instant).
    public let order: [Int64]
    /// Each request of the draw, in draw order, with what it got.
    public let entries: [DrawnRequest]
    /// Everyone promoted, the late requests behind the drawn ones included.
    public let promotions: [PromotionNotice]
}

public struct DrawnRequest: Sendable, Equatable {
    public let bookingID: Int64
    public let familyID: Int64
    public let slot: SlotKey
    /// Booked or sent for validation when it got a place; nil: on the waiting list.
    public let placedAs: BookingStatus?
    /// Its place on the waiting list after the draw (1 = next); nil when placed.
    public let waitingRank: Int?
    /// Why the rules passed it over although its rank gave it a place.
    public let passedOver: String?
}

/// A slot whose draw may be due: it has requests waiting and no draw held yet.
struct DrawCandidate {
    let activity: String
    let unit: String
    let date: LocalDate
    /// Requests of the opening window wait for it.
    let collected: Bool
}

extension BookingStore {
    /// Holds the draw of a slot: the requests collected in its window are ranked by the seeded
    /// draw (`LotteryDraw`), then the free places go down that ranking through the usual
    /// promotion, so every winner is still judged by the rules; the others keep their rank on
    /// the waiting list, ahead of later requests. Held once per slot: the slot row is locked
    /// and the `draws` row is unique, so a second trigger, on this server or another, finds it
    /// held and returns nil.
    public static func holdDraw(activity: String, unit: String, date: LocalDate, seedText: String, priorities: [DrawPriority],
                                judge: BookingJudge, families: any BookingProfiles, now: Date,
                                in connection: PostgresConnection) throws -> DrawRecord? {
        guard let slot = try connection.query("""
            SELECT id, capacity - booked AS free FROM slots
            WHERE activity = \(activity) AND unit = \(unit) AND day = \(date.iso)::date FOR UPDATE
            """).first else { return nil }
        let slotID: Int64 = try slot.decode("id")
        guard try connection.query("SELECT 1 FROM draws WHERE slot_id = \(slotID)").isEmpty else { return nil }
        let rows = try connection.query("""
            SELECT b.id, b.family_id, b.child_id,
                   EXISTS (SELECT 1 FROM bookings o WHERE o.slot_id = b.slot_id AND o.family_id = b.family_id AND o.id <> b.id
                           AND o.status IN ('booked', 'pendingValidation', 'absent', 'cancellationRequested')) AS sibling
            FROM bookings b WHERE b.slot_id = \(slotID) AND b.in_draw ORDER BY b.id FOR UPDATE
            """)
        var entries: [DrawEntry] = []
        for row in rows {
            let familyID: Int64 = try row.decode("family_id")
            let profile = try families.profile(familyID: familyID, in: connection)
            entries.append(DrawEntry(requestID: try row.decode("id"), familyID: familyID, childID: try row.decode("child_id"),
                                     resident: profile?.residency == .resident, siblingHasPlace: try row.decode("sibling")))
        }
        let seed = LotteryDraw.seed(publishedText: seedText)
        let outcome = LotteryDraw.draw(entries, capacity: try slot.decode("free"), seed: seed, priorities: priorities)
        let ranked = outcome.allocated + outcome.waiting
        let order = ranked.map(\.requestID)
        if !order.isEmpty {
            try connection.execute("""
                UPDATE bookings SET in_draw = false, draw_rank = r.rank, updated_at = \(now)
                FROM unnest(\(order)::bigint[]) WITH ORDINALITY AS r(id, rank) WHERE bookings.id = r.id
                """)
        }
        let promotions = try promote(slotID: slotID, judge: judge, families: families, now: now, in: connection)
        let promoted = Dictionary(promotions.map { ($0.bookingID, $0) }, uniquingKeysWith: { first, _ in first })
        let placed = ranked.map { promoted[$0.requestID]?.status != nil }
        let drawID: Int64 = try connection.query("""
            INSERT INTO draws (slot_id, seed, seed_text, entries, places, held_at, priorities)
            VALUES (\(slotID), \(String(seed))::numeric, \(seedText), \(entries.count), \(placed.filter { $0 }.count), \(now),
                    \(priorities.map(\.rawValue))::text[])
            RETURNING id
            """)[0].decode("id")
        if !ranked.isEmpty {
            try connection.execute("""
                INSERT INTO draw_entries (draw_id, rank, booking_id, family_id, child_id, resident, sibling, placed)
                SELECT \(drawID), e.rank, e.booking_id, e.family_id, e.child_id, e.resident, e.sibling, e.placed
                FROM unnest(\(order)::bigint[], \(ranked.map(\.familyID))::bigint[], \(ranked.map(\.childID))::bigint[],
                            \(ranked.map(\.resident))::boolean[], \(ranked.map(\.siblingHasPlace))::boolean[], \(placed)::boolean[])
                     WITH ORDINALITY AS e(booking_id, family_id, child_id, resident, sibling, placed, rank)
                """)
        }
        var waitingRank = 0
        let drawn = ranked.map { entry -> DrawnRequest in
            let notice = promoted[entry.requestID]
            let key = SlotKey(date: date, childID: entry.childID, activity: activity, unit: unit)
            if let status = notice?.status {
                return DrawnRequest(bookingID: entry.requestID, familyID: entry.familyID, slot: key, placedAs: status, waitingRank: nil, passedOver: nil)
            }
            waitingRank += 1
            return DrawnRequest(bookingID: entry.requestID, familyID: entry.familyID, slot: key, placedAs: nil, waitingRank: waitingRank,
                                passedOver: notice?.message)
        }
        return DrawRecord(drawID: drawID, seed: seed, seedText: seedText, order: order, entries: drawn, promotions: promotions)
    }

    /// Holds every draw that is due at `now`, in slot order (so that two triggers lock the slots
    /// in the same order and the second finds them held): a drawn opening whose window is over,
    /// or collected requests whose activity no longer draws, drawn at once rather than left waiting.
    public static func holdDueDraws(judge: BookingJudge, families: any BookingProfiles, now: Date,
                                    in connection: PostgresConnection) throws -> [DrawRecord] {
        let engine = judge.engine
        var held: [DrawRecord] = []
        for candidate in try drawCandidates(in: connection) {
            let window = engine.drawWindow(activity: candidate.activity, date: candidate.date)
            guard window.map({ now >= $0.policy.drawTime(opensAt: $0.opensAt) }) ?? candidate.collected,
                  let record = try holdDraw(activity: candidate.activity, unit: candidate.unit, date: candidate.date,
                                            seedText: engine.drawSeedText(activity: candidate.activity, unit: candidate.unit, date: candidate.date),
                                            priorities: window?.policy.priorities ?? [], judge: judge, families: families, now: now,
                                            in: connection) else { continue }
            held.append(record)
        }
        return held
    }

    /// Slots with requests waiting and no draw held.
    static func drawCandidates(in connection: PostgresConnection) throws -> [DrawCandidate] {
        try connection.query("""
            SELECT s.activity, s.unit, s.day::text AS day, bool_or(b.in_draw) AS collected
            FROM slots s JOIN bookings b ON b.slot_id = s.id AND b.status = 'waitingList'
            WHERE NOT EXISTS (SELECT 1 FROM draws d WHERE d.slot_id = s.id)
            GROUP BY s.id ORDER BY s.day, s.activity, s.unit
            """).map { row in
            DrawCandidate(activity: try row.decode("activity"), unit: try row.decode("unit"), date: try row.localDate("day"),
                          collected: try row.decode("collected"))
        }
    }
}
