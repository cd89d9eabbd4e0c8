/// A pré-inscription: a child registered to an activity for a period; needed before booking.
public struct Registration: Sendable, Equatable {
    public let id: Int64?
    public let childID: Int64
    public let activityCode: String
    public let period: RegistrationPeriod
    public let status: RegistrationStatus
    /// Given by staff when refusing; shown to the family.
    public let refusalReason: String?

    public init(id: Int64? = nil, childID: Int64, activityCode: String, period: RegistrationPeriod,
                status: RegistrationStatus, refusalReason: String? = nil) {
        self.id = id
        self.childID = childID
        self.activityCode = activityCode
        self.period = period
        self.status = status
        self.refusalReason = refusalReason
    }

    /// A new request: accepted at once where the town validates automatically (seed 004).
    public static func request(childID: Int64, activityCode: String, period: RegistrationPeriod,
                               policy: RegistrationPolicy) -> Registration {
        Registration(childID: childID, activityCode: activityCode, period: period,
                     status: policy.validation == .automatic ? .accepted : .pending)
    }

    /// What the family reads: a registration whose period is over is « Terminée », unless refused.
    public func displayStatus(today: LocalDate) -> RegistrationDisplayStatus {
        switch status {
        case .refused: return .refused
        case _ where period.lastDay < today: return .ended
        case .pending: return .pending
        case .accepted: return .accepted
        }
    }

    /// Whether the child may be booked on `date` as far as registration goes.
    public func allowsBooking(on date: LocalDate) -> Bool {
        status == .accepted && period.contains(date)
    }
}

/// The stored status of a registration; `Terminée` is derived from the date.
public enum RegistrationStatus: String, Sendable, Equatable, CaseIterable {
    case pending, accepted, refused
}

public enum RegistrationDisplayStatus: String, Sendable, Equatable, CaseIterable {
    case pending, accepted, refused, ended

    public var label: String {
        switch self {
        case .pending: return "Demande en cours"
        case .accepted: return "Réservation possible"
        case .refused: return "Refusée"
        case .ended: return "Terminée"
        }
    }
}
