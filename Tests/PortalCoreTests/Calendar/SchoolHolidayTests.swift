import Testing
import PortalCore

@Suite struct SchoolHolidayTests {
    struct Lookup: Sendable, CustomStringConvertible {
        let date: String
        let zones: [SchoolZone]
        /// nil: a day outside any holiday for those zones.
        let kind: SchoolHolidayKind?
        let schoolYear: String?

        init(_ date: String, _ zones: [SchoolZone], _ kind: SchoolHolidayKind?, _ schoolYear: String? = nil) {
            self.date = date
            self.zones = zones
            self.kind = kind
            self.schoolYear = schoolYear
        }

        var description: String { "\(date) \(zones.map(\.rawValue).joined()) → \(kind?.rawValue ?? "none")" }
    }

    static let all = SchoolZone.allCases

    /// First and last day of periods and the day either side. Classes end on a Saturday
    /// ("fin des cours", after class): the holiday starts on the next day.
    static let lookups: [Lookup] = [
        // Winter 2026, zone A: classes end Saturday 7 February, resume Monday 23 February.
        Lookup("2026-02-07", [.a], nil),
        Lookup("2026-02-08", [.a], .hiver, "2025-2026"),
        Lookup("2026-02-22", [.a], .hiver, "2025-2026"),
        Lookup("2026-02-23", [.a], nil),
        Lookup("2026-02-08", [.b, .c], nil),
        Lookup("2026-02-14", [.b], nil),
        Lookup("2026-02-15", [.b], .hiver, "2025-2026"),
        Lookup("2026-03-01", [.b], .hiver, "2025-2026"),
        Lookup("2026-03-02", [.b], nil),
        Lookup("2026-02-21", [.c], nil),
        Lookup("2026-02-22", [.c], .hiver, "2025-2026"),
        Lookup("2026-03-08", [.c], .hiver, "2025-2026"),
        Lookup("2026-03-09", [.c], nil),
        // Toussaint and Noël 2025: the same for every zone; Noël straddles the new year.
        Lookup("2025-10-18", all, nil),
        Lookup("2025-10-19", all, .toussaint, "2025-2026"),
        Lookup("2025-11-02", all, .toussaint, "2025-2026"),
        Lookup("2025-11-03", all, nil),
        Lookup("2025-12-20", all, nil),
        Lookup("2025-12-21", all, .noel, "2025-2026"),
        Lookup("2026-01-04", all, .noel, "2025-2026"),
        Lookup("2026-01-05", all, nil),
        // Spring 2026.
        Lookup("2026-04-04", [.a], nil),
        Lookup("2026-04-05", [.a], .printemps, "2025-2026"),
        Lookup("2026-04-19", [.a], .printemps, "2025-2026"),
        Lookup("2026-04-20", [.a], nil),
        Lookup("2026-04-12", [.b], .printemps, "2025-2026"),
        Lookup("2026-04-27", [.b], nil),
        Lookup("2026-05-03", [.c], .printemps, "2025-2026"),
        Lookup("2026-05-04", [.c], nil),
        // Zone B, spring 2025, resumes on Tuesday 22 April after Easter Monday.
        Lookup("2025-04-21", [.b], .printemps, "2024-2025"),
        Lookup("2025-04-22", [.b], nil),
        // Pont de l'Ascension: classes end Wednesday, resume Monday; no class on Friday 15 May 2026.
        Lookup("2026-05-13", all, nil),
        Lookup("2026-05-14", all, .pontAscension, "2025-2026"),
        Lookup("2026-05-15", all, .pontAscension, "2025-2026"),
        Lookup("2026-05-17", all, .pontAscension, "2025-2026"),
        Lookup("2026-05-18", all, nil),
        Lookup("2025-05-30", all, .pontAscension, "2024-2025"),
        Lookup("2025-06-02", all, nil),
        Lookup("2027-05-07", all, .pontAscension, "2026-2027"),
        Lookup("2027-05-10", all, nil),
        // Summer runs up to the day before the rentrée.
        Lookup("2025-07-05", all, nil),
        Lookup("2025-07-06", all, .ete, "2024-2025"),
        Lookup("2025-08-31", all, .ete, "2024-2025"),
        Lookup("2025-09-01", all, nil),
        Lookup("2026-07-04", all, nil),
        Lookup("2026-07-05", all, .ete, "2025-2026"),
        Lookup("2026-08-31", all, .ete, "2025-2026"),
        Lookup("2026-09-01", all, nil),
        Lookup("2027-07-04", all, .ete, "2026-2027"),
        Lookup("2027-08-31", all, .ete, "2026-2027"),
        // 2026-2027: zone C goes first.
        Lookup("2027-02-06", [.c], nil),
        Lookup("2027-02-07", [.c], .hiver, "2026-2027"),
        Lookup("2027-02-21", [.c], .hiver, "2026-2027"),
        Lookup("2027-02-22", [.c], nil),
        Lookup("2027-02-14", [.a], .hiver, "2026-2027"),
        Lookup("2027-03-01", [.a], nil),
        Lookup("2027-03-07", [.b], .hiver, "2026-2027"),
        Lookup("2027-03-08", [.b], nil),
        Lookup("2027-04-04", [.c], .printemps, "2026-2027"),
        Lookup("2027-04-25", [.a], .printemps, "2026-2027"),
        Lookup("2027-05-02", [.b], .printemps, "2026-2027"),
        Lookup("2026-10-18", all, .toussaint, "2026-2027"),
        Lookup("2027-01-03", all, .noel, "2026-2027"),
        Lookup("2027-01-04", all, nil),
        // 2024-2025 winter and outside the shipped years.
        Lookup("2025-02-09", [.b], .hiver, "2024-2025"),
        Lookup("2025-02-16", [.c], .hiver, "2024-2025"),
        Lookup("2025-03-09", [.a], .hiver, "2024-2025"),
        Lookup("2025-03-10", [.a], nil),
        Lookup("2024-08-15", all, nil),
        Lookup("2027-09-15", all, nil),
    ]

