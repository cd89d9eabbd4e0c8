/// The stored status of one child's booking on one slot. `cancelled`, `withdrawn` leave the slot
/// free for the family; the others are shown on the planning with the legend (`PlanningSlotState`).
public enum BookingStatus: String, Sendable, Equatable, CaseIterable {
    /// « Réservé / enfant présent »
    case booked
    /// « Demande en attente de validation »: holds a place so that staff cannot overbook by accepting.
    case pendingValidation
    /// « Liste d'attente »
    case waitingList
    /// « Enfant absent »: declared by the family on a booked day; the place stays taken.
    case absent
    /// « Demande d'annulation »: the booking holds until staff answer.
    case cancellationRequested
    /// « Demande refusée »
    case refused
    case cancelled
    /// A request the family took back before staff answered.
    case withdrawn

    /// Whether the booking counts against the slot's capacity.
    public var holdsPlace: Bool {
        switch self {
        case .booked, .pendingValidation, .absent, .cancellationRequested: return true
        case .waitingList, .refused, .cancelled, .withdrawn: return false
        }
    }

    /// Whether the family has something on the slot (a new booking would be a duplicate).
    public var isActive: Bool { holdsPlace || self == .waitingList }
}

/// What happens to a booking. `needsValidation` is true when the activity requires staff
/// validation or the action is past its deadline under a `request` late policy.
public enum BookingEvent: Sendable, Equatable {
    case book(needsValidation: Bool, placeAvailable: Bool)
    case cancel(needsValidation: Bool)
    case declareAbsence
    /// The family takes back a request staff have not answered.
    case withdraw
    case staffAccept
    case staffRefuse
    /// A place was freed: the first waiting child gets it.
    case promote(needsValidation: Bool)
}

public enum BookingTransitionError: Error, Sendable, Equatable {
    case alreadyBooked(BookingStatus)
    case nothingToCancel
    case notBooked
    case nothingToWithdraw
    case nothingToAnswer
    case notWaiting

    public var frenchMessage: String {
        switch self {
        case .alreadyBooked(.waitingList): return "L'enfant est déjà sur la liste d'attente de ce créneau."
        case .alreadyBooked(.pendingValidation): return "Une demande de réservation est déjà en attente de validation pour ce créneau."
        case .alreadyBooked: return "Ce créneau est déjà réservé."
        case .nothingToCancel: return "Il n'y a pas de réservation à annuler sur ce créneau."
        case .notBooked: return "Une absence ne peut être déclarée que sur un jour réservé."
        case .nothingToWithdraw: return "Il n'y a pas de demande en attente à retirer sur ce créneau."
        case .nothingToAnswer: return "Cette demande a déjà reçu une réponse ou a été retirée."
        case .notWaiting: return "Cet enfant n'est pas sur la liste d'attente."
        }
    }
}

extension Optional where Wrapped == BookingStatus {
    /// The status after `event`, from no booking (nil) or a stored status.
    public func applying(_ event: BookingEvent) throws(BookingTransitionError) -> BookingStatus {
        switch event {
        case let .book(needsValidation, placeAvailable):
            if let status = self, status.isActive { throw .alreadyBooked(status) }
            guard placeAvailable else { return .waitingList }
            return needsValidation ? .pendingValidation : .booked
        case .cancel(let needsValidation):
            switch self {
            case .booked?: return needsValidation ? .cancellationRequested : .cancelled
            case .absent?: return needsValidation ? .cancellationRequested : .cancelled
            // Leaving the waiting list takes no place from anyone: never needs staff.
            case .waitingList?: return .cancelled
            default: throw .nothingToCancel
            }
        case .declareAbsence:
            guard self == .booked else { throw .notBooked }
            return .absent
        case .withdraw:
            switch self {
            case .pendingValidation?: return .withdrawn
            case .cancellationRequested?: return .booked
            default: throw .nothingToWithdraw
            }
        case .staffAccept:
            switch self {
            case .pendingValidation?: return .booked
            case .cancellationRequested?: return .cancelled
            default: throw .nothingToAnswer
            }
        case .staffRefuse:
            switch self {
            case .pendingValidation?: return .refused
            // A refused cancellation leaves the booking as it was.
            case .cancellationRequested?: return .booked
            default: throw .nothingToAnswer
            }
        case .promote(let needsValidation):
            guard self == .waitingList else { throw .notWaiting }
            return needsValidation ? .pendingValidation : .booked
        }
    }
}
