import Foundation
import PortalCore

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
    public let bookingId: Int64?
    /// When the request waits for a draw: the instant it is held.
    public let drawAt: Date?

    public init(decision: LineDecision, outcome: BookingStatus?, bookingId: Int64?, drawAt: Date? = nil) {
        self.decision = decision
        self.outcome = outcome
        self.bookingId = bookingId
        self.drawAt = drawAt
    }

    public var line: BasketLine { decision.line }

    /// For the family: the rule's sentence when refused, the outcome otherwise.
    public var frenchOutcome: String {
        switch outcome {
        case nil: return decision.message
        case .waitingList? where drawAt != nil:
            return "Demande enregistrée pour le tirage au sort du \(FrenchDateFormat.longWithTime(drawAt!))."
        case .waitingList?: return "Complet : placé(e) sur liste d'attente."
        case .pendingValidation?: return "Demande transmise au service, en attente de validation."
        case .cancellationRequested?: return "Demande d'annulation transmise au service."
        case .booked?: return "Réservé."
        case .withdrawn?: return "Demande retirée."
        case let status?: return PlanningSlotState(status)?.label ?? "Annulé."
        }
    }
}

/// A waiting child who got a freed place (or was passed over, with the rule's reason).
public struct PromotionNotice: Sendable, Equatable {
    public let bookingId: Int64
    public let familyId: Int64
    public let slot: SlotKey
    /// nil when passed over.
    public let status: BookingStatus?
    public let message: String
}
