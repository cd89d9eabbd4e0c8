public import Foundation

/// The verdict on one basket line at an instant, with its price.
public struct LineDecision: Sendable, Equatable {
    public let line: BasketLine
    public let allowed: Bool
    /// A rule id of the engine (`booking.calendarDaysBefore(5)`) or of booking itself:
    /// `notRegistered`, `registrationPending`, `audience`, `alreadyBooked`, `notBooked`,
    /// `cancellationPending`, `withdraw`, `waitingList`, `unknown`.
    public let ruleID: String
    /// For the family, in French.
    public let message: String
    public let deadline: Date?
    /// Goes to staff (activity needing validation, or a late request) instead of applying at once.
    public let needsValidation: Bool
    public let unitPrice: Money?
    /// The day's outing supplement billed with this unit.
    public let supplement: Money?
    /// What the line bills if it applies.
    public let amount: Money
    public let tariff: Tariff
    /// Why the price is not the family's usual one (« quotient familial expiré le … »).
    public let pricingNote: String?

    public init(line: BasketLine, allowed: Bool, ruleID: String, message: String, deadline: Date?, needsValidation: Bool,
                unitPrice: Money?, supplement: Money?, amount: Money, tariff: Tariff, pricingNote: String? = nil) {
        self.line = line
        self.allowed = allowed
        self.ruleID = ruleID
        self.message = message
        self.deadline = deadline
        self.needsValidation = needsValidation
        self.unitPrice = unitPrice
        self.supplement = supplement
        self.amount = amount
        self.tariff = tariff
        self.pricingNote = pricingNote
    }

    static func refused(_ line: BasketLine, _ ruleID: String, _ message: String, deadline: Date? = nil) -> LineDecision {
        LineDecision(line: line, allowed: false, ruleID: ruleID, message: message, deadline: deadline, needsValidation: false,
                     unitPrice: nil, supplement: nil, amount: .zero, tariff: .none)
    }
}

/// How a line is billed, as the recap and the e-mail name it (seed 004: tarification « à l'unité »).
public enum Tariff: String, Sendable, Equatable {
    case unit, lateSurcharge, lateCancellation, lateAbsence, none

    public var label: String {
        switch self {
        case .unit: return "à l'unité"
        case .lateSurcharge: return "tarif majoré (hors délai)"
        case .lateCancellation: return "annulation hors délai facturée"
        case .lateAbsence: return "absence hors délai facturée"
        case .none: return "non facturé"
        }
    }
}
