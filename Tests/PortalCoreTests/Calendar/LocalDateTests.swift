import Testing
import PortalCore

@Suite struct LocalDateTests {
    @Test(arguments: [
        ("1969-12-31", 3), ("1970-01-01", 4), ("2000-01-01", 6), ("2024-12-25", 3),
        ("2026-01-09", 5), ("2026-05-25", 1), ("2026-07-14", 2), ("2028-02-29", 2), ("2038-04-25", 7),
    ])
    func weekday_ofKnownDates_isTheIsoWeekday(iso: String, isoWeekday: Int) {
        #expect(day(iso).weekday == isoWeekday)
    }

    @Test(arguments: [
        ("2028-02-28", 1, "2028-02-29"), ("2028-02-28", 2, "2028-03-01"), ("2027-02-28", 1, "2027-03-01"),
        ("2100-02-28", 1, "2100-03-01"), ("2000-02-28", 1, "2000-02-29"), ("2026-04-30", 1, "2026-05-01"),
        ("2026-12-31", 1, "2027-01-01"), ("2026-01-01", -1, "2025-12-31"), ("2028-03-01", -1, "2028-02-29"),
        ("2026-01-09", 365, "2027-01-09"), ("1970-01-01", -1, "1969-12-31"),
    ])
    func addingDays_crossesMonthAndYearEnds(start: String, days: Int, expected: String) {
        #expect(day(start).adding(days: days) == day(expected))
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2026-03-31", -1, "2026-02-28"),
        ("2026-12-15", 1, "2027-01-15"), ("2026-01-15", -1, "2025-12-15"), ("2028-02-29", 12, "2029-02-28"),
        ("2026-05-31", 1, "2026-06-30"),
    ])
    func addingMonths_clampsToTheLastDayOfTheMonth(start: String, months: Int, expected: String) {
        #expect(day(start).adding(months: months) == day(expected))
    }

    @Test(arguments: [
        (2026, 2, 29), (2100, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 0, 10), (2026, 1, 0), (2026, 1, 32),
    ])
    func init_refusesDaysThatDoNotExist(year: Int, month: Int, dayOfMonth: Int) {
        #expect(LocalDate(year: year, month: month, day: dayOfMonth) == nil)
    }

    @Test(arguments: ["2026-1-09", "2026-01-9", "26-01-09", "2026/01/09", "2026-01-09T00:00", "", "2026-02-30"])
    func initIso_refusesAnythingButAnExistingYYYYMMDD(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func leapDay2028_existsAndPrintsAsIso() {
        let leap = LocalDate(year: 2028, month: 2, day: 29)
        #expect(leap?.iso == "2028-02-29")
        #expect(LocalDate.isLeap(2028) && LocalDate.isLeap(2000) && !LocalDate.isLeap(2100) && !LocalDate.isLeap(2026))
    }

    @Test(arguments: [("2026-01-01", "2027-01-01", 365), ("2028-01-01", "2029-01-01", 366), ("2026-03-28", "2026-03-29", 1), ("2026-05-25", "2026-05-21", -4)])
    func daysUntil_countsCalendarDays(from: String, to: String, expected: Int) {
        #expect(day(from).days(until: day(to)) == expected)
    }

    @Test func dayNumber_roundTripsOverFourCenturies() {
        let start = day("1900-01-01").dayNumber
        let end = day("2300-12-31").dayNumber
        for number in stride(from: start, through: end, by: 1) {
            let date = LocalDate(dayNumber: number)
            #expect(date.dayNumber == number)
            #expect(LocalDate(year: date.year, month: date.month, day: date.day) == date)
        }
    }

    @Test func through_listsEveryDayBothIncluded() {
        #expect(day("2028-02-27").through(day("2028-03-01")).map(\.iso) == ["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"])
        #expect(day("2026-01-02").through(day("2026-01-01")).isEmpty)
    }
}