    @Test(arguments: lookups)
    func schoolHolidayOn_findsThePeriodFromTheDayAfterClassesEndToTheDayBeforeTheyResume(lookup: Lookup) {
        for zone in lookup.zones {
            let holiday = FrenchCalendar.schoolHoliday(on: day(lookup.date), zone: zone)
            #expect(holiday?.kind == lookup.kind, "zone \(zone.rawValue)")
            #expect(holiday?.schoolYear == lookup.schoolYear, "zone \(zone.rawValue)")
            #expect(FrenchCalendar.isSchoolHolidayDay(day(lookup.date), zone: zone) == (lookup.kind != nil))
        }
    }

    @Test func winter2026ZoneA_isSunday8ToSunday22February() {
        let holiday = FrenchCalendar.schoolHoliday(on: day("2026-02-15"), zone: .a)
        #expect(holiday == SchoolHoliday(kind: .hiver, schoolYear: "2025-2026", classesEnd: day("2026-02-07"), resume: day("2026-02-23")))
        #expect(holiday?.firstDay == day("2026-02-08"))
        #expect(holiday?.lastDay == day("2026-02-22"))
        #expect(holiday?.days.count == 15)
    }

    @Test(arguments: SchoolZone.allCases)
    func eachShippedYear_hasOneOfEachKindPerZone_sortedAndDisjoint(zone: SchoolZone) {
        let holidays = FrenchCalendar.schoolHolidays(zone: zone)
        #expect(holidays.count == 18)
        for year in FrenchCalendar.coveredSchoolYears {
            let kinds = holidays.filter { $0.schoolYear == year }.map(\.kind)
            #expect(Set(kinds) == Set(SchoolHolidayKind.allCases), "\(year)")
            #expect(kinds.count == SchoolHolidayKind.allCases.count, "\(year)")
        }
        for (earlier, later) in zip(holidays, holidays.dropFirst()) {
            #expect(earlier.firstDay <= earlier.lastDay)
            #expect(earlier.lastDay < later.firstDay, "\(earlier) overlaps \(later)")
        }
    }

