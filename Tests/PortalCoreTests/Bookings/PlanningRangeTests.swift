import Testing
@testable import PortalCore

@Suite struct PlanningRangeTests {
    @Test(arguments: [
        (PlanningView.month, "2026-02-18", "2026-02-01", "2026-02-28", "février 2026"),
        (.month, "2028-02-10", "2028-02-01", "2028-02-29", "février 2028"),
        (.week, "2026-01-14", "2026-01-12", "2026-01-18", "du lun. 12 au dim. 18 janv. 2026"),
        (.week, "2025-12-31", "2025-12-29", "2026-01-04", "du lun. 29 déc. 2025 au dim. 4 janv. 2026"),
        (.workweek, "2026-01-18", "2026-01-12", "2026-01-16", "du lun. 12 au ven. 16 janv. 2026"),
        (.workweek, "2026-03-31", "2026-03-30", "2026-04-03", "du lun. 30 mars au ven. 3 avr. 2026"),
        (.day, "2026-01-14", "2026-01-14", "2026-01-14", "mercredi 14 janvier 2026"),
    ])
    func range_coversTheViewsDays(view: PlanningView, anchor: String, first: String, last: String, title: String) {
        let range = PlanningRange(view: view, anchor: day(anchor))
        #expect(range.firstDay == day(first))
        #expect(range.lastDay == day(last))
        #expect(range.title == title)
    }

    @Test(arguments: [
        (PlanningView.month, "2026-01-31", "2025-12-01", "2026-02-01"),
        (.week, "2026-01-14", "2026-01-05", "2026-01-19"),
        (.workweek, "2026-01-14", "2026-01-05", "2026-01-19"),
        (.day, "2026-02-28", "2026-02-27", "2026-03-01"),
    ])
    func previousAndNext_moveByOneView(view: PlanningView, anchor: String, previousFirst: String, nextFirst: String) {
        let range = PlanningRange(view: view, anchor: day(anchor))
        #expect(range.previous.firstDay == day(previousFirst))
        #expect(range.next.firstDay == day(nextFirst))
    }

    @Test func today_isTheParisDay() {
        // 23:30 UTC on 13 January is already the 14th in Paris.
        #expect(PlanningRange.today(.day, now: instant("2026-01-13T23:30:00Z")).anchor == day("2026-01-14"))
    }

    @Test func monthGrid_isWholeMondayWeeksWithDaysOutsideLeftEmpty() {
        let weeks = PlanningRange(view: .month, anchor: day("2026-02-01")).weeks
        #expect(weeks.count == 5)
        #expect(weeks[0] == [nil, nil, nil, nil, nil, nil, day("2026-02-01")])
        #expect(weeks[4] == [day("2026-02-23"), day("2026-02-24"), day("2026-02-25"), day("2026-02-26"), day("2026-02-27"), day("2026-02-28"), nil])
    }

    @Test(arguments: [
        ("2026-01-09T23:59:59+01:00", "modifiable jusqu'au ven. 9 janv. 23 h 59"),
        ("2026-06-01T10:00:00+02:00", "modifiable jusqu'au lun. 1er juin 10 h 00"),
    ])
    func deadline_isWrittenTheFrenchWay(deadline: String, text: String) {
        #expect(PlanningWording.modifiableUntil(instant(deadline)) == text)
    }
}
