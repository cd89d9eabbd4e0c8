import Testing
@testable import PortalCore

/// Places left on Cayres-Pradelles' days: school-term Wednesdays (an outing on 18 March closes
/// the half-days), holiday weekdays except Christmas, the summer closure from 17 to 28 August.
struct DayPlacesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let from: String
        let to: String
        var stored: [DayPlaces] = []
        let expected: [String]
        var testDescription: String { "\(from) to \(to)" }
    }

    static func stored(_ day: String, _ activity: String, _ unit: String, capacity: Int, booked: Int, waiting: Int, id: Int64) -> DayPlaces {
        DayPlaces(day: LocalDate(iso: day)!, activity: activity, unit: unit, capacity: capacity, booked: booked, waiting: waiting, slotID: id)
    }

    @Test(arguments: [
        // A fresh school week: the Wednesday's three units at full capacity, nothing else runs.
        Case(from: "2026-01-05", to: "2026-01-11", expected: [
            "2026-01-07 alsh-mercredi/journee 40/40 waiting 0", "2026-01-07 alsh-mercredi/matin 12/12 waiting 0",
            "2026-01-07 alsh-mercredi/apresMidi 12/12 waiting 0",
        ]),
        // The same week with bookings on the day: the stored counts win, the other units keep the catalogue's.
        Case(from: "2026-01-05", to: "2026-01-11", stored: [stored("2026-01-07", "alsh-mercredi", "journee", capacity: 40, booked: 39, waiting: 2, id: 9)], expected: [
            "2026-01-07 alsh-mercredi/journee 1/40 waiting 2 #9", "2026-01-07 alsh-mercredi/matin 12/12 waiting 0",
            "2026-01-07 alsh-mercredi/apresMidi 12/12 waiting 0",
        ]),
        // Wednesday 18 March's outing closes the half-days.
        Case(from: "2026-03-16", to: "2026-03-20", expected: ["2026-03-18 alsh-mercredi/journee 40/40 waiting 0"]),
        // Easter Monday (6 April) is a public holiday in the spring holidays; Tuesday the 7th runs.
        Case(from: "2026-04-06", to: "2026-04-07", expected: [
            "2026-04-07 alsh-vacances/journee 40/40 waiting 0", "2026-04-07 alsh-vacances/matin 12/12 waiting 0",
            "2026-04-07 alsh-vacances/apresMidi 12/12 waiting 0", "2026-04-07 ados/journee 16/16 waiting 0",
        ]),
        // Friday 14 August runs; the summer closure starts on Monday the 17th.
        Case(from: "2026-08-14", to: "2026-08-18", expected: [
            "2026-08-14 alsh-vacances/journee 40/40 waiting 0", "2026-08-14 alsh-vacances/matin 12/12 waiting 0",
            "2026-08-14 alsh-vacances/apresMidi 12/12 waiting 0", "2026-08-14 ados/journee 16/16 waiting 0",
        ]),
        // A row on a day the calendar no longer offers (a Saturday) is kept: a child is booked on it.
        Case(from: "2026-01-10", to: "2026-01-10", stored: [stored("2026-01-10", "ados", "journee", capacity: 16, booked: 1, waiting: 0, id: 4)],
             expected: ["2026-01-10 ados/journee 15/16 waiting 0 #4"]),
    ])
    func placesLeft_coverEveryDayAnActivityRuns_bookedOrNot(_ row: Case) throws {
        let engine = RulesEngine(tenant: try shippedTenant("cayres-pradelles"))
        let places = engine.places(from: LocalDate(iso: row.from)!, to: LocalDate(iso: row.to)!, stored: row.stored)
        #expect(places.map { "\($0.day.iso) \($0.activity)/\($0.unit) \($0.placesLeft)/\($0.capacity) waiting \($0.waiting)" + ($0.slotID.map { " #\($0)" } ?? "") }
                == row.expected)
    }
}
