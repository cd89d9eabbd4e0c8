import Foundation
import Testing
@testable import PortalFlows
import Postgres
import PortalCore
@testable import PortalStore

@Suite struct BookingConfirmationTests {
    static let martin = family(1, quotient: 600, children: [(11, "Léa", "2018-05-04", .ce1), (12, "Tom", "2019-09-30", .cp)])

    @Test func threeWednesdaysForTwoChildren_areBookedAndTheBasketEmptied() throws {
        let fixture = try BookingFixture("confirm", town: "val-de-lauze")
        defer { fixture.drop() }
        let families = TestFamilies(profiles: [1: Self.martin])
        try fixture.register(Self.martin, to: "alsh-mercredi", on: "2026-01-14")
        let lines = ["2026-01-14", "2026-01-21", "2026-01-28"].flatMap { [line($0, 11, "alsh-mercredi", "journee"), line($0, 12, "alsh-mercredi", "journee")] }
        try fixture.fill(Self.martin, lines, now: paris("2026-01-05T09:00:00+01:00"))

        let confirmation = try fixture.confirm(Self.martin, families: families, now: paris("2026-01-05T10:00:00+01:00"))
        #expect(confirmation.lines.map(\.outcome) == Array(repeating: .booked, count: 6))
        #expect(confirmation.total.french == "72,00 €")
        #expect(try fixture.occupancy("alsh-mercredi", "journee", "2026-01-21")! == (2, 48))
        #expect(try fixture.transaction { try BasketStore.load(familyID: 1, in: $0) }.isEmpty)
        let stored = try fixture.transaction { try BookingStore.bookings(familyID: 1, from: LocalDate(iso: "2026-01-01")!, to: LocalDate(iso: "2026-01-31")!, in: $0) }
        #expect(stored.count == 6)
        #expect(stored.allSatisfy { $0.status == .booked && $0.amount == Money(cents: 1200) })
        let recorded: Int = try fixture.transaction { try $0.query("SELECT count(*)::int AS n FROM confirmation_lines WHERE confirmation_id = \(confirmation.id)")[0].decode("n") }
        #expect(recorded == 6)
    }

    struct TownCase: Sendable, CustomTestStringConvertible {
        let town: String
        let activity: String
        let unit: String
        let allowedDay: String
        let refusedDay: String
        let now: String
        let rule: String
        var testDescription: String { town }
    }

    @Test(arguments: [
        TownCase(town: "cayres-pradelles", activity: "alsh-mercredi", unit: "journee", allowedDay: "2026-01-14", refusedDay: "2026-01-07",
                 now: "2026-01-05T10:00:00+01:00", rule: "booking.calendarDaysBefore(5)"),
        TownCase(town: "val-de-lauze", activity: "restauration", unit: "repas", allowedDay: "2026-01-08", refusedDay: "2026-01-10",
                 now: "2026-01-05T10:00:00+01:00", rule: "notRunning"),
        TownCase(town: "saint-aubin-des-pres", activity: "restauration", unit: "repas", allowedDay: "2026-02-05", refusedDay: "2026-01-08",
                 now: "2026-01-05T10:00:00+01:00", rule: "booking.monthlyCutoff(20)"),
        TownCase(town: "clermontais", activity: "periscolaire-soir", unit: "soir", allowedDay: "2026-01-08", refusedDay: "2026-01-06",
                 now: "2026-01-05T11:00:00+01:00", rule: "booking.workingDaysBefore(1)@10:00"),
    ])
    func confirmation_reDecidesEveryLineAtThatInstant_andReportsEachRefusal(_ town: TownCase) throws {
        let fixture = try BookingFixture("rules", town: town.town)
        defer { fixture.drop() }
        let lea = family(1, children: [(11, "Léa", "2018-05-04", .ce1)])
        try fixture.register(lea, to: town.activity, on: town.allowedDay)
        try fixture.fill(lea, [line(town.allowedDay, 11, town.activity, town.unit), line(town.refusedDay, 11, town.activity, town.unit)],
                         now: paris(town.now))
        let confirmation = try fixture.confirm(lea, families: TestFamilies(profiles: [1: lea]), now: paris(town.now))
        let allowed = try #require(confirmation.lines.first { $0.line.slot.date == LocalDate(iso: town.allowedDay) })
        let refused = try #require(confirmation.lines.first { $0.line.slot.date == LocalDate(iso: town.refusedDay) })
        #expect(allowed.outcome != nil, "\(allowed.decision.message)")
        #expect(refused.outcome == nil)
        #expect(refused.decision.ruleID == town.rule)
        #expect(!refused.frenchOutcome.isEmpty)
        let reasons: [String] = try fixture.transaction {
            try $0.query("SELECT message FROM confirmation_lines WHERE confirmation_id = \(confirmation.id) AND outcome = 'refused'").map { try $0.decode("message") }
        }
        #expect(reasons == [refused.decision.message])
    }

