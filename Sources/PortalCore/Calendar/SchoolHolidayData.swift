/// School holidays of metropolitan France, zones A, B and C.
///
/// Source: the arrêtés fixing the French national education calendar (calendrier scolaire
/// national, published in the Journal officiel and on education.gouv.fr): arrêté of
/// 7 December 2022 for 2024-2025 and 2025-2026, arrêté of 22 October 2025 for 2026-2027.
/// This table must be extended every year when the next calendar is published; dates after
/// the last shipped school year are simply unknown to the portal.
///
/// Each period is written as the official text gives it: the day classes end ("fin des cours",
/// after class) and the day they resume ("reprise des cours", in the morning). The holiday days
/// themselves run from the day after the first to the day before the second.
enum SchoolHolidayData {
    struct Period {
        let kind: SchoolHolidayKind
        let zones: [SchoolZone]
        let classesEnd: LocalDate
        let resume: LocalDate
    }

    struct Year {
        let term: SchoolYearTerm
        /// The rentrée that ends the summer holidays.
        let summerResume: LocalDate
        let periods: [Period]
    }

    private static let allZones = SchoolZone.allCases

    private static func day(_ iso: String) -> LocalDate {
        guard let date = LocalDate(iso: iso) else { preconditionFailure("invalid date in school holiday table: \(iso)") }
        return date
    }

    private static func period(_ kind: SchoolHolidayKind, _ zones: [SchoolZone], end: String, resume: String) -> Period {
        Period(kind: kind, zones: zones, classesEnd: day(end), resume: day(resume))
    }

    static let years: [Year] = [
        Year(
            term: SchoolYearTerm(schoolYear: "2024-2025", rentree: day("2024-09-02"), summerClassesEnd: day("2025-07-05")),
            summerResume: day("2025-09-01"),
            periods: [
                period(.toussaint, allZones, end: "2024-10-19", resume: "2024-11-04"),
                period(.noel, allZones, end: "2024-12-21", resume: "2025-01-06"),
                period(.hiver, [.a], end: "2025-02-22", resume: "2025-03-10"),
                period(.hiver, [.b], end: "2025-02-08", resume: "2025-02-24"),
                period(.hiver, [.c], end: "2025-02-15", resume: "2025-03-03"),
                period(.printemps, [.a], end: "2025-04-19", resume: "2025-05-05"),
                // Zone B resumes on Tuesday: Monday 21 April 2025 is Easter Monday.
                period(.printemps, [.b], end: "2025-04-05", resume: "2025-04-22"),
                period(.printemps, [.c], end: "2025-04-12", resume: "2025-04-28"),
                // No class on the Friday and Saturday after Ascension (Thursday 29 May 2025).
                period(.pontAscension, allZones, end: "2025-05-28", resume: "2025-06-02"),
            ]
        ),
        Year(
            term: SchoolYearTerm(schoolYear: "2025-2026", rentree: day("2025-09-01"), summerClassesEnd: day("2026-07-04")),
            summerResume: day("2026-09-01"),
            periods: [
                period(.toussaint, allZones, end: "2025-10-18", resume: "2025-11-03"),
                period(.noel, allZones, end: "2025-12-20", resume: "2026-01-05"),
                period(.hiver, [.a], end: "2026-02-07", resume: "2026-02-23"),
                period(.hiver, [.b], end: "2026-02-14", resume: "2026-03-02"),
                period(.hiver, [.c], end: "2026-02-21", resume: "2026-03-09"),
                period(.printemps, [.a], end: "2026-04-04", resume: "2026-04-20"),
                period(.printemps, [.b], end: "2026-04-11", resume: "2026-04-27"),
                period(.printemps, [.c], end: "2026-04-18", resume: "2026-05-04"),
                // No class on Friday 15 and Saturday 16 May 2026 (Ascension: Thursday 14 May).
                period(.pontAscension, allZones, end: "2026-05-13", resume: "2026-05-18"),
            ]
        ),
        Year(
            term: SchoolYearTerm(schoolYear: "2026-2027", rentree: day("2026-09-01"), summerClassesEnd: day("2027-07-03")),
            // The rentrée 2027 is not published yet: summer is cut at the end of the school year (31 August).
            summerResume: day("2027-09-01"),
            periods: [
                period(.toussaint, allZones, end: "2026-10-17", resume: "2026-11-02"),
                period(.noel, allZones, end: "2026-12-19", resume: "2027-01-04"),
                period(.hiver, [.a], end: "2027-02-13", resume: "2027-03-01"),
                period(.hiver, [.b], end: "2027-02-20", resume: "2027-03-08"),
                period(.hiver, [.c], end: "2027-02-06", resume: "2027-02-22"),
                period(.printemps, [.a], end: "2027-04-10", resume: "2027-04-26"),
                period(.printemps, [.b], end: "2027-04-17", resume: "2027-05-03"),
                period(.printemps, [.c], end: "2027-04-03", resume: "2027-04-19"),
                // No class on Friday 7 and Saturday 8 May 2027 (Ascension: Thursday 6 May).
                period(.pontAscension, allZones, end: "2027-05-05", resume: "2027-05-10"),
            ]
        ),
    ]

    /// Every period of every shipped year, summer included, per zone and sorted.
    static let holidaysByZone: [SchoolZone: [SchoolHoliday]] = {
        var result: [SchoolZone: [SchoolHoliday]] = [:]
        for zone in SchoolZone.allCases {
            var holidays: [SchoolHoliday] = []
            for year in years {
                let name = year.term.schoolYear
                for period in year.periods where period.zones.contains(zone) {
                    holidays.append(SchoolHoliday(kind: period.kind, schoolYear: name, classesEnd: period.classesEnd, resume: period.resume))
                }
                holidays.append(SchoolHoliday(kind: .ete, schoolYear: name, classesEnd: year.term.summerClassesEnd, resume: year.summerResume))
            }
            result[zone] = holidays.sorted { $0.firstDay < $1.firstDay }
        }
        return result
    }()
}
