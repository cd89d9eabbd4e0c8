public import Foundation
public import PortalCore
import PortalStore
import Postgres

/// « Jours types »: the chosen weekdays from one date to another, for the chosen children and
/// units, into the basket; only days the unit runs, the child is registered and the change
/// makes sense.
public struct AddJoursTypes: Sendable {
    /// What the family ticked; children not of the family are ignored.
    public struct Choice: Sendable {
        public var childIDs: [Int64]
        public var weekdays: Set<Int>
        public var services: [(activity: String, unit: String)]
        public var action: BookingAction
        public var from: LocalDate?
        public var to: LocalDate?

        public init(childIDs: [Int64], weekdays: Set<Int>, services: [(activity: String, unit: String)], action: BookingAction,
                    from: LocalDate?, to: LocalDate?) {
            self.childIDs = childIDs
            self.weekdays = weekdays
            self.services = services
            self.action = action
            self.from = from
            self.to = to
        }
    }

    public enum Outcome: Sendable, Equatable {
        case added(familyID: Int64)
        /// A child, a unit, a weekday or valid dates (a year at most) are missing.
        case incomplete(familyID: Int64)
        /// No day matched the choice.
        case nothingMatched(familyID: Int64)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(accountID: Int64, family asked: Int64??, choice: Choice, now: Date) throws -> Outcome {
        let engine = RulesEngine(tenant: town.tenant)
        return try town.transaction { connection -> Outcome in
            guard let family = try BookingFamily.resolve(accountID: accountID, asked: asked, in: connection) else { throw FlowError.notFound }
            let children = choice.childIDs.filter { id in family.profile.children.contains { $0.id == id } }
            guard !children.isEmpty, !choice.weekdays.isEmpty, !choice.services.isEmpty, let from = choice.from, let to = choice.to,
                  from <= to, from.days(until: to) <= 366 else { return .incomplete(familyID: family.id) }
            let (bookingContext, _, registrations) = try family.bookingContext(from: from, to: to, tenant: town.tenant, in: connection)
            let grouped = Dictionary(grouping: choice.services, by: \.activity).mapValues { $0.map(\.unit) }
            let lines = grouped.keys.sorted().flatMap { activity in
                JoursTypes(weekdays: choice.weekdays, firstDay: from, lastDay: to, childIDs: children, activity: activity, units: grouped[activity]!,
                           action: choice.action).lines { engine.offers(activity: activity, unit: $1, on: $0) }
            }.filter { line in
                let registered = registrations.contains {
                    $0.registration.childID == line.slot.childID && $0.registration.activityCode == line.slot.activity
                        && $0.registration.status != .refused && $0.registration.period.contains(line.slot.date)
                }
                let active = bookingContext.status(line.slot)?.isActive ?? false
                return registered && (line.action == .book ? !active : active)
            }
            guard !lines.isEmpty else { return .nothingMatched(familyID: family.id) }
            try BasketStore.add(lines, familyID: family.id, now: now, in: connection)
            return .added(familyID: family.id)
        }
    }
}