    @Test func basket_survivesSignOutAndReplacesALineForTheSameSlot() throws {
        let fixture = try BookingFixture("basket", town: "val-de-lauze")
        defer { fixture.drop() }
        let now = paris("2026-01-05T10:00:00+01:00")
        try fixture.fill(Self.martin, [line("2026-01-14", 11, "alsh-mercredi", "journee"), line("2026-01-14", 12, "alsh-mercredi", "matin")], now: now)
        try fixture.fill(Self.martin, [line("2026-01-14", 11, "alsh-mercredi", "journee", .cancel)], now: now)
        let basket = try fixture.transaction { try BasketStore.load(familyID: 1, in: $0) }
        #expect(basket.lines == [line("2026-01-14", 11, "alsh-mercredi", "journee", .cancel), line("2026-01-14", 12, "alsh-mercredi", "matin")])
        try fixture.transaction { try BasketStore.remove([basket.lines[0].slot], familyID: 1, in: $0) }
        #expect(try fixture.transaction { try BasketStore.load(familyID: 1, in: $0) }.lines.count == 1)
        #expect(try fixture.transaction { try BasketStore.load(familyID: 2, in: $0) }.isEmpty)
    }

    @Test func registrations_areUniquePerPeriodAndAnsweredInBulk() throws {
        let fixture = try BookingFixture("registrations", town: "cayres-pradelles")
        defer { fixture.drop() }
        let period = RegistrationPeriod.containing(LocalDate(iso: "2026-03-01")!, validity: .calendarYear)
        let now = paris("2026-01-05T10:00:00+01:00")
        try fixture.insertRows(Self.martin)
        let ids = try fixture.transaction { connection in
            try [11, 12].map { child in
                try RegistrationStore.create(Registration.request(childID: child, activityCode: "alsh-mercredi", period: period, policy: fixture.tenant.registration),
                                             familyID: 1, now: now, in: connection)
            }
        }
        #expect(throws: BookingStoreError.duplicateRegistration) {
            try fixture.transaction { try RegistrationStore.create(Registration(childID: 11, activityCode: "alsh-mercredi", period: period, status: .pending),
                                                                   familyID: 1, now: now, in: $0) }
        }
        #expect(try fixture.transaction { try RegistrationStore.pending(activity: "alsh-mercredi", validity: .calendarYear, in: $0) }.count == 2)
        let answered = try fixture.transaction {
            try RegistrationStore.answer(ids: ids, accept: false, reason: "Complet pour 2026", today: LocalDate(iso: "2026-01-05")!, now: now,
                                         validity: .calendarYear, in: $0)
        }
        #expect(answered.map(\.registration.status) == [.refused, .refused])
        let listed = try fixture.transaction { try RegistrationStore.forFamily(1, validity: .calendarYear, in: $0) }
        #expect(listed.map { $0.registration.displayStatus(today: LocalDate(iso: "2026-01-05")!) } == [.refused, .refused])
        #expect(listed.allSatisfy { $0.registration.refusalReason == "Complet pour 2026" })
        #expect(throws: BookingStoreError.registration(.alreadyAnswered(.refused))) {
            try fixture.transaction {
                try RegistrationStore.answer(ids: [ids[0]], accept: true, reason: nil, today: LocalDate(iso: "2026-01-05")!, now: now, validity: .calendarYear, in: $0)
            }
        }
    }
}

@Suite struct CalendarFeedStoreTests {
    @Test func feedToken_findsTheFamilyUntilRevokedOrReplaced_andListsItsBookings() throws {
        let fixture = try BookingFixture("feed", town: "val-de-lauze")
        defer { fixture.drop() }
        let martin = BookingConfirmationTests.martin
        try fixture.register(martin, to: "alsh-mercredi", on: "2026-01-14")
        try fixture.fill(martin, [line("2026-01-14", 11, "alsh-mercredi", "journee"), line("2026-01-14", 12, "alsh-mercredi", "matin")],
                         now: paris("2026-01-05T10:00:00+01:00"))
        _ = try fixture.confirm(martin, families: TestFamilies(profiles: [1: martin]), now: paris("2026-01-05T10:00:00+01:00"))
        let now = paris("2026-01-05T10:00:00+01:00")
        let first = try fixture.transaction { try CalendarFeedStore.issue(familyID: 1, now: now, in: $0) }
        #expect(first.count == 64)
        #expect(try fixture.transaction { try CalendarFeedStore.familyID(token: first, in: $0) } == 1)
        let second = try fixture.transaction { try CalendarFeedStore.issue(familyID: 1, now: now, in: $0) }
        #expect(try fixture.transaction { try CalendarFeedStore.familyID(token: first, in: $0) } == nil)
        #expect(try fixture.transaction { try CalendarFeedStore.familyID(token: second, in: $0) } == 1)
        #expect(try fixture.transaction { try CalendarFeedStore.familyID(token: "nimportequoi", in: $0) } == nil)

        let events = try fixture.transaction {
            try BookingStore.bookings(familyID: 1, from: LocalDate(iso: "2026-01-01")!, to: LocalDate(iso: "2026-01-31")!, in: $0)
        }.compactMap { CalendarFeed.event($0, children: martin.children, tenant: fixture.tenant) }
        #expect(events.map(\.summary) == ["Léa – ALSH mercredi, Journée", "Tom – ALSH mercredi, Matin"])
        #expect(events.allSatisfy { $0.description == "Réservé / enfant présent" && !$0.tentative })

        try fixture.transaction { try CalendarFeedStore.revoke(familyID: 1, in: $0) }
        #expect(try fixture.transaction { try CalendarFeedStore.familyID(token: second, in: $0) } == nil)
    }
}
