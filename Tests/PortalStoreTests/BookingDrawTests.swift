import Foundation
import Testing
import Postgres
import PortalCore
@testable import PortalStore

/// Draw mode (issue 11): requests of the first minutes wait for a seeded, replayable draw.
@Suite struct BookingDrawTests {
    static let day = "2026-01-28"
    static let opens = paris("2026-01-05T08:00:00+01:00")
    static let window = DrawWindow(opensAt: opens, policy: DrawPolicy(windowMinutes: 10, priorities: [.resident]))
    static let seedText = "val-de-lauze/alsh-mercredi/2026-01-28/journee"

    /// Twelve families ask within the window; families 3, 6, 9, 12 are not resident. Family 13 asks after it.
    static let profiles: [Int64: FamilyProfile] = {
        var profiles: [Int64: FamilyProfile] = [:]
        for id in Int64(1)...13 {
            let residency: Residency = id % 3 == 0 ? .nonResident : .resident
            profiles[id] = family(id, residency: residency, children: [(100 + id, "Enfant \(id)", "2018-05-04", .ce1)])
        }
        return profiles
    }()

    /// Runs the whole opening in a fresh schema and returns the families holding a place, in booking order.
    func runOpening() throws -> (winners: Set<Int64>, record: DrawRecord, late: ConfirmedLine, fixture: BookingFixture) {
        let fixture = try BookingFixture("draw", town: "val-de-lauze", capacity: ("alsh-mercredi", "journee", 5))
        let families = TestFamilies(profiles: Self.profiles)
        for id in Int64(1)...13 {
            let profile = Self.profiles[id]!
            try fixture.register(profile, to: "alsh-mercredi", on: Self.day)
            try fixture.fill(profile, [line(Self.day, 100 + id, "alsh-mercredi", "journee")], now: Self.opens)
        }
        for id in Int64(1)...12 {
            let confirmation = try BookingStore.confirmBasket(familyId: id, database: fixture.database, schema: fixture.schema, judge: fixture.judge,
                                                              families: families, now: Self.opens.addingTimeInterval(TimeInterval(id * 30))) { _ in Self.window }
            #expect(confirmation.lines[0].outcome == .waitingList)
            #expect(confirmation.lines[0].frenchOutcome == "Demande enregistrée pour le tirage au sort du lundi 5 janvier 2026 à 8 h 10.")
        }
        let late = try BookingStore.confirmBasket(familyId: 13, database: fixture.database, schema: fixture.schema, judge: fixture.judge,
                                                  families: families, now: paris("2026-01-05T08:12:00+01:00")) { _ in Self.window }.lines[0]
        #expect(try fixture.occupancy("alsh-mercredi", "journee", Self.day)!.booked == 0)
        let record = try #require(try fixture.transaction {
            try BookingStore.holdDraw(activity: "alsh-mercredi", unit: "journee", date: LocalDate(iso: Self.day)!, seedText: Self.seedText,
                                      priorities: [.resident], judge: fixture.judge, families: families, now: paris("2026-01-05T08:15:00+01:00"), in: $0)
        })
        let winners: [Int64] = try fixture.transaction {
            try $0.query("SELECT family_id FROM bookings WHERE status = 'booked'").map { try $0.decode("family_id") }
        }
        return (Set(winners), record, late, fixture)
    }

    @Test func draw_givesThePlacesByTheSeededRankingWithResidentsFirst() throws {
        let (winners, record, late, fixture) = try runOpening()
        defer { fixture.drop() }
        #expect(winners.count == 5)
        #expect(winners.isDisjoint(with: [3, 6, 9, 12]))
        #expect(record.seed == LotteryDraw.seed(publishedText: Self.seedText))
        #expect(record.order.count == 12)
        #expect(record.promotions.map(\.status) == Array(repeating: .booked, count: 5))
        #expect(late.outcome == .waitingList)
        #expect(late.drawAt == nil)
        #expect(try fixture.occupancy("alsh-mercredi", "journee", Self.day)! == (5, 5))
        // The families drawn after the winners come before the late request on the waiting list.
        let waitingOrder: [Int64] = try fixture.transaction {
            try $0.query("SELECT family_id FROM bookings WHERE status = 'waitingList' ORDER BY draw_rank NULLS LAST, requested_at, id")
                .map { try $0.decode("family_id") }
        }
        #expect(waitingOrder.count == 8)
        #expect(waitingOrder.last == 13)
        // Held once.
        let again = try fixture.transaction {
            try BookingStore.holdDraw(activity: "alsh-mercredi", unit: "journee", date: LocalDate(iso: Self.day)!, seedText: Self.seedText,
                                      priorities: [.resident], judge: fixture.judge, families: TestFamilies(profiles: Self.profiles),
                                      now: paris("2026-01-05T08:16:00+01:00"), in: $0)
        }
        #expect(again == nil)
    }

    @Test func draw_isReplayedIdenticallyFromThePublishedSeed() throws {
        let first = try runOpening()
        first.fixture.drop()
        let second = try runOpening()
        second.fixture.drop()
        #expect(first.winners == second.winners)
    }
}
