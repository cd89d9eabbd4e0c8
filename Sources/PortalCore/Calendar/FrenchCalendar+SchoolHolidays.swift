/// School holidays and school terms by zone, from the shipped table (`SchoolHolidayData`).
/// Outside the shipped school years nothing is known: no holiday, no term.
extension FrenchCalendar {
    /// The school years the shipped table covers, oldest first.
    public static var coveredSchoolYears: [String] {
        SchoolHolidayData.years.map(\.term.schoolYear)
    }

    /// Every shipped period of the zone, summer included, sorted by first day.
    public static func schoolHolidays(zone: SchoolZone) -> [SchoolHoliday] {
        SchoolHolidayData.holidaysByZone[zone] ?? []
    }

    public static func schoolHoliday(on date: LocalDate, zone: SchoolZone) -> SchoolHoliday? {
        schoolHolidays(zone: zone).first { $0.contains(date) }
    }

    /// True on every day of a school holiday period (weekends inside it included), for the zone.
    public static func isSchoolHolidayDay(_ date: LocalDate, zone: SchoolZone) -> Bool {
        schoolHoliday(on: date, zone: zone) != nil
    }

    /// Within a shipped school year (rentrée .. the day classes end for the summer), outside
    /// school holidays and public holidays. Weekdays are not considered: see `isSchoolDay`.
    public static func isInSchoolTerm(_ date: LocalDate, zone: SchoolZone) -> Bool {
        guard let term = schoolTerm(containing: date) else { return false }
        return term.contains(date) && !isSchoolHolidayDay(date, zone: zone) && !isPublicHoliday(date)
    }

    /// A day with class: in school term, on Monday, Tuesday, Thursday or Friday, and also on
    /// Wednesday where the school has Wednesday classes (most French primary schools do not).
    public static func isSchoolDay(_ date: LocalDate, zone: SchoolZone, wednesdayClasses: Bool = false) -> Bool {
        switch date.weekday {
        case 1, 2, 4, 5: isInSchoolTerm(date, zone: zone)
        case 3: wednesdayClasses && isInSchoolTerm(date, zone: zone)
        default: false
        }
    }

    /// The shipped school year containing `date` (1 September .. 31 August), "2025-2026"
    /// for 2026-01-10; nil when that school year is not in `coveredSchoolYears`.
    public static func schoolYear(containing date: LocalDate) -> String? {
        let name = schoolYearName(containing: date)
        return coveredSchoolYears.contains(name) ? name : nil
    }

    /// The school year containing `date` (1 September .. 31 August), shipped or not.
    public static func schoolYearName(containing date: LocalDate) -> String {
        let startYear = startYear(containing: date)
        return "\(startYear)-\(startYear + 1)"
    }

    private static func startYear(containing date: LocalDate) -> Int {
        date.month >= 9 ? date.year : date.year - 1
    }

    /// Shipped terms by the year their school year starts, so that a day finds its term
    /// without its school year's name being written.
    private static let termsByStartYear: [Int: SchoolYearTerm] = Dictionary(
        SchoolHolidayData.years.map(\.term).filter { schoolYearName(containing: $0.rentree) == $0.schoolYear }
            .map { (startYear(containing: $0.rentree), $0) },
        uniquingKeysWith: { first, _ in first })

    /// First and last day of class of a shipped school year, nil when not shipped.
    public static func schoolTerm(schoolYear: String) -> SchoolYearTerm? {
        SchoolHolidayData.years.first { $0.term.schoolYear == schoolYear }?.term
    }

    public static func schoolTerm(containing date: LocalDate) -> SchoolYearTerm? {
        termsByStartYear[startYear(containing: date)]
    }
}
