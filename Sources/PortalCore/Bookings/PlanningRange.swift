public import Foundation

/// The planning's views: which days are shown around an anchor day, and how to move.
public enum PlanningView: String, Sendable, Equatable, CaseIterable {
    case month, week, workweek, day

    public var label: String {
        switch self {
        case .month: return "Mois"
        case .week: return "Semaine"
        case .workweek: return "5 jours"
        case .day: return "Jour"
        }
    }
}

public struct PlanningRange: Sendable, Equatable {
    public let view: PlanningView
    public let anchor: LocalDate
    public let firstDay: LocalDate
    public let lastDay: LocalDate

    public init(view: PlanningView, anchor: LocalDate) {
        self.view = view
        self.anchor = anchor
        switch view {
        case .month:
            firstDay = LocalDate(year: anchor.year, month: anchor.month, day: 1)!
            lastDay = LocalDate(year: anchor.year, month: anchor.month, day: LocalDate.daysIn(month: anchor.month, year: anchor.year))!
        case .week:
            firstDay = anchor.adding(days: 1 - anchor.weekday)
            lastDay = firstDay.adding(days: 6)
        case .workweek:
            firstDay = anchor.adding(days: 1 - anchor.weekday)
            lastDay = firstDay.adding(days: 4)
        case .day:
            firstDay = anchor
            lastDay = anchor
        }
    }

    /// The range holding today in Paris.
    public static func today(_ view: PlanningView, now: Date) -> PlanningRange {
        PlanningRange(view: view, anchor: ParisTime.localDate(of: now))
    }

    public var previous: PlanningRange { PlanningRange(view: view, anchor: step(-1)) }
    public var next: PlanningRange { PlanningRange(view: view, anchor: step(1)) }

    private func step(_ direction: Int) -> LocalDate {
        switch view {
        case .month: return firstDay.adding(months: direction)
        case .week, .workweek: return firstDay.adding(days: 7 * direction)
        case .day: return anchor.adding(days: direction)
        }
    }

    public var days: [LocalDate] { firstDay.through(lastDay) }

    /// Whole Monday-to-Sunday weeks covering the range, for the month grid; days outside the
    /// range are nil.
    public var weeks: [[LocalDate?]] {
        let start = firstDay.adding(days: 1 - firstDay.weekday)
        let end = lastDay.adding(days: 7 - lastDay.weekday)
        return stride(from: 0, to: start.days(until: end) + 1, by: 7).map { offset in
            (0..<7).map { index in
                let date = start.adding(days: offset + index)
                return firstDay <= date && date <= lastDay ? date : nil
            }
        }
    }

    /// « janvier 2026 », « du lun. 12 au dim. 18 janv. 2026 », « mercredi 14 janvier 2026 »
    public var title: String {
        switch view {
        case .month:
            return "\(FrenchDateFormat.monthName(firstDay.month)) \(firstDay.year)"
        case .week, .workweek:
            let from = firstDay.month == lastDay.month
                ? "\(FrenchDateFormat.weekdayAbbreviation(firstDay.weekday)) \(FrenchDateFormat.dayOfMonth(firstDay))"
                : FrenchDateFormat.short(firstDay) + (firstDay.year == lastDay.year ? "" : " \(firstDay.year)")
            return "du \(from) au \(FrenchDateFormat.short(lastDay)) \(lastDay.year)"
        case .day:
            return FrenchDateFormat.long(anchor)
        }
    }
}

public enum PlanningWording {
    /// « modifiable jusqu'au ven. 9 janv. 23 h 59 »
    public static func modifiableUntil(_ deadline: Date) -> String {
        "modifiable jusqu'au \(FrenchDateFormat.shortWithTime(deadline))"
    }
}
