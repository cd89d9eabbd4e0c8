public import Foundation
public import PortalCore
public import Postgres

extension BookingStore {
    /// « Valider » in the caller's transaction, every line judged again at `now`. `lines`
    /// replaces the stored basket (the lines a confirmation saw, the first days of an accepted
    /// pré-inscription); the basket then loses those lines only. The slots must exist
    /// (`SlotStore.ensure`, best in a short transaction before): a line without its slot row is
    /// refused. A slot whose opening the tenant allocates by a draw takes no place before it.
    public static func confirm(familyID: Int64, lines: [BasketLine]? = nil, judge: BookingJudge, families: any BookingProfiles, now: Date,
                               in connection: PostgresConnection) throws -> Confirmation {
        try lockFamily(familyID, in: connection)
        guard let profile = try families.profile(familyID: familyID, in: connection) else { throw BookingStoreError.unknownFamily(familyID) }
        let basket = try lines.map { Basket(lines: $0) } ?? BasketStore.load(familyID: familyID, in: connection)
        let slotIDs = try SlotStore.ids(basket.lines.map(\.slot), in: connection)
        let validity = judge.engine.tenant.registration.validity
        var context = try context(profile, days: basket.lines.map(\.slot.date), validity: validity, in: connection)
        var results: [SlotKey: ConfirmedLine] = [:]
        var promotions: [PromotionNotice] = []
        for line in BasketRecap.judgingOrder(basket) {
            let decision = judge.decide(line, context: context, now: now)
            guard decision.allowed, let slotID = slotIDs[SlotPlace(line.slot)] else {
                results[line.slot] = ConfirmedLine(decision: decision, outcome: nil, bookingID: nil)
                continue
            }
            let applied: ConfirmedLine
            switch line.action {
            case .book:
                let window = judge.engine.drawWindow(activity: line.slot.activity, date: line.slot.date)
                let draw = try pendingDraw(window, slotID: slotID, now: now, in: connection)
                applied = try book(decision, slotID: slotID, familyID: familyID, previous: context.status(line.slot), draw: draw,
                                   now: now, in: connection)
            case .cancel:
                let (line, freed) = try cancel(decision, slotID: slotID, now: now, in: connection)
                applied = line
                if freed { promotions += try promote(slotID: slotID, judge: judge, families: families, now: now, in: connection) }
            }
            if let outcome = applied.outcome { context.record(line.slot, status: outcome) }
            results[line.slot] = applied
        }
        let ordered = basket.lines.map { results[$0.slot]! }
        let id = try record(ordered, familyID: familyID, now: now, in: connection)
        if lines == nil {
            try BasketStore.clear(familyID: familyID, in: connection)
        } else {
            try BasketStore.remove(basket.lines.map(\.slot), familyID: familyID, in: connection)
        }
        return Confirmation(id: id, lines: ordered, promotions: promotions)
    }

    /// Between the opening and the draw no place is taken: requests of the window join the draw,
    /// later ones wait behind it. The slot row is locked first, so a draw being held meanwhile
    /// is seen once it commits (its promotion would miss a request written behind its back).
    private static func pendingDraw(_ window: DrawWindow?, slotID: Int64, now: Date,
                                    in connection: PostgresConnection) throws -> PendingDraw? {
        guard let window, now >= window.opensAt else { return nil }
        _ = try connection.query("SELECT 1 FROM slots WHERE id = \(slotID) FOR UPDATE")
        let held = try !connection.query("SELECT 1 FROM draws WHERE slot_id = \(slotID)").isEmpty
        guard !held else { return nil }
        return PendingDraw(collected: window.policy.collects(requestedAt: now, opensAt: window.opensAt),
                           at: window.policy.drawTime(opensAt: window.opensAt))
    }

    private static func book(_ decision: LineDecision, slotID: Int64, familyID: Int64, previous: BookingStatus?, draw: PendingDraw?,
                             now: Date, in connection: PostgresConnection) throws -> ConfirmedLine {
        let place = draw == nil ? try takePlace(slotID: slotID, in: connection) : false
        let inDraw = draw?.collected ?? false
        let status: BookingStatus
        do {
            status = try previous.applying(.book(needsValidation: decision.needsValidation, placeAvailable: place))
        } catch {
            if place { try freePlace(slotID: slotID, in: connection) }
            return ConfirmedLine(decision: decision.refusal(error.frenchMessage), outcome: nil, bookingID: nil)
        }
        let rows = try connection.query("""
            INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, late, in_draw, requested_at, updated_at)
            VALUES (\(familyID), \(decision.line.slot.childID), \(slotID), \(status.rawValue), \(decision.amount.cents),
                    \(decision.tariff.rawValue), \(decision.tariff == .lateSurcharge), \(inDraw), \(now), \(now))
            ON CONFLICT (child_id, slot_id) DO UPDATE
              SET family_id = EXCLUDED.family_id, status = EXCLUDED.status, amount_cents = EXCLUDED.amount_cents,
                  tariff = EXCLUDED.tariff, late = EXCLUDED.late, in_draw = EXCLUDED.in_draw, draw_rank = NULL,
                  requested_at = EXCLUDED.requested_at,
                  updated_at = EXCLUDED.updated_at, staff_note = NULL
              WHERE bookings.status IN ('refused', 'cancelled', 'withdrawn')
            RETURNING id
            """)
        guard let row = rows.first else {
            // Booked meanwhile by another session of the family's account: give the place back.
            if place { try freePlace(slotID: slotID, in: connection) }
            return ConfirmedLine(decision: decision.refusal(BookingTransitionError.alreadyBooked(.booked).frenchMessage), outcome: nil, bookingID: nil)
        }
        return ConfirmedLine(decision: decision, outcome: status, bookingID: try row.decode("id"), draw: draw)
    }

