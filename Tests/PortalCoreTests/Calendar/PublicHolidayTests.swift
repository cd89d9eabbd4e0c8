import Testing
import PortalCore

@Suite struct PublicHolidayTests {
    @Test(arguments: [
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
        (2028, "2028-04-16"), (2038, "2038-04-25"), (2000, "2000-04-23"), (2019, "2019-04-21"),
        (1818, "1818-03-22"), (2285, "2285-03-22"), (1943, "1943-04-25"), (1961, "1961-04-02"),
    ])
    func easterSunday_matchesTheGregorianComputus(year: Int, expected: String) {
        let easter = FrenchCalendar.easterSunday(year: year)
        #expect(easter == day(expected))
        #expect(easter.weekday == 7)
    }

    @Test(arguments: [-400, 0, 1, 1000, 1582, 9999, 10_000])
    func easterSunday_outsideTheGregorianEra_isStillASundayInMarchOrApril(year: Int) {
        let easter = FrenchCalendar.easterSunday(year: year)
        #expect(easter.year == year)
        #expect(easter.weekday == 7)
        #expect((3...4).contains(easter.month))
    }

    @Test func publicHolidays2026_areTheElevenNationalDaysInOrder() {
        let holidays = FrenchCalendar.publicHolidays(year: 2026)
        #expect(holidays.map(\.date.iso) == [
            "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
            "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
        ])
        #expect(holidays.map(\.name) == [
            "Jour de l'an", "Lundi de Pâques", "Fête du Travail", "Victoire 1945", "Ascension", "Lundi de Pentecôte",
            "Fête nationale", "Assomption", "Toussaint", "Armistice 1918", "Noël",
        ])
    }

    @Test(arguments: [
        ("2026-04-06", "Lundi de Pâques"), ("2026-05-14", "Ascension"), ("2026-05-25", "Lundi de Pentecôte"),
        ("2026-11-11", "Armistice 1918"), ("2025-04-21", "Lundi de Pâques"), ("2025-05-29", "Ascension"),
        ("2025-06-09", "Lundi de Pentecôte"), ("2027-03-29", "Lundi de Pâques"), ("2027-05-06", "Ascension"),
        ("2027-05-17", "Lundi de Pentecôte"), ("2028-01-01", "Jour de l'an"),
    ])
    func publicHolidayOn_namesTheHoliday(iso: String, name: String) {
        #expect(FrenchCalendar.publicHoliday(on: day(iso))?.name == name)
    }

    @Test(arguments: ["2026-04-05", "2026-05-15", "2026-05-24", "2025-12-26", "2026-04-03", "2026-11-10"])
    func publicHolidayOn_isNilOnOrdinaryDays(iso: String) {
        #expect(FrenchCalendar.publicHoliday(on: day(iso)) == nil)
    }

    @Test func ascensionOnFirstOfMay2008_isListedWithFeteDuTravailFirst() {
        let holidays = FrenchCalendar.publicHolidays(year: 2008)
        #expect(holidays.count == 11)
        #expect(holidays.filter { $0.date == day("2008-05-01") }.map(\.name) == ["Fête du Travail", "Ascension"])
        #expect(FrenchCalendar.publicHoliday(on: day("2008-05-01"))?.name == "Fête du Travail")
    }

    @Test(arguments: Array(2000...2100))
    func publicHolidays_anyYear_areElevenSortedAndInThatYear(year: Int) {
        let dates = FrenchCalendar.publicHolidays(year: year).map(\.date)
        #expect(dates.count == 11)
        #expect(dates == dates.sorted())
        #expect(dates.allSatisfy { $0.year == year })
    }
}
