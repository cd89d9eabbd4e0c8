public import Foundation

/// Decides, for one town, whether a slot may be booked or cancelled at a given instant, and why.
/// It judges the calendar, closures and time rules; registration, age and capacity are checked
/// by the booking code with the rows it reads.
public struct RulesEngine: Sendable {
    public let tenant: TenantConfig

    public init(tenant: TenantConfig) { self.tenant = tenant }

    public func activity(_ code: String) throws(RulesError) -> Activity {
        guard let activity = tenant.activity(code) else { throw .unknownActivity(code) }
        return activity
    }

    /// Whether the activity offers anything on `date`; false for an unknown activity.
    public func runs(activity: String, on date: LocalDate) -> Bool {
        guard let found = tenant.activity(activity) else { return false }
        return notRunningReason(found, on: date) == nil
    }

    /// Why the activity offers nothing on `date`; nil when it runs.
    public func notRunningReason(activity: String, on date: LocalDate) throws(RulesError) -> NotRunningReason? {
        notRunningReason(try self.activity(activity), on: date)
    }

    func notRunningReason(_ activity: Activity, on date: LocalDate) -> NotRunningReason? {
        activity.notRunningReason(on: date, zone: tenant.schoolZone, closures: tenant.closures)
    }

    /// The price of one unit for a family; an unknown quotient pays the highest bracket.
    public func unitPrice(activity: String, unit: String, quotient: Int?, residency: Residency) -> Money? {
        guard let found = tenant.activity(activity), let unit = found.unit(unit) else { return nil }
        return found.price(of: unit, quotient: quotient, residency: residency)
    }

    /// When booking opens for the slot on `date`: 00:00 on the activity's first day in the
    /// date's period, minus the residency's number of days. nil when the activity has no opening rule.
    public func opensAt(_ activity: Activity, date: LocalDate, residency: Residency) -> Date? {
        guard let opening = activity.booking.opening else { return nil }
        let period = bookingPeriod(opening.period, containing: date)
        let first = stride(from: period.firstDay.dayNumber, through: date.dayNumber, by: 1).lazy.map(LocalDate.init(dayNumber:))
            .first { notRunningReason(activity, on: $0) == nil } ?? date
        return ParisTime.instant(first.adding(days: -opening.daysBefore(residency)), .midnight)
    }

    /// The span that booking opens for at once.
    func bookingPeriod(_ kind: BookingPeriod, containing date: LocalDate) -> BookingSpan {
        let month = BookingSpan(firstDay: LocalDate(year: date.year, month: date.month, day: 1)!,
                                lastDay: LocalDate(year: date.year, month: date.month, day: LocalDate.daysIn(month: date.month, year: date.year))!,
                                holiday: nil)
        guard kind == .schoolPeriod else { return month }
        let holidays = FrenchCalendar.schoolHolidays(zone: tenant.schoolZone)
        if let holiday = holidays.first(where: { $0.contains(date) }) {
            return BookingSpan(firstDay: holiday.firstDay, lastDay: holiday.lastDay, holiday: holiday)
        }
        // The stretch of school term between two holidays; outside the shipped calendar, the month.
        guard let previous = holidays.last(where: { $0.lastDay < date }),
              let next = holidays.first(where: { $0.firstDay > date }) else { return month }
        return BookingSpan(firstDay: previous.lastDay.adding(days: 1), lastDay: next.firstDay.adding(days: -1), holiday: nil)
    }
}

/// A period booking opens for: a school holiday, a stretch of term, or a month.
struct BookingSpan {
    let firstDay: LocalDate
    let lastDay: LocalDate
    let holiday: SchoolHoliday?
}
