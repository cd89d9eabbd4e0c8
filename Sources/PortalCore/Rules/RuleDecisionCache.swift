import Foundation

/// Rule decisions already taken while judging many lines at once: a planning asks the rules
/// the same question for each child on each day. A decision depends on nothing but its key.
public struct RuleDecisionCache {
    enum Question: Hashable {
        case action(BookingAction)
        case absence
    }

    struct Key: Hashable {
        let activity: String
        let unit: String
        let date: LocalDate
        let question: Question
        let residency: Residency
        let quotient: Int?
        let alreadyBooked: [String]
        let now: Date
    }

    private var decisions: [Key: RuleDecision] = [:]

    public init() {}

    mutating func decision<Failure: Error>(_ key: Key, _ decide: () throws(Failure) -> RuleDecision) throws(Failure) -> RuleDecision {
        if let known = decisions[key] { return known }
        let decision = try decide()
        decisions[key] = decision
        return decision
    }
}
