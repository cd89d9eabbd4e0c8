/// The states of the planning's legend, each with a word and a symbol so that colour is never
/// the only signal (RGAA 3.1).
public enum PlanningSlotState: String, Sendable, Equatable, CaseIterable {
    case booked, pendingValidation, waitingList, absent, cancellationRequested, refused, notBookable
    /// On the waiting list while the slot's opening waits for its draw (issue 11).
    case awaitingDraw
    /// Nothing booked and bookable now; not in the legend (the plain slot).
    case available

    public init?(_ status: BookingStatus) {
        switch status {
        case .booked: self = .booked
        case .pendingValidation: self = .pendingValidation
        case .waitingList: self = .waitingList
        case .absent: self = .absent
        case .cancellationRequested: self = .cancellationRequested
        case .refused: self = .refused
        case .cancelled, .withdrawn: return nil
        }
    }

    public static let legend: [PlanningSlotState] = [.booked, .pendingValidation, .waitingList, .awaitingDraw, .absent,
                                                     .cancellationRequested, .refused, .notBookable]

    public var label: String {
        switch self {
        case .booked: return "Réservé / enfant présent"
        case .pendingValidation: return "Demande en attente de validation"
        case .waitingList: return "Liste d'attente"
        case .awaitingDraw: return "En attente du tirage au sort"
        case .absent: return "Enfant absent"
        case .cancellationRequested: return "Demande d'annulation"
        case .refused: return "Demande refusée"
        case .notBookable: return "Non réservable ou non modifiable"
        case .available: return "Disponible"
        }
    }

    /// A short mark shown beside the colour.
    public var symbol: String {
        switch self {
        case .booked: return "✓"
        case .pendingValidation: return "…"
        case .waitingList: return "≡"
        case .awaitingDraw: return "T"
        case .absent: return "A"
        case .cancellationRequested: return "↺"
        case .refused: return "✕"
        case .notBookable: return "—"
        case .available: return "+"
        }
    }

    /// CSS class suffix: `slot--booked`.
    public var cssName: String {
        switch self {
        case .booked: return "booked"
        case .pendingValidation: return "pending"
        case .waitingList: return "waiting"
        case .awaitingDraw: return "draw"
        case .absent: return "absent"
        case .cancellationRequested: return "cancel-requested"
        case .refused: return "refused"
        case .notBookable: return "locked"
        case .available: return "available"
        }
    }
}
