public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// The rule simulator: what the booking judge would answer, at a chosen instant, for one child
/// of a family (found by its code abonné) on one activity, unit and day.
public struct SimulateRules: Sendable {
    public struct Outcome: Sendable {
        /// Nil when no family has the code.
        public let family: FamilySummary?
        public let profile: BookingProfile?
        /// The child simulated: the one asked when the family has it, else its first.
        public let childID: Int64?
        /// Nil when there is no child to judge or no slot asked.
        public let simulation: RuleSimulation?
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    /// `slot` is `activite/unite`, as the form sends it.
    public func run(subscriberCode code: String, childID asked: Int64?, slot: String, day: LocalDate, at instant: Date) throws -> Outcome {
        let parts = slot.split(separator: "/").map(String.init)
        return try town.transaction { connection in
            guard !code.isEmpty, let family = try FamilyStore.find(subscriberCode: code, in: connection),
                  let profile = try DossierBookingProfiles().profile(familyID: family.id, in: connection) else {
                return Outcome(family: nil, profile: nil, childID: asked, simulation: nil)
            }
            var childID = asked
            if childID == nil || profile.children.allSatisfy({ $0.id != childID }) { childID = profile.children.first?.id }
            guard let child = childID, parts.count == 2,
                  let bookingContext = try SimulationStore.context(familyID: family.id, date: day, tenant: town.tenant, in: connection)
            else { return Outcome(family: family, profile: profile, childID: childID, simulation: nil) }
            let key = SlotKey(date: day, childID: child, activity: parts[0], unit: parts[1])
            return Outcome(family: family, profile: profile, childID: childID,
                           simulation: RuleSimulation(judge: town.judge, context: bookingContext, slot: key, now: instant))
        }
    }
}
