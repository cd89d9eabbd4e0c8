/// Working days (jours ouvrés): Monday to Friday, public holidays excluded. The town's own
/// closures are tenant configuration and are applied by the rules engine, not here.
extension FrenchCalendar {
    public static func isWorkingDay(_ date: LocalDate) -> Bool {
        !date.isWeekend && !isPublicHoliday(date)
    }

    /// The n-th working day strictly before `date` (n >= 1), counting back from date − 1:
    /// `workingDay(1, before: monday)` is the previous Friday when it is worked.
    public static func workingDay(_ n: Int, before date: LocalDate) -> LocalDate {
        stepWorkingDays(n, from: date, by: -1)
    }

    /// The n-th working day strictly after `date` (n >= 1), counting on from date + 1.
    public static func workingDay(_ n: Int, after date: LocalDate) -> LocalDate {
        stepWorkingDays(n, from: date, by: 1)
    }

    /// Working days in the half-open range [from, to); 0 when `to <= from`.
    public static func workingDays(from start: LocalDate, to end: LocalDate) -> Int {
        guard start < end else { return 0 }
        var count = 0
        for number in start.dayNumber..<end.dayNumber where isWorkingDay(LocalDate(dayNumber: number)) {
            count += 1
        }
        return count
    }

    private static func stepWorkingDays(_ n: Int, from date: LocalDate, by step: Int) -> LocalDate {
        precondition(n >= 1, "working-day counts start at 1")
        var current = date
        var found = 0
        while found < n {
            current = current.adding(days: step)
            if isWorkingDay(current) { found += 1 }
        }
        return current
    }
}
