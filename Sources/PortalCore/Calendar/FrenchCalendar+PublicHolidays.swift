extension FrenchCalendar {
    /// Easter Sunday by the Gregorian computus (anonymous algorithm, Meeus/Jones/Butcher),
    /// for the years of the Gregorian calendar, 1583...9999. Other years get the proleptic
    /// result rather than a trap, since any parsed date may reach here.
    public static func easterSunday(year: Int) -> LocalDate {
        // Gregorian Easter dates repeat every 5,700,000 years: this brings years <= 0 to a
        // positive year with the same date, where the integer arithmetic below holds.
        let y = year > 0 ? year : year % 5_700_000 + 5_700_000
        let a = y % 19
        let b = y / 100
        let c = y % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }

    /// The 11 national public holidays of metropolitan France (Alsace-Moselle's two extra days
    /// are not national), sorted by date. When Ascension falls on 1 May (2008, 2285...) both
    /// holidays are listed, Fête du Travail first.
    public static func publicHolidays(year: Int) -> [PublicHoliday] {
        let easter = easterSunday(year: year)
        func fixed(_ month: Int, _ day: Int, _ name: String) -> PublicHoliday {
            PublicHoliday(date: LocalDate(year: year, month: month, day: day)!, name: name)
        }
        let holidays = [
            fixed(1, 1, "Jour de l'an"),
            PublicHoliday(date: easter.adding(days: 1), name: "Lundi de Pâques"),
            fixed(5, 1, "Fête du Travail"),
            fixed(5, 8, "Victoire 1945"),
            PublicHoliday(date: easter.adding(days: 39), name: "Ascension"),
            PublicHoliday(date: easter.adding(days: 50), name: "Lundi de Pentecôte"),
            fixed(7, 14, "Fête nationale"),
            fixed(8, 15, "Assomption"),
            fixed(11, 1, "Toussaint"),
            fixed(11, 11, "Armistice 1918"),
            fixed(12, 25, "Noël"),
        ]
        // Stable sort keeps the listing order above for two holidays on the same day.
        return holidays.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }

    /// Years listed once, at first use: the rules ask about every slot's day.
    private static let listedYears = 1990...2100
    private static let listedHolidays: [[PublicHoliday]] = listedYears.map(publicHolidays(year:))

    public static func publicHoliday(on date: LocalDate) -> PublicHoliday? {
        let holidays = listedYears.contains(date.year) ? listedHolidays[date.year - listedYears.lowerBound] : publicHolidays(year: date.year)
        return holidays.first { $0.date == date }
    }

    public static func isPublicHoliday(_ date: LocalDate) -> Bool {
        publicHoliday(on: date) != nil
    }
}
