/// Staff answers to a pré-inscription. Only a pending request of a period not yet over can be answered.
extension Registration {
    public func accepted(today: LocalDate) throws(RegistrationTransitionError) -> Registration {
        try checkAnswerable(today: today)
        return Registration(id: id, childID: childID, activityCode: activityCode, period: period, status: .accepted)
    }

    public func refused(reason: String, today: LocalDate) throws(RegistrationTransitionError) -> Registration {
        try checkAnswerable(today: today)
        let trimmed = String(reason.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !trimmed.isEmpty else { throw .reasonRequired }
        return Registration(id: id, childID: childID, activityCode: activityCode, period: period, status: .refused,
                            refusalReason: trimmed)
    }

    private func checkAnswerable(today: LocalDate) throws(RegistrationTransitionError) {
        guard status == .pending else { throw .alreadyAnswered(status) }
        guard period.lastDay >= today else { throw .periodOver }
    }
}

public enum RegistrationTransitionError: Error, Sendable, Equatable {
    case alreadyAnswered(RegistrationStatus)
    case periodOver
    case reasonRequired

    public var frenchMessage: String {
        switch self {
        case .alreadyAnswered(.accepted): return "Cette pré-inscription a déjà été acceptée."
        case .alreadyAnswered: return "Cette pré-inscription a déjà été refusée."
        case .periodOver: return "La période de cette pré-inscription est terminée."
        case .reasonRequired: return "Indiquez le motif du refus : il est communiqué à la famille."
        }
    }
}
