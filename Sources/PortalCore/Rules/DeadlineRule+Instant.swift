public import Foundation

extension DeadlineRule {
    /// The day on which the action stops being allowed for a slot on `date`.
    public func lastDay(for date: LocalDate) -> LocalDate {
        switch kind {
        case .calendarDaysBefore(let days):
            return date.adding(days: -days)
        case .workingDaysBefore(let days):
            return FrenchCalendar.workingDay(days, before: date)
        case .monthlyCutoff(let day):
            let previousMonth = LocalDate(year: date.year, month: date.month, day: 1)!.adding(months: -1)
            return LocalDate(year: previousMonth.year, month: previousMonth.month,
                             day: min(day, LocalDate.daysIn(month: previousMonth.month, year: previousMonth.year)))!
        }
    }

    /// The last instant (Paris time) the action is allowed for a slot on `date`.
    public func deadline(for date: LocalDate) -> Date {
        ParisTime.instant(lastDay(for: date), time ?? .endOfDay)
    }

    /// « calendarDaysBefore(5) », the rule's id without its action.
    public var idSuffix: String {
        let base: String
        switch kind {
        case .calendarDaysBefore(let days): base = "calendarDaysBefore(\(days))"
        case .workingDaysBefore(let days): base = "workingDaysBefore(\(days))"
        case .monthlyCutoff(let day): base = "monthlyCutoff(\(day))"
        }
        return time.map { "\(base)@\($0.hhmm)" } ?? base
    }

    /// « 5 jours calendaires avant la date », « 2 jours ouvrés avant la date à 10 h 00 »,
    /// « le 20 du mois précédent »
    public var frenchDescription: String {
        let base: String
        switch kind {
        case .calendarDaysBefore(let days):
            base = days == 0 ? "le jour même" : "\(days) jour\(days > 1 ? "s" : "") calendaire\(days > 1 ? "s" : "") avant la date"
        case .workingDaysBefore(let days):
            base = "\(days) jour\(days > 1 ? "s" : "") ouvré\(days > 1 ? "s" : "") avant la date"
        case .monthlyCutoff(let day):
            base = "le \(day == 1 ? "1er" : String(day)) du mois précédent"
        }
        return time.map { "\(base) à \(FrenchDateFormat.time($0))" } ?? base
    }
}

/// Instants are compared in whole seconds, the precision of every rule: a deadline at 23:59:59
/// still allows 23:59:59.900.
func isAtOrBefore(_ now: Date, _ deadline: Date) -> Bool {
    now.timeIntervalSince1970.rounded(.down) <= deadline.timeIntervalSince1970.rounded(.down)
}
