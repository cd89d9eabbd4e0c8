import Foundation
import Testing
@testable import PortalCore

/// One line of a town's rule table: an action on a slot at an instant, and the expected decision.
/// Instants are written with their Paris offset, as the CLI prints them.
struct RuleRow: Sendable, CustomTestStringConvertible {
    let activity: String
    let unit: String
    let date: String
    let action: BookingAction
    let residency: Residency
    let now: String
    let allowed: Bool
    let rule: String
    let deadline: String?
    let opensAt: String?
    let surchargeCents: Int?
    let quotient: Int?
    let alreadyBooked: [String]

    init(_ activity: String, _ unit: String, _ date: String, _ action: BookingAction = .book,
         _ residency: Residency = .resident, now: String, allowed: Bool, rule: String, deadline: String? = nil,
         opensAt: String? = nil, surchargeCents: Int? = nil, quotient: Int? = nil, alreadyBooked: [String] = []) {
        self.activity = activity
        self.unit = unit
        self.date = date
        self.action = action
        self.residency = residency
        self.now = now
        self.allowed = allowed
        self.rule = rule
        self.deadline = deadline
        self.opensAt = opensAt
        self.surchargeCents = surchargeCents
        self.quotient = quotient
        self.alreadyBooked = alreadyBooked
    }

    var testDescription: String {
        "\(action.rawValue) \(activity)/\(unit) on \(date) (\(residency.rawValue)) at \(now) → \(allowed ? "allowed" : "refused") by \(rule)"
    }

    func decide(_ engine: RulesEngine) throws -> RuleDecision {
        try engine.decide(activity: activity, unit: unit, date: try #require(LocalDate(iso: date)), action: action,
                          residency: residency, now: instant(now), quotient: quotient, alreadyBooked: alreadyBooked)
    }

    func check(_ engine: RulesEngine) throws {
        let decision = try decide(engine)
        #expect(decision.allowed == allowed, "\(decision.message)")
        #expect(decision.ruleID == rule)
        #expect(decision.deadline.map(ParisTime.iso8601) == deadline)
        #expect(decision.opensAt.map(ParisTime.iso8601) == opensAt)
        #expect(decision.surchargeCents == surchargeCents)
    }
}

func instant(_ iso: String) -> Date {
    guard let date = ParisTime.parseISO8601(iso) else { preconditionFailure("bad instant in test table: \(iso)") }
    return date
}

func engine(_ id: String) throws -> RulesEngine {
    RulesEngine(tenant: try shippedTenant(id))
}
