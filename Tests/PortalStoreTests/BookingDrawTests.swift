import Dispatch
import Foundation
import Synchronization
import Testing
import Postgres
import PortalCore
@testable import PortalStore

/// Fairness at opening (issue 11), on Saint-Aubin-des-Prés' CLV as its tenant file configures it:
/// spring holidays are drawn (requests of the first 1440 minutes after 00:00 on 9 March 2026),
/// winter holidays stay first come, first served.
@Suite struct BookingDrawTests {
    static let town = "saint-aubin-des-pres"
    static let unit = "matinAvecRepas"
    static let drawnDay = "2026-04-21"
    static let firstComeDay = "2026-02-24"
    static let opens = paris("2026-03-09T00:00:00+01:00")
    static let drawTime = paris("2026-03-10T00:00:00+01:00")

    /// Families 3, 6, 9, 12 are not resident; family 14 has two children.
    static let profiles: [Int64: BookingProfile] = {
        var profiles: [Int64: BookingProfile] = [:]
        for id in Int64(1)...14 {
            let residency: Residency = id % 3 == 0 ? .nonResident : .resident
            var children = [(100 + id, "Enfant \(id)", "2018-05-04", Optional(SchoolLevel.ce1))]
            if id == 14 { children.append((200 + id, "Cadet \(id)", "2019-05-04", .cp)) }
            profiles[id] = family(id, residency: residency, children: children)
        }
        return profiles
    }()

    static func fixture(_ prefix: String, day: String, places: Int) throws -> BookingFixture {
        let fixture = try BookingFixture(prefix, town: town, capacity: ("clv", unit, places))
        for profile in profiles.values.sorted(by: { $0.id < $1.id }) {
            try fixture.register(profile, to: "clv", on: day)
        }
        return fixture
    }

    static func request(_ fixture: BookingFixture, _ id: Int64, day: String, at now: Date) throws -> PortalStore.Confirmation {
        let profile = profiles[id]!
        try fixture.fill(profile, profile.children.map { line(day, $0.id, "clv", unit) }, now: now)
        return try fixture.confirm(profile, families: TestFamilies(profiles: profiles), now: now)
    }

    static func holdDue(_ fixture: BookingFixture, at now: Date) throws -> [DrawRecord] {
        try fixture.transaction {
            try BookingStore.holdDueDraws(judge: fixture.judge, families: TestFamilies(profiles: profiles), now: now, in: $0)
        }
    }

    static func families(_ fixture: BookingFixture, _ status: BookingStatus) throws -> [Int64] {
        try fixture.transaction {
            try $0.query("""
                SELECT family_id FROM bookings WHERE status = \(status.rawValue) ORDER BY draw_rank NULLS LAST, requested_at, id
                """).map { try $0.decode("family_id") }
        }
    }

    @Test func firstCome_arrivalOrderWins() throws {
        let fixture = try Self.fixture("firstcome", day: Self.firstComeDay, places: 3)
        defer { fixture.drop() }
        let opened = paris("2026-01-05T00:00:00+01:00")
        let outcomes = try (Int64(1)...5).map { id in
            try Self.request(fixture, id, day: Self.firstComeDay, at: opened.addingTimeInterval(TimeInterval(id))).lines[0]
        }
        #expect(outcomes.map(\.outcome) == [.booked, .booked, .booked, .waitingList, .waitingList])
        #expect(outcomes[3].frenchOutcome == "Complet : placé(e) sur liste d'attente.")
        #expect(try Self.families(fixture, .booked) == [1, 2, 3])
        #expect(try Self.holdDue(fixture, at: opened.addingTimeInterval(86_400)).isEmpty)
    }

    /// Twelve families ask in the window, family 13 after it but before the draw is held.
    func openDrawnDay(_ prefix: String) throws -> BookingFixture {
        let fixture = try Self.fixture(prefix, day: Self.drawnDay, places: 5)
        for id in Int64(1)...12 {
            let line = try Self.request(fixture, id, day: Self.drawnDay, at: Self.opens.addingTimeInterval(TimeInterval(id * 60))).lines[0]
            #expect(line.outcome == .waitingList)
            #expect(line.frenchOutcome == "En attente du tirage au sort du mardi 10 mars 2026 à 0 h 00.")
        }
        let late = try Self.request(fixture, 13, day: Self.drawnDay, at: Self.drawTime.addingTimeInterval(5)).lines[0]
        #expect(late.outcome == .waitingList)
        #expect(late.draw?.collected == false)
        #expect(try fixture.occupancy("clv", Self.unit, Self.drawnDay)!.booked == 0)
        return fixture
    }

