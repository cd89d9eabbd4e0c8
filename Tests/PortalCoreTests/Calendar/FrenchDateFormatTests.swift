import Foundation
import Testing
import PortalCore

@Suite struct FrenchDateFormatTests {
    @Test(arguments: [
        ("2026-01-09", "vendredi 9 janvier 2026"), ("2026-06-01", "lundi 1er juin 2026"),
        ("2026-02-01", "dimanche 1er février 2026"), ("2026-08-15", "samedi 15 août 2026"),
        ("2025-12-25", "jeudi 25 décembre 2025"), ("2028-02-29", "mardi 29 février 2028"),
        ("2026-11-11", "mercredi 11 novembre 2026"),
    ])
    func long_writesWeekdayDayMonthYear_with1er(iso: String, expected: String) {
        #expect(FrenchDateFormat.long(day(iso)) == expected)
    }

    @Test(arguments: [
        ("2026-01-09", "ven. 9 janv."), ("2026-06-01", "lun. 1er juin"), ("2026-02-17", "mar. 17 févr."),
        ("2026-09-30", "mer. 30 sept."), ("2026-07-09", "jeu. 9 juil."), ("2026-12-20", "dim. 20 déc."),
        ("2026-08-01", "sam. 1er août"), ("2026-03-03", "mar. 3 mars"), ("2026-04-14", "mar. 14 avr."),
        ("2026-10-13", "mar. 13 oct."), ("2026-11-10", "mar. 10 nov."), ("2026-05-05", "mar. 5 mai"),
    ])
    func short_usesFrenchAbbreviations(iso: String, expected: String) {
        #expect(FrenchDateFormat.short(day(iso)) == expected)
    }

    @Test(arguments: [("2026-01-09", "09/01/2026"), ("2026-12-31", "31/12/2026"), ("2028-02-29", "29/02/2028")])
    func numeric_isDayMonthYear(iso: String, expected: String) {
        #expect(FrenchDateFormat.numeric(day(iso)) == expected)
    }

    @Test(arguments: [
        ("2026-01-09 22:59:59", "vendredi 9 janvier 2026 à 23 h 59", "ven. 9 janv. 23 h 59"),
        ("2026-06-01 08:00:00", "lundi 1er juin 2026 à 10 h 00", "lun. 1er juin 10 h 00"),
        ("2026-07-14 22:05:00", "mercredi 15 juillet 2026 à 0 h 05", "mer. 15 juil. 0 h 05"),
        ("2026-03-29 01:00:00", "dimanche 29 mars 2026 à 3 h 00", "dim. 29 mars 3 h 00"),
    ])
    func withTime_showsParisWallTime(instantUTC: String, long: String, short: String) {
        #expect(FrenchDateFormat.longWithTime(utc(instantUTC)) == long)
        #expect(FrenchDateFormat.shortWithTime(utc(instantUTC)) == short)
    }

    @Test func names_coverEveryMonthAndWeekday() {
        #expect((1...12).map(FrenchDateFormat.monthName) == [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        ])
        #expect((1...7).map(FrenchDateFormat.weekdayName) == ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])
        #expect((1...7).map(FrenchDateFormat.weekdayAbbreviation) == ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."])
        #expect((1...12).map(FrenchDateFormat.monthAbbreviation) == [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
        ])
    }
}
