import Testing
@testable import PortalCore

@Suite struct BasketTests {
    @Test func lines_areKeptInDateOrderWithOneLinePerSlot() {
        var basket = Basket()
        basket.add(book("2026-01-21", Kids.lea, "alsh-mercredi", "journee"))
        basket.add(book("2026-01-14", Kids.tom, "alsh-mercredi", "journee"))
        basket.add(book("2026-01-14", Kids.lea, "alsh-mercredi", "journee"))
        basket.add(book("2026-01-14", Kids.lea, "alsh-mercredi", "journee"))
        #expect(basket.lines == [book("2026-01-14", Kids.lea, "alsh-mercredi", "journee"), book("2026-01-14", Kids.tom, "alsh-mercredi", "journee"),
                                 book("2026-01-21", Kids.lea, "alsh-mercredi", "journee")])
    }

    @Test func aLineForASlotAlreadyInTheBasket_replacesIt() {
        var basket = Basket(lines: [book("2026-01-14", Kids.lea, "alsh-mercredi", "journee")])
        basket.add(cancel("2026-01-14", Kids.lea, "alsh-mercredi", "journee"))
        #expect(basket.lines == [cancel("2026-01-14", Kids.lea, "alsh-mercredi", "journee")])
        basket.remove(slot("2026-01-14", Kids.lea, "alsh-mercredi", "journee"))
        #expect(basket.isEmpty)
    }

    @Test func joursTypes_expandWeekdaysForEveryChildSkippingDaysTheActivityDoesNotRun() throws {
        let engine = try engine("cayres-pradelles")
        // Wednesdays of January and February 2026 (zone A): 11 and 18 February are winter holidays.
        let pattern = JoursTypes(weekdays: [3], firstDay: day("2026-01-01"), lastDay: day("2026-02-28"),
                                 childIDs: [Kids.lea.id, Kids.tom.id], activity: "alsh-mercredi", units: ["journee"])
        let lines = pattern.lines { engine.offers(activity: "alsh-mercredi", unit: $1, on: $0) }
        #expect(Set(lines.map(\.slot.date)) == Set(["2026-01-07", "2026-01-14", "2026-01-21", "2026-01-28", "2026-02-04", "2026-02-25"].map(day)))
        #expect(lines.count == 12)
        #expect(lines.allSatisfy { $0.action == .book })
    }

    @Test func joursTypes_skipUnitsClosedByAnOuting() throws {
        let engine = try engine("cayres-pradelles")
        let pattern = JoursTypes(weekdays: [3], firstDay: day("2026-03-01"), lastDay: day("2026-03-31"),
                                 childIDs: [Kids.lea.id], activity: "alsh-mercredi", units: ["matin", "journee"])
        let lines = pattern.lines { engine.offers(activity: "alsh-mercredi", unit: $1, on: $0) }
        #expect(lines.filter { $0.slot.unit == "matin" }.map(\.slot.date) == ["2026-03-04", "2026-03-11", "2026-03-25"].map(day))
        #expect(lines.filter { $0.slot.unit == "journee" }.count == 4)
    }

    @Test func joursTypes_onSeveralWeekdaysOfTheShownWeek() throws {
        let engine = try engine("val-de-lauze")
        let week = PlanningRange(view: .workweek, anchor: day("2026-01-14"))
        let pattern = JoursTypes(weekdays: [2, 4], firstDay: week.firstDay, lastDay: week.lastDay, childIDs: [Kids.tom.id],
                                 activity: "restauration", units: ["repas"])
        let lines = pattern.lines { engine.offers(activity: "restauration", unit: $1, on: $0) }
        #expect(lines.map(\.slot.date) == ["2026-01-13", "2026-01-15"].map(day))
    }

    @Test func conflicts_nameCancellationsOfNothingDuplicatesAndExclusiveUnits() throws {
        let tenant = try shippedTenant("cayres-pradelles")
        let existing = [ExistingBooking(slot: slot("2026-01-14", Kids.lea, "alsh-mercredi", "journee"), status: .booked),
                        ExistingBooking(slot: slot("2026-01-21", Kids.lea, "alsh-mercredi", "journee"), status: .cancelled)]
        let basket = Basket(lines: [
            book("2026-01-14", Kids.lea, "alsh-mercredi", "matin"),
            book("2026-01-14", Kids.tom, "alsh-mercredi", "journee"),
            cancel("2026-01-21", Kids.lea, "alsh-mercredi", "journee"),
            book("2026-01-28", Kids.tom, "alsh-mercredi", "journee"),
            book("2026-01-28", Kids.tom, "alsh-mercredi", "apresMidi"),
        ])
        let names = [Kids.lea.id: "Léa", Kids.tom.id: "Tom"]
        let conflicts = basket.conflicts(existing: existing, tenant: tenant) { names[$0]! }
        #expect(conflicts.map(\.message) == [
            "Léa : « Matin » et « Journée avec repas » ne peuvent pas être réservés le même jour (mercredi 14 janvier 2026).",
            "Aucune réservation de Léa à annuler le mercredi 21 janvier 2026.",
            "Tom : « Journée avec repas » et « Après-midi » ne peuvent pas être réservés le même jour (mercredi 28 janvier 2026).",
        ])
        #expect(conflicts.map(\.slot.unit) == ["matin", "journee", "journee"])
    }

    @Test func cancellingTheFullDayInTheSameBasket_liftsTheExclusivity() throws {
        let tenant = try shippedTenant("cayres-pradelles")
        let existing = [ExistingBooking(slot: slot("2026-01-14", Kids.lea, "alsh-mercredi", "journee"), status: .booked)]
        let basket = Basket(lines: [cancel("2026-01-14", Kids.lea, "alsh-mercredi", "journee"), book("2026-01-14", Kids.lea, "alsh-mercredi", "matin")])
        #expect(basket.conflicts(existing: existing, tenant: tenant) { _ in "Léa" } == [])
    }
}