    @Test func draw_holdsTheWindow_thenAllocatesBySeedResidentsFirst_lateRequestsBehind() throws {
        let fixture = try openDrawnDay("draw")
        defer { fixture.drop() }
        #expect(try Self.holdDue(fixture, at: Self.drawTime.addingTimeInterval(-1)).isEmpty)
        let held = try Self.holdDue(fixture, at: Self.drawTime.addingTimeInterval(10))
        #expect(held.count == 1)
        let record = held[0]
        #expect(record.seedText == "saint-aubin-des-pres/clv/2026-04-21/matinAvecRepas")
        #expect(record.seed == LotteryDraw.seed(publishedText: record.seedText))
        #expect(record.order.count == 12)
        let winners = try Self.families(fixture, .booked)
        #expect(winners.count == 5)
        #expect(Set(winners).isDisjoint(with: [3, 6, 9, 12]))
        #expect(record.entries.filter { $0.placedAs == .booked }.map(\.familyID).sorted() == winners.sorted())
        #expect(record.entries.compactMap(\.waitingRank) == Array(1...7))
        let waiting = try Self.families(fixture, .waitingList)
        #expect(waiting.count == 8)
        #expect(waiting.last == 13)
        #expect(try fixture.occupancy("clv", Self.unit, Self.drawnDay)! == (5, 5))
    }

    @Test func draw_isHeldOnce() throws {
        let fixture = try openDrawnDay("drawonce")
        defer { fixture.drop() }
        #expect(try Self.holdDue(fixture, at: Self.drawTime).count == 1)
        let winners = try Self.families(fixture, .booked)
        #expect(try Self.holdDue(fixture, at: Self.drawTime.addingTimeInterval(60)).isEmpty)
        #expect(try Self.families(fixture, .booked) == winners)
        // After the draw the slot is first come, first served again: full, so the waiting list.
        let after = try Self.request(fixture, 14, day: Self.drawnDay, at: Self.drawTime.addingTimeInterval(120)).lines[0]
        #expect(after.outcome == .waitingList)
        #expect(after.draw == nil)
    }

    @Test func draw_concurrentTriggersAllocateOnce() throws {
        let fixture = try openDrawnDay("drawrace")
        defer { fixture.drop() }
        let results = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let count = (try? Self.holdDue(fixture, at: Self.drawTime).count) ?? -1
            results.withLock { $0.append(count) }
        }
        #expect(results.withLock { $0.sorted() } == [0, 0, 0, 1])
        #expect(try fixture.occupancy("clv", Self.unit, Self.drawnDay)! == (5, 5))
        let draws: Int = try fixture.transaction { try $0.query("SELECT count(*)::int AS n FROM draws")[0].decode("n") }
        #expect(draws == 1)
    }

    @Test func draw_isReplayedIdenticallyFromThePublishedSeed() throws {
        var winners: [[Int64]] = []
        for prefix in ["replay1", "replay2"] {
            let fixture = try openDrawnDay(prefix)
            _ = try Self.holdDue(fixture, at: Self.drawTime)
            winners.append(try Self.families(fixture, .booked).sorted())
            fixture.drop()
        }
        #expect(winners[0] == winners[1])
    }

    @Test func draw_siblingsAskingTogetherRankAheadOfResidentsAlone() throws {
        let fixture = try Self.fixture("drawsiblings", day: Self.drawnDay, places: 2)
        defer { fixture.drop() }
        for id: Int64 in [1, 2, 4, 5, 14] {
            _ = try Self.request(fixture, id, day: Self.drawnDay, at: Self.opens.addingTimeInterval(TimeInterval(id)))
        }
        _ = try Self.holdDue(fixture, at: Self.drawTime)
        // Family 14, resident with two children asking together, meets both priorities: its two children take the two places.
        #expect(try Self.families(fixture, .booked) == [14, 14])
    }
}
