public import Foundation

/// The panier's recap: each line with its verdict and cost, and the total of the lines that apply.
public struct BasketRecap: Sendable, Equatable {
    public let lines: [RecapLine]

    public var total: Money { lines.filter(\.decision.allowed).reduce(.zero) { $0 + $1.decision.amount } }
    public var refused: [RecapLine] { lines.filter { !$0.decision.allowed } }

    /// Judges every line as the confirmation will: cancellations first (they free places and
    /// lift exclusivity), then bookings, each against the family's bookings as changed by the
    /// lines before it. Lines are listed in basket order.
    public static func make(_ basket: Basket, judge: BookingJudge, context: FamilyBookingContext, now: Date) -> BasketRecap {
        var context = context
        var decisions: [SlotKey: LineDecision] = [:]
        for line in judgingOrder(basket) {
            let decision = judge.decide(line, context: context, now: now)
            if decision.allowed { context.record(line.slot, status: expectedStatus(decision, before: context.status(line.slot))) }
            decisions[line.slot] = decision
        }
        let tenant = judge.engine.tenant
        return BasketRecap(lines: basket.lines.map { line in
            let activity = tenant.activity(line.slot.activity)
            return RecapLine(decision: decisions[line.slot]!,
                             childName: context.child(line.slot.childID)?.firstName ?? "?",
                             activityLabel: activity?.label ?? line.slot.activity,
                             unitLabel: activity?.unit(line.slot.unit)?.label ?? line.slot.unit)
        })
    }

    /// Cancellations before bookings, each group in basket order.
    public static func judgingOrder(_ basket: Basket) -> [BasketLine] {
        basket.lines.filter { $0.action == .cancel } + basket.lines.filter { $0.action == .book }
    }

    /// The status a line leaves, assuming a place is free (only the database knows).
    public static func expectedStatus(_ decision: LineDecision, before: BookingStatus?) -> BookingStatus {
        switch decision.line.action {
        case .book: return decision.needsValidation ? .pendingValidation : .booked
        case .cancel:
            switch before {
            case .pendingValidation?: return .withdrawn
            case .waitingList?: return .cancelled
            default: return decision.needsValidation ? .cancellationRequested : .cancelled
            }
        }
    }
}

public struct RecapLine: Sendable, Equatable {
    public let decision: LineDecision
    public let childName: String
    public let activityLabel: String
    public let unitLabel: String

    public var line: BasketLine { decision.line }
    /// « mer. 14 janv. »
    public var dateLabel: String { FrenchDateFormat.short(line.slot.date) }
    /// « Réservation », « Annulation »
    public var actionLabel: String { line.action == .book ? "Réservation" : "Annulation" }
}
