/// The places of one unit on one day, whether or not anyone has booked it yet.
public struct DayPlaces: Sendable, Equatable {
    public let day: LocalDate
    public let activity: String
    public let unit: String
    public let capacity: Int
    public let booked: Int
    public let waiting: Int
    /// The slot row once someone booked (its waiting list's page); nil while the day is untouched.
    public let slotID: Int64?

    public init(day: LocalDate, activity: String, unit: String, capacity: Int, booked: Int, waiting: Int, slotID: Int64?) {
        self.day = day
        self.activity = activity
        self.unit = unit
        self.capacity = capacity
        self.booked = booked
        self.waiting = waiting
        self.slotID = slotID
    }

    public var placesLeft: Int { max(0, capacity - booked) }
}

extension RulesEngine {
    /// Every unit offered from `from` to `to`: `stored` counts where a slot row exists, the
    /// catalogue's capacity where none does yet (slot rows are created on first booking). Days
    /// an activity does not run (its kinds of day, closures, public holidays) and units an
    /// outing closes offer nothing; a stored row is kept whatever the calendar says, since
    /// children are booked on it. Ordered by day, then as the town file lists activities and units.
    public func places(from: LocalDate, to: LocalDate, stored: [DayPlaces]) -> [DayPlaces] {
        let known = Set(stored.map { "\($0.day.iso)/\($0.activity)/\($0.unit)" })
        var all = stored
        for activity in tenant.activities {
            for day in from.through(to) where notRunningReason(activity, on: day) == nil {
                let closed = activity.supplement(on: day)?.closedUnits ?? []
                for unit in activity.units where !closed.contains(unit.code) && !known.contains("\(day.iso)/\(activity.code)/\(unit.code)") {
                    all.append(DayPlaces(day: day, activity: activity.code, unit: unit.code, capacity: unit.capacity, booked: 0, waiting: 0, slotID: nil))
                }
            }
        }
        func rank(_ places: DayPlaces) -> (Int, Int) {
            let activity = tenant.activities.firstIndex { $0.code == places.activity }
            let unit = activity.flatMap { tenant.activities[$0].units.firstIndex { $0.code == places.unit } }
            return (activity ?? Int.max, unit ?? Int.max)
        }
        return all.sorted { left, right in
            if left.day != right.day { return left.day < right.day }
            let (l, r) = (rank(left), rank(right))
            return l != r ? l < r : (left.activity, left.unit) < (right.activity, right.unit)
        }
    }
}
