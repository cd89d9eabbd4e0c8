import Testing
import PortalCore

@Suite struct WorkingDayTests {
    @Test(arguments: [
        ("2026-01-09", true), ("2026-01-10", false), ("2026-01-11", false), ("2026-04-06", false),
        ("2026-05-01", false), ("2026-05-08", false), ("2026-05-14", false),
        ("2026-05-15", true),  // the school "pont" is not a public holiday
        ("2026-05-25", false), ("2026-07-14", false), ("2025-12-26", true), ("2026-11-11", false),
    ])
    func isWorkingDay_isMondayToFridayOutsidePublicHolidays(iso: String, expected: Bool) {
        #expect(FrenchCalendar.isWorkingDay(day(iso)) == expected)
    }

    struct Case: Sendable, CustomStringConvertible {
        let n: Int
        let date: String
        let expected: String
        var description: String { "\(n) before \(date) = \(expected)" }
    }

    @Test(arguments: [
        Case(n: 1, date: "2026-01-14", expected: "2026-01-13"),  // Wednesday → Tuesday
        Case(n: 1, date: "2026-01-12", expected: "2026-01-09"),  // Monday → Friday across the weekend
        Case(n: 1, date: "2026-01-10", expected: "2026-01-09"),  // from a Saturday
        Case(n: 5, date: "2026-01-12", expected: "2026-01-05"),
        Case(n: 1, date: "2026-05-25", expected: "2026-05-22"),  // Pentecost Monday itself is not counted
        Case(n: 2, date: "2026-05-25", expected: "2026-05-21"),
        Case(n: 1, date: "2026-04-07", expected: "2026-04-03"),  // across Easter Monday and the weekend
        Case(n: 2, date: "2026-04-08", expected: "2026-04-03"),
        Case(n: 1, date: "2026-05-04", expected: "2026-04-30"),  // across Friday 1 May
        Case(n: 5, date: "2026-05-11", expected: "2026-04-30"),  // across Fridays 8 and 1 May
        Case(n: 1, date: "2026-05-15", expected: "2026-05-13"),  // across Ascension Thursday
        Case(n: 2, date: "2026-05-18", expected: "2026-05-13"),  // the pont Friday is worked
        Case(n: 2, date: "2026-01-02", expected: "2025-12-30"),  // across 1 January
        Case(n: 3, date: "2025-12-29", expected: "2025-12-23"),  // across Christmas; 26 December is worked
        Case(n: 2, date: "2026-11-13", expected: "2026-11-10"),  // across Wednesday 11 November
    ])
    func workingDayBefore_countsBackSkippingWeekendsAndPublicHolidays(c: Case) {
        #expect(FrenchCalendar.workingDay(c.n, before: day(c.date)) == day(c.expected))
    }

    @Test(arguments: [
        Case(n: 1, date: "2026-04-30", expected: "2026-05-04"),
        Case(n: 1, date: "2026-01-09", expected: "2026-01-12"),
        Case(n: 3, date: "2026-05-12", expected: "2026-05-18"),
        Case(n: 1, date: "2026-04-03", expected: "2026-04-07"),
    ])
    func workingDayAfter_countsOnSkippingWeekendsAndPublicHolidays(c: Case) {
        #expect(FrenchCalendar.workingDay(c.n, after: day(c.date)) == day(c.expected))
    }

    @Test(arguments: [
        ("2026-05-01", "2026-05-16", 8), ("2026-01-05", "2026-01-12", 5), ("2026-01-12", "2026-01-12", 0),
        ("2026-01-12", "2026-01-05", 0),
    ])
    func workingDays_countsTheHalfOpenRange(from: String, to: String, expected: Int) {
        #expect(FrenchCalendar.workingDays(from: day(from), to: day(to)) == expected)
    }

    @Test func workingDayBefore_andAfter_areInverseOnWorkingDays() {
        for date in day("2025-09-01").through(day("2027-08-31")) where FrenchCalendar.isWorkingDay(date) {
            for n in 1...5 {
                let earlier = FrenchCalendar.workingDay(n, before: date)
                #expect(FrenchCalendar.isWorkingDay(earlier))
                #expect(FrenchCalendar.workingDays(from: earlier, to: date) == n)
                #expect(FrenchCalendar.workingDay(n, after: earlier) == date)
            }
        }
    }
}
