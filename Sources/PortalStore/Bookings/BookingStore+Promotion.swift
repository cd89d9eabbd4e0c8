import Foundation
import Postgres
import PortalCore

extension BookingStore {
    /// Gives the slot's free places to waiting children in order (a draw's rank, then first
    /// come), each judged by the rules at `now` as if booking then; a child they no longer
    /// allow is passed over and stays on the list. Runs in the transaction that freed the place,
    /// which holds the slot row, so the places cannot be taken meanwhile.
    static func promote(slotID: Int64, judge: BookingJudge, families: any BookingProfiles, now: Date,
                        in connection: PostgresConnection) throws -> [PromotionNotice] {
        guard let slot = try connection.query("""
            SELECT activity, unit, day::text AS day, capacity - booked AS free FROM slots WHERE id = \(slotID) FOR UPDATE
            """).first else { return [] }
        var free: Int = try slot.decode("free")
        guard free > 0 else { return [] }
        let activity: String = try slot.decode("activity"), unit: String = try slot.decode("unit")
        let date = try slot.localDate("day")
        let waiting = try connection.query("""
            SELECT id, family_id, child_id FROM bookings WHERE slot_id = \(slotID) AND status = 'waitingList' AND NOT in_draw
            ORDER BY draw_rank NULLS LAST, requested_at, id LIMIT 50 FOR UPDATE
            """)
        var notices: [PromotionNotice] = []
        for row in waiting where free > 0 {
            let id: Int64 = try row.decode("id"), familyID: Int64 = try row.decode("family_id")
            let key = SlotKey(date: date, childID: try row.decode("child_id"), activity: activity, unit: unit)
            guard let profile = try families.profile(familyID: familyID, in: connection) else { continue }
            let context = try context(profile, days: [date], excluding: id, validity: judge.engine.tenant.registration.validity, in: connection)
            let decision = judge.decide(BasketLine(slot: key, action: .book), context: context, now: now)
            guard decision.allowed else {
                notices.append(PromotionNotice(bookingID: id, familyID: familyID, slot: key, status: nil, message: decision.message))
                continue
            }
            let status = try Optional(BookingStatus.waitingList).applying(.promote(needsValidation: decision.needsValidation))
            guard try takePlace(slotID: slotID, in: connection) else { break }
            try connection.execute("""
                UPDATE bookings SET status = \(status.rawValue), amount_cents = \(decision.amount.cents), tariff = \(decision.tariff.rawValue),
                       late = \(decision.tariff == .lateSurcharge), updated_at = \(now)
                WHERE id = \(id)
                """)
            free -= 1
            let message = status == .booked ? "Une place s'est libérée : la réservation est confirmée."
                                            : "Une place s'est libérée : la demande est transmise au service pour validation."
            notices.append(PromotionNotice(bookingID: id, familyID: familyID, slot: key, status: status, message: message))
        }
        return notices
    }
}
