/// Why an activity offers nothing on a day.
public enum NotRunningReason: Sendable, Equatable {
    /// The day is none of the activity's kinds of day (weekend, school term for a holiday activity…).
    case notScheduled
    case closure(Closure)
    case publicHoliday(PublicHoliday)

    /// Stable id used as the decision's rule.
    public var ruleID: String {
        switch self {
        case .notScheduled: return "notRunning"
        case .closure: return "closure"
        case .publicHoliday: return "publicHoliday"
        }
    }

    /// For operators (config errors, CLI).
    var operatorText: String {
        switch self {
        case .notScheduled: return "not one of its days"
        case .closure(let closure): return "closure \"\(closure.label)\""
        case .publicHoliday(let holiday): return "public holiday \"\(holiday.name)\""
        }
    }

    /// For families: « Le lundi 6 avril 2026 est férié (Lundi de Pâques) : l'activité n'a pas lieu. »
    public func frenchMessage(activity: Activity, date: LocalDate) -> String {
        let day = FrenchDateFormat.long(date)
        switch self {
        case .notScheduled:
            return "L'activité « \(activity.label) » n'a pas lieu le \(day)."
        case .closure(let closure):
            return "Le service est fermé le \(day) (\(closure.label))."
        case .publicHoliday(let holiday):
            return "Le \(day) est un jour férié (\(holiday.name)) : l'activité « \(activity.label) » n'a pas lieu."
        }
    }
}

extension ActivitySchedule {
    /// Whether `date` is one of the listed kinds of day, ignoring closures and public holidays.
    public func includes(_ date: LocalDate, zone: SchoolZone) -> Bool {
        if dates.contains(date) { return true }
        guard !date.isWeekend else { return false }
        if let holiday = FrenchCalendar.schoolHoliday(on: date, zone: zone) {
            return schoolHolidayWeekdays.map { !$0.exceptHolidays.contains(holiday.kind) } ?? false
        }
        // Not `isInSchoolTerm`, which also excludes public holidays: those are reported as such.
        guard FrenchCalendar.schoolTerm(containing: date)?.contains(date) == true else { return false }
        return date.weekday == 3 ? schoolTermWednesdays : schoolDays
    }
}

extension Activity {
    /// nil when the activity runs on `date`; otherwise the first reason it does not.
    public func notRunningReason(on date: LocalDate, zone: SchoolZone, closures: [Closure]) -> NotRunningReason? {
        guard schedule.includes(date, zone: zone) else { return .notScheduled }
        if let closure = closures.first(where: { $0.contains(date) }) { return .closure(closure) }
        if !runsOnPublicHolidays, let holiday = FrenchCalendar.publicHoliday(on: date) { return .publicHoliday(holiday) }
        return nil
    }
}
