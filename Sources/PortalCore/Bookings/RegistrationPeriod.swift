/// The span a pré-inscription covers: a calendar year (renewed each January, seed 000) or a
/// school year from 1 September to 31 August (seed 004).
public struct RegistrationPeriod: Sendable, Hashable {
    public let validity: RegistrationPolicy.Validity
    public let firstDay: LocalDate
    public let lastDay: LocalDate

    public init(validity: RegistrationPolicy.Validity, firstDay: LocalDate, lastDay: LocalDate) {
        self.validity = validity
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// The period of the tenant's kind that contains `date`.
    public static func containing(_ date: LocalDate, validity: RegistrationPolicy.Validity) -> RegistrationPeriod {
        switch validity {
        case .calendarYear:
            return RegistrationPeriod(validity: validity, firstDay: LocalDate(year: date.year, month: 1, day: 1)!,
                                      lastDay: LocalDate(year: date.year, month: 12, day: 31)!)
        case .schoolYear:
            let startYear = date.month >= 9 ? date.year : date.year - 1
            return RegistrationPeriod(validity: validity, firstDay: LocalDate(year: startYear, month: 9, day: 1)!,
                                      lastDay: LocalDate(year: startYear + 1, month: 8, day: 31)!)
        }
    }

    /// The period after this one: what a family registers for when renewing.
    public var next: RegistrationPeriod {
        RegistrationPeriod.containing(lastDay.adding(days: 1), validity: validity)
    }

    public func contains(_ date: LocalDate) -> Bool { firstDay <= date && date <= lastDay }

    /// « année 2026 », « année scolaire 2025-2026 »
    public var label: String {
        switch validity {
        case .calendarYear: return "année \(firstDay.year)"
        case .schoolYear: return "année scolaire \(firstDay.year)-\(lastDay.year)"
        }
    }
}