    /// Returns the line and whether it freed a place.
    private static func cancel(_ decision: LineDecision, slotID: Int64, now: Date,
                               in connection: PostgresConnection) throws -> (ConfirmedLine, Bool) {
        guard let row = try connection.query("""
            SELECT id, status FROM bookings WHERE child_id = \(decision.line.slot.childID) AND slot_id = \(slotID) FOR UPDATE
            """).first else {
            return (ConfirmedLine(decision: decision.refusal(BookingTransitionError.nothingToCancel.frenchMessage), outcome: nil, bookingID: nil), false)
        }
        let id: Int64 = try row.decode("id")
        let previous = try row.enumValue("status", as: BookingStatus.self)
        let status: BookingStatus
        do {
            status = try Optional(previous).applying(previous == .pendingValidation ? .withdraw : .cancel(needsValidation: decision.needsValidation))
        } catch {
            return (ConfirmedLine(decision: decision.refusal(error.frenchMessage), outcome: nil, bookingID: id), false)
        }
        let billed = status == .cancelled || status == .withdrawn
        // A request keeps the charge aside: staff accepting it bill what the rules said now.
        let requested = status == .cancellationRequested
        try connection.execute("""
            UPDATE bookings SET status = \(status.rawValue), updated_at = \(now), in_draw = false,
                   amount_cents = CASE WHEN \(billed) THEN \(decision.amount.cents) ELSE amount_cents END,
                   tariff = CASE WHEN \(billed) THEN \(decision.tariff.rawValue) ELSE tariff END,
                   pending_cancel_cents = CASE WHEN \(requested) THEN \(decision.amount.cents)::integer END,
                   pending_cancel_tariff = CASE WHEN \(requested) THEN \(decision.tariff == .lateCancellation ? "lateCancellation" : "none")::text END
            WHERE id = \(id)
            """)
        let freed = previous.holdsPlace && !status.holdsPlace
        if freed { try freePlace(slotID: slotID, in: connection) }
        return (ConfirmedLine(decision: decision, outcome: status, bookingID: id), freed)
    }

    private static func record(_ lines: [ConfirmedLine], familyID: Int64, now: Date, in connection: PostgresConnection) throws -> Int64 {
        let total = lines.filter { $0.outcome != nil && $0.outcome != .waitingList }.reduce(0) { $0 + $1.decision.amount.cents }
        let id: Int64 = try connection.query("""
            INSERT INTO confirmations (family_id, confirmed_at, total_cents) VALUES (\(familyID), \(now), \(total)) RETURNING id
            """)[0].decode("id")
        guard !lines.isEmpty else { return id }
        try connection.execute("""
            INSERT INTO confirmation_lines (confirmation_id, position, booking_id, child_id, activity, unit, day, action, outcome,
                                            rule, message, amount_cents, tariff)
            SELECT \(id), l.position, l.booking_id, l.child_id, l.activity, l.unit, l.day, l.action, l.outcome, l.rule, l.message,
                   l.amount_cents, l.tariff
            FROM unnest(\(Array(1...lines.count))::integer[], \(lines.map(\.bookingID))::bigint[], \(lines.map(\.line.slot.childID))::bigint[],
                        \(lines.map(\.line.slot.activity))::text[], \(lines.map(\.line.slot.unit))::text[], \(lines.map(\.line.slot.date.iso))::date[],
                        \(lines.map(\.line.action.rawValue))::text[], \(lines.map { $0.outcome?.rawValue ?? "refused" })::text[],
                        \(lines.map(\.decision.ruleID))::text[], \(lines.map(\.frenchOutcome))::text[],
                        \(lines.map { $0.outcome == nil ? 0 : $0.decision.amount.cents })::integer[], \(lines.map(\.decision.tariff.rawValue))::text[])
                 AS l(position, booking_id, child_id, activity, unit, day, action, outcome, rule, message, amount_cents, tariff)
            """)
        return id
    }
}

extension LineDecision {
    /// The same line refused at application time (the database saw what the judge could not).
    func refusal(_ message: String) -> LineDecision {
        LineDecision(line: line, allowed: false, ruleID: "alreadyBooked", message: message, deadline: deadline,
                     needsValidation: false, unitPrice: nil, supplement: nil, amount: .zero, tariff: .none)
    }
}