    @Test(arguments: [SchoolHolidayKind.toussaint, .noel, .ete, .pontAscension])
    func nationalPeriods_areTheSameInEveryZone(kind: SchoolHolidayKind) {
        let byZone = SchoolZone.allCases.map { zone in FrenchCalendar.schoolHolidays(zone: zone).filter { $0.kind == kind } }
        #expect(byZone[0].count == 3)
        #expect(byZone[0] == byZone[1])
        #expect(byZone[0] == byZone[2])
    }

    /// Guards the hand-typed table: every period starts the day after a Saturday (or, for the
    /// pont, on Ascension Thursday) and classes resume on a Monday, or on the Tuesday after
    /// Easter Monday, or at the rentrée.
    @Test(arguments: SchoolZone.allCases)
    func shippedPeriods_startAfterSaturdayClassesAndResumeOnASchoolDay(zone: SchoolZone) {
        let rentrees = [day("2025-09-01"), day("2026-09-01")]
        for holiday in FrenchCalendar.schoolHolidays(zone: zone) {
            let resume = holiday.lastDay.adding(days: 1)
            if holiday.kind == .pontAscension {
                #expect(FrenchCalendar.publicHoliday(on: holiday.firstDay)?.name == "Ascension", "\(holiday)")
            } else {
                #expect(holiday.firstDay.weekday == 7, "\(holiday)")
            }
            if holiday.kind == .ete {
                #expect(holiday.lastDay.month == 8 && holiday.lastDay.day == 31, "\(holiday)")
                continue
            }
            let resumesAfterEasterMonday = resume.weekday == 2 && FrenchCalendar.publicHoliday(on: resume.adding(days: -1)) != nil
            #expect(resume.weekday == 1 || resumesAfterEasterMonday || rentrees.contains(resume), "\(holiday)")
            #expect(FrenchCalendar.isWorkingDay(resume), "\(holiday)")
        }
    }

    /// Toussaint, Noël, winter and spring last two weeks (15 days, Sunday to Sunday), one more
    /// day when the reprise is pushed back to Tuesday by Easter Monday; the three zones' winter
    /// and spring holidays follow each other a week apart, in the same zone order.
    @Test(arguments: ["2024-2025", "2025-2026", "2026-2027"])
    func zonePeriods_lastTwoWeeksAndAreStaggeredByOneWeek(schoolYear: String) {
        func period(_ kind: SchoolHolidayKind, _ zone: SchoolZone) -> SchoolHoliday? {
            FrenchCalendar.schoolHolidays(zone: zone).first { $0.schoolYear == schoolYear && $0.kind == kind }
        }
        for kind in [SchoolHolidayKind.toussaint, .noel, .hiver, .printemps] {
            for zone in SchoolZone.allCases {
                let holiday = period(kind, zone)
                let pushedBack = holiday.map { $0.lastDay.weekday == 1 && FrenchCalendar.isPublicHoliday($0.lastDay) } ?? false
                #expect(holiday?.days.count == (pushedBack ? 16 : 15), "\(kind) \(zone) \(schoolYear)")
            }
        }
        func zoneOrder(_ kind: SchoolHolidayKind) -> [SchoolZone] {
            SchoolZone.allCases.sorted { (period(kind, $0)?.firstDay.dayNumber ?? 0) < (period(kind, $1)?.firstDay.dayNumber ?? 0) }
        }
        for kind in [SchoolHolidayKind.hiver, .printemps] {
            let starts = zoneOrder(kind).compactMap { period(kind, $0)?.firstDay }
            #expect(starts.count == 3)
            #expect(zip(starts, starts.dropFirst()).allSatisfy { $0.days(until: $1) == 7 }, "\(kind)")
        }
        #expect(zoneOrder(.hiver) == zoneOrder(.printemps))
    }

    @Test func kindLabels_areFrench() {
        #expect(SchoolHolidayKind.allCases.map(\.label) == ["Toussaint", "Noël", "Hiver", "Printemps", "Été", "Pont de l'Ascension"])
        #expect(SchoolZone.allCases.map(\.rawValue) == ["A", "B", "C"])
    }
}
