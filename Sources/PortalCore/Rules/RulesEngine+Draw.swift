import Foundation

extension RulesEngine {
    /// The draw allocating the opening of the slot on `date`; nil when its places go first come,
    /// first served.
    public func drawWindow(activity code: String, date: LocalDate) -> DrawWindow? {
        guard let activity = tenant.activity(code), let draw = activity.booking.atOpening.draw else { return nil }
        if let periods = draw.periods {
            guard let holiday = FrenchCalendar.schoolHoliday(on: date, zone: tenant.schoolZone), periods.contains(holiday.kind) else { return nil }
        }
        guard let opens = firstOpening(activity, date: date) else { return nil }
        return DrawWindow(opensAt: opens, policy: draw.policy)
    }

    /// The published text a slot's seed is computed from: anyone can rebuild it from the slot.
    public func drawSeedText(activity: String, unit: String, date: LocalDate) -> String {
        "\(tenant.id)/\(activity)/\(date.iso)/\(unit)"
    }

    /// The first instant anyone may book the slot: the later of the holiday window's start and
    /// the opening rule for the residency it favours most.
    func firstOpening(_ activity: Activity, date: LocalDate) -> Date? {
        var window: Date?
        if case let .window(_, _, opens?, _) = timing(activity, date: date, action: .book) { window = opens }
        let rule = Residency.allCases.compactMap { opensAt(activity, date: date, residency: $0) }.min()
        return [window, rule].compactMap { $0 }.max()
    }
}
