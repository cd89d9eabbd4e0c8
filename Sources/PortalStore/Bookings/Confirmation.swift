public import Foundation
public import PortalCore

/// The result of « Valider »: each line with what happened to it, and who was promoted from a
/// waiting list by the places it freed (their families are to be told).
public struct Confirmation: Sendable, Equatable {
    /// The booking number shown to the family.
    public let id: Int64
    public let lines: [ConfirmedLine]
    public let promotions: [PromotionNotice]

    /// What the applied lines bill; wait-listed lines bill nothing until promoted.
    public var total: Money {
        lines.filter { $0.outcome != nil && $0.outcome != .waitingList }.reduce(.zero) { $0 + $1.decision.amount }
    }
}

public struct ConfirmedLine: Sendable, Equatable {
    public let decision: LineDecision
    /// The status the line left; nil when refused (the decision says why).
    public let outcome: BookingStatus?
    public let bookingID: Int64?
    /// Made while the slot's opening waits for its draw.
    public let draw: PendingDraw?

    public init(decision: LineDecision, outcome: BookingStatus?, bookingID: Int64?, draw: PendingDraw? = nil) {
        self.decision = decision
        self.outcome = outcome
        self.bookingID = bookingID
        self.draw = draw
    }

    public var line: BasketLine { decision.line }

    /// For the family: the rule's sentence when refused, the outcome otherwise.
    public var frenchOutcome: String {
        switch outcome {
        case nil: return decision.message
        case .waitingList? where draw?.collected == true:
            return "En attente du tirage au sort du \(FrenchDateFormat.longWithTime(draw!.at))."
        case .waitingList? where draw != nil:
            return "Demande arrivée après les premières minutes de l'ouverture : elle passera, dans l'ordre d'arrivée, après les demandes tirées au sort le \(FrenchDateFormat.longWithTime(draw!.at))."
        case .waitingList?: return "Complet : placé(e) sur liste d'attente."
        case .pendingValidation?: return "Demande transmise au service, en attente de validation."
        case .cancellationRequested?: return "Demande d'annulation transmise au service."
        case .booked?: return "Réservé."
        case .withdrawn?: return "Demande retirée."
        case let status?: return PlanningSlotState(status)?.label ?? "Annulé."
        }
    }
}

/// A request made between a slot's opening and its draw.
public struct PendingDraw: Sendable, Equatable {
    /// Made within the window: takes part in the draw.
    public let collected: Bool
    /// When the draw is held.
    public let at: Date
}

/// A waiting child who got a freed place (or was passed over, with the rule's reason).
public struct PromotionNotice: Sendable, Equatable {
    public let bookingID: Int64
    public let familyID: Int64
    public let slot: SlotKey
    /// nil when passed over.
    public let status: BookingStatus?
    public let message: String
}
