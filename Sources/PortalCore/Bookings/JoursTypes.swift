/// « Jours types »: the same weekdays over a span, for one or several children at once
/// (seed 002: tick Tuesdays from 01/09 to 04/07 = every Tuesday of the year).
public struct JoursTypes: Sendable, Equatable {
    /// ISO weekdays, 1 = Monday.
    public let weekdays: Set<Int>
    public let firstDay: LocalDate
    public let lastDay: LocalDate
    public let childIDs: [Int64]
    public let activity: String
    public let units: [String]
    public let action: BookingAction

    public init(weekdays: Set<Int>, firstDay: LocalDate, lastDay: LocalDate, childIDs: [Int64], activity: String,
                units: [String], action: BookingAction = .book) {
        self.weekdays = weekdays
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.childIDs = childIDs
        self.activity = activity
        self.units = units
        self.action = action
    }

    /// One line per matching day, child and unit; days on which the unit is not offered
    /// (`offers` false: the activity does not run, a closure, an outing closing the unit) are skipped.
    public func lines(offers: (_ date: LocalDate, _ unit: String) -> Bool) -> [BasketLine] {
        firstDay.through(lastDay).filter { weekdays.contains($0.weekday) }.flatMap { date in
            units.filter { offers(date, $0) }.flatMap { unit in
                childIDs.map { BasketLine(date: date, childID: $0, activity: activity, unit: unit, action: action) }
            }
        }
    }
}

extension RulesEngine {
    /// Whether `unit` can be asked for on `date` at all (running day, not closed by an outing).
    public func offers(activity code: String, unit: String, on date: LocalDate) -> Bool {
        guard let activity = tenant.activity(code), activity.unit(unit) != nil,
              notRunningReason(activity, on: date) == nil else { return false }
        return !(activity.supplement(on: date)?.closedUnits.contains(unit) ?? false)
    }
}
