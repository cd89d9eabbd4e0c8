public import Foundation
public import PortalCore
public import Postgres

/// A request in the staff queue: a booking awaiting validation or a cancellation request.
public struct StaffBookingRequest: Sendable, Equatable {
    public let bookingID: Int64
    public let familyID: Int64
    public let slot: SlotKey
    public let status: BookingStatus
    public let late: Bool
    public let amount: Money
    public let requestedAt: Date
}

/// Changes to one booking outside the basket: staff answers, absences, withdrawals.
extension BookingStore {
    /// Requests waiting for staff, oldest first, optionally for one activity and days from `from` to `to`.
    public static func staffQueue(activity: String?, from: LocalDate? = nil, to: LocalDate? = nil, limit: Int,
                                  in connection: PostgresConnection) throws -> [StaffBookingRequest] {
        try connection.query("""
            SELECT b.id, b.family_id, b.child_id, b.status, b.late, b.amount_cents, b.requested_at, s.activity, s.unit, s.day::text AS day
            FROM bookings b JOIN slots s ON s.id = b.slot_id
            WHERE b.status IN ('pendingValidation', 'cancellationRequested') AND (\(activity)::text IS NULL OR s.activity = \(activity))
              AND (\(from?.iso)::date IS NULL OR s.day >= \(from?.iso)::date) AND (\(to?.iso)::date IS NULL OR s.day <= \(to?.iso)::date)
            ORDER BY b.requested_at, b.id LIMIT \(limit)
            """).map { row in
            StaffBookingRequest(bookingID: try row.decode("id"), familyID: try row.decode("family_id"), slot: try row.slotKey(),
                                status: try row.enumValue("status", as: BookingStatus.self), late: try row.decode("late"),
                                amount: Money(cents: try row.decode("amount_cents")), requestedAt: try row.decode("requested_at"))
        }
    }

    /// Staff accept or refuse a request; a place it frees goes to the waiting list.
    public static func answer(bookingID: Int64, accept: Bool, note: String?, judge: BookingJudge, families: any BookingProfiles,
                              now: Date, in connection: PostgresConnection) throws -> BookingChange {
        try change(bookingID: bookingID, event: accept ? .staffAccept : .staffRefuse, familyID: nil, note: note,
                   judge: judge, families: families, now: now, in: connection)
    }

    /// The family declares an absence on a booked day (the place stays taken and billed per the
    /// town's rules). The activity's absence deadline is judged now: past it, the absence is
    /// refused (`BookingStoreError.refused`) or recorded late with the rule's charge.
    public static func declareAbsence(bookingID: Int64, familyID: Int64, judge: BookingJudge, families: any BookingProfiles,
                                      now: Date, in connection: PostgresConnection) throws -> BookingChange {
        try change(bookingID: bookingID, event: .declareAbsence, familyID: familyID, note: nil,
                   judge: judge, families: families, now: now, in: connection)
    }

    /// The family takes back a request staff have not answered.
    public static func withdraw(bookingID: Int64, familyID: Int64, judge: BookingJudge, families: any BookingProfiles,
                                now: Date, in connection: PostgresConnection) throws -> BookingChange {
        try change(bookingID: bookingID, event: .withdraw, familyID: familyID, note: nil,
                   judge: judge, families: families, now: now, in: connection)
    }

    /// `familyID` is checked when the family acts, so one family cannot touch another's booking.
    private static func change(bookingID: Int64, event: BookingEvent, familyID: Int64?, note: String?, judge: BookingJudge,
                               families: any BookingProfiles, now: Date, in connection: PostgresConnection) throws -> BookingChange {
        // The family's lock first, as a confirmation takes it, so the two never wait on each other in a cycle.
        guard let owner = try connection.query("""
            SELECT family_id FROM bookings WHERE id = \(bookingID) AND (\(familyID)::bigint IS NULL OR family_id = \(familyID))
            """).first else { throw BookingStoreError.unknownBooking(bookingID) }
        try lockFamily(try owner.decode("family_id"), in: connection)
        guard let row = try connection.query("SELECT slot_id, status FROM bookings WHERE id = \(bookingID) FOR UPDATE").first else {
            throw BookingStoreError.unknownBooking(bookingID)
        }
        let previous = try row.enumValue("status", as: BookingStatus.self)
        let slotID: Int64 = try row.decode("slot_id")
        let status: BookingStatus
        do {
            status = try Optional(previous).applying(event)
        } catch {
            throw BookingStoreError.transition(error)
        }
        let lateAbsence = event == .declareAbsence
            ? try absenceCharge(bookingID: bookingID, judge: judge, families: families, now: now, in: connection) : nil
        // An accepted cancellation request bills the charge noted when it was made; any answer clears it.
        let cancelled = previous == .cancellationRequested && status == .cancelled
        try connection.execute("""
            UPDATE bookings SET status = \(status.rawValue), updated_at = \(now), staff_note = COALESCE(\(note), staff_note),
                   amount_cents = CASE WHEN \(cancelled) THEN COALESCE(pending_cancel_cents, 0)
                                       ELSE COALESCE(\(lateAbsence?.cents)::integer, amount_cents) END,
                   tariff = CASE WHEN \(cancelled) THEN COALESCE(pending_cancel_tariff, 'none')
                                 WHEN \(lateAbsence != nil) THEN 'lateAbsence' ELSE tariff END,
                   late = late OR \(lateAbsence != nil),
                   pending_cancel_cents = NULL, pending_cancel_tariff = NULL
            WHERE id = \(bookingID)
            """)
        var promotions: [PromotionNotice] = []
        if previous.holdsPlace && !status.holdsPlace {
            try freePlace(slotID: slotID, in: connection)
            promotions = try promote(slotID: slotID, judge: judge, families: families, now: now, in: connection)
        }
        return BookingChange(bookingID: bookingID, from: previous, to: status, promotions: promotions)
    }

    /// Judges an absence on the booking at `now`: nil when declared in time, the charge of a late
    /// absence the town accepts; throws the rule's refusal otherwise.
    private static func absenceCharge(bookingID: Int64, judge: BookingJudge, families: any BookingProfiles, now: Date,
                                      in connection: PostgresConnection) throws -> Money? {
        guard let found = try find(bookingID: bookingID, in: connection) else { throw BookingStoreError.unknownBooking(bookingID) }
        guard let profile = try families.profile(familyID: found.familyID, in: connection) else {
            throw BookingStoreError.unknownFamily(found.familyID)
        }
        let bookings = try context(profile, days: [found.booking.slot.date], validity: judge.engine.tenant.registration.validity, in: connection)
        let decision = judge.decideAbsence(found.booking.slot, context: bookings, now: now)
        guard decision.allowed else { throw BookingStoreError.refused(decision) }
        return decision.lateOutcome == nil ? nil : Money(cents: decision.surchargeCents ?? 0)
    }
}

public struct BookingChange: Sendable, Equatable {
    public let bookingID: Int64
    public let from: BookingStatus
    public let to: BookingStatus
    public let promotions: [PromotionNotice]
}
