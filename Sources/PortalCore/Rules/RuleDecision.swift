public import Foundation

/// The answer to « may this family book (or cancel) this slot now? », with the rule that decided.
public struct RuleDecision: Sendable, Equatable {
    public let allowed: Bool
    /// Stable id of the governing rule: `booking.calendarDaysBefore(5)`, `cancellation.workingDaysBefore(2)`,
    /// `booking.monthlyCutoff(20)`, `window.noel`, `opening.resident`, `closure`, `publicHoliday`,
    /// `notRunning`, `unitClosed`, `exclusivity`.
    public let ruleID: String
    /// Last instant the action is (or was) allowed.
    public let deadline: Date?
    /// When refused because booking is not open yet.
    public let opensAt: Date?
    public let surchargeCents: Int?
    /// Set when past the deadline but still allowed, as a late request or with a surcharge.
    public let lateOutcome: LatePolicy?
    /// For the family, in French.
    public let message: String

    public init(allowed: Bool, ruleID: String, deadline: Date? = nil, opensAt: Date? = nil,
                surchargeCents: Int? = nil, lateOutcome: LatePolicy? = nil, message: String) {
        self.allowed = allowed
        self.ruleID = ruleID
        self.deadline = deadline
        self.opensAt = opensAt
        self.surchargeCents = surchargeCents
        self.lateOutcome = lateOutcome
        self.message = message
    }
}

public enum RulesError: Error, Sendable, Equatable {
    case unknownActivity(String)
    case unknownUnit(activity: String, unit: String)

    public var frenchMessage: String {
        switch self {
        case .unknownActivity(let code): return "Activité inconnue : « \(code) »."
        case let .unknownUnit(activity, unit): return "Unité inconnue pour l'activité « \(activity) » : « \(unit) »."
        }
    }
}
