import Testing
import PortalCore

@Suite struct SchoolTermTests {
    @Test func coveredSchoolYears_areTheShippedOnes() {
        #expect(FrenchCalendar.coveredSchoolYears == ["2024-2025", "2025-2026", "2026-2027"])
    }

    @Test(arguments: [
        ("2024-2025", "2024-09-02", "2025-07-05"),
        ("2025-2026", "2025-09-01", "2026-07-04"),
        ("2026-2027", "2026-09-01", "2027-07-03"),
    ])
    func schoolTerm_runsFromRentreeToSummerClassesEnd(schoolYear: String, rentree: String, classesEnd: String) {
        let term = FrenchCalendar.schoolTerm(schoolYear: schoolYear)
        #expect(term?.rentree == day(rentree))
        #expect(term?.summerClassesEnd == day(classesEnd))
    }

    @Test(arguments: [
        ("2026-01-10", "2025-2026"), ("2025-09-01", "2025-2026"), ("2025-08-31", "2024-2025"),
        ("2024-09-01", "2024-2025"), ("2027-08-31", "2026-2027"),
    ])
    func schoolYearContaining_usesSeptemberToAugust(iso: String, expected: String) {
        #expect(FrenchCalendar.schoolYear(containing: day(iso)) == expected)
        #expect(FrenchCalendar.schoolYearName(containing: day(iso)) == expected)
    }

    @Test(arguments: [("2027-09-01", "2027-2028"), ("2024-08-31", "2023-2024")])
    func schoolYearContaining_isNilOutsideTheShippedYears_butItsNameIsKnown(iso: String, name: String) {
        #expect(FrenchCalendar.schoolYear(containing: day(iso)) == nil)
        #expect(FrenchCalendar.schoolYearName(containing: day(iso)) == name)
    }

    struct Case: Sendable, CustomStringConvertible {
        let date: String
        let zone: SchoolZone
        let inTerm: Bool
        var description: String { "\(date) \(zone.rawValue) → \(inTerm)" }
    }

    @Test(arguments: [
        Case(date: "2025-09-01", zone: .a, inTerm: true),   // rentrée
        Case(date: "2025-08-31", zone: .a, inTerm: false),
        Case(date: "2024-09-02", zone: .c, inTerm: true),
        Case(date: "2024-09-01", zone: .c, inTerm: false),  // before the first shipped rentrée
        Case(date: "2026-07-04", zone: .b, inTerm: true),   // classes end that day
        Case(date: "2026-07-05", zone: .b, inTerm: false),
        Case(date: "2026-02-07", zone: .a, inTerm: true),
        Case(date: "2026-02-09", zone: .a, inTerm: false),
        Case(date: "2026-02-09", zone: .c, inTerm: true),
        Case(date: "2025-11-11", zone: .a, inTerm: false),  // public holiday
        Case(date: "2026-05-15", zone: .c, inTerm: false),  // pont de l'Ascension
        Case(date: "2026-01-14", zone: .a, inTerm: true),   // a Wednesday in term
        Case(date: "2026-09-15", zone: .a, inTerm: true),
        Case(date: "2027-09-15", zone: .a, inTerm: false),  // school year not shipped
    ])
    func isInSchoolTerm_excludesHolidaysPublicHolidaysAndUnshippedYears(c: Case) {
        #expect(FrenchCalendar.isInSchoolTerm(day(c.date), zone: c.zone) == c.inTerm)
    }

    @Test(arguments: [
        ("2026-01-13", SchoolZone.a, false, true),  // Tuesday
        ("2026-01-14", SchoolZone.a, false, false), // Wednesday, no Wednesday classes
        ("2026-01-14", SchoolZone.a, true, true),   // Wednesday where there are
        ("2026-01-10", SchoolZone.a, true, false),  // Saturday
        ("2026-02-09", SchoolZone.a, false, false), // Monday in zone A winter holidays
        ("2026-02-09", SchoolZone.c, false, true),
        ("2026-05-14", SchoolZone.b, true, false),  // Ascension
    ])
    func isSchoolDay_holdsClassesOnWeekdaysInTerm(iso: String, zone: SchoolZone, wednesdayClasses: Bool, expected: Bool) {
        #expect(FrenchCalendar.isSchoolDay(day(iso), zone: zone, wednesdayClasses: wednesdayClasses) == expected)
    }
}
