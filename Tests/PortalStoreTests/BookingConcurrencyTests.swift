import Dispatch
import Foundation
import Synchronization
import Testing
import Postgres
import PortalCore
@testable import PortalStore

/// Capacity is enforced by PostgreSQL: many families confirming at once never overbook.
@Suite struct BookingConcurrencyTests {
    static let day = "2026-01-14"
    static let now = paris("2026-01-05T10:00:00+01:00")

    @Test func fortyParallelConfirmationsOnTenPlaces_giveTenBookingsAndThirtyOnTheWaitingList() throws {
        let fixture = try BookingFixture("rush", town: "val-de-lauze", poolSize: 12, capacity: ("alsh-mercredi", "journee", 10))
        defer { fixture.drop() }
        let profiles = Dictionary(uniqueKeysWithValues: (1...40).map { id in
            (Int64(id), family(Int64(id), children: [(Int64(1000 + id), "Enfant \(id)", "2018-05-04", .ce1)]))
        })
        let families = TestFamilies(profiles: profiles)
        for profile in profiles.values {
            try fixture.register(profile, to: "alsh-mercredi", on: Self.day)
            try fixture.fill(profile, [line(Self.day, profile.children[0].id, "alsh-mercredi", "journee")], now: Self.now)
        }
        let outcomes = Mutex<[BookingStatus?]>([])
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            do {
                let confirmation = try fixture.confirm(profiles[Int64(index + 1)]!, families: families, now: Self.now)
                outcomes.withLock { $0.append(confirmation.lines[0].outcome) }
            } catch {
                errors.withLock { $0.append("\(error)") }
            }
        }
        #expect(errors.withLock { $0 } == [])
        let statuses = outcomes.withLock { $0 }
        #expect(statuses.filter { $0 == .booked }.count == 10)
        #expect(statuses.filter { $0 == .waitingList }.count == 30)
        #expect(try fixture.occupancy("alsh-mercredi", "journee", Self.day)! == (10, 10))

        // A booked family cancels: the first waiting child takes the place in the same transaction.
        let counts = try fixture.transaction { connection in
            try connection.query("""
                SELECT b.family_id, b.status FROM bookings b ORDER BY b.requested_at, b.id
                """).map { (try $0.decode("family_id", as: Int64.self), try $0.decode("status", as: String.self)) }
        }
        let leaver = try #require(counts.first { $0.1 == "booked" }).0
        let firstWaiting = try #require(fixture.transaction { connection in
            try connection.query("SELECT family_id FROM bookings WHERE status = 'waitingList' ORDER BY draw_rank NULLS LAST, requested_at, id LIMIT 1")
                .first.map { try $0.decode("family_id", as: Int64.self) }
        })
        let leaverProfile = profiles[leaver]!
        try fixture.fill(leaverProfile, [line(Self.day, leaverProfile.children[0].id, "alsh-mercredi", "journee", .cancel)], now: Self.now)
        let cancellation = try fixture.confirm(leaverProfile, families: families, now: paris("2026-01-06T10:00:00+01:00"))
        #expect(cancellation.lines[0].outcome == .cancelled)
        #expect(cancellation.promotions.map(\.familyID) == [firstWaiting])
        #expect(cancellation.promotions.map(\.status) == [.booked])
        #expect(try fixture.occupancy("alsh-mercredi", "journee", Self.day)! == (10, 10))
        let waiting: Int = try fixture.transaction { try $0.query("SELECT count(*)::int AS n FROM bookings WHERE status = 'waitingList'")[0].decode("n") }
        #expect(waiting == 29)
    }

    @Test func staffRefusingAPendingRequest_freesThePlaceForTheNextWaitingChild() throws {
        let fixture = try BookingFixture("staff", town: "cayres-pradelles", capacity: ("alsh-mercredi", "journee", 1))
        defer { fixture.drop() }
        let first = family(1, children: [(11, "Léa", "2018-05-04", .ce1)])
        let second = family(2, children: [(21, "Noé", "2017-03-02", .ce2)])
        let families = TestFamilies(profiles: [1: first, 2: second])
        for profile in [first, second] {
            try fixture.register(profile, to: "alsh-mercredi", on: Self.day)
            try fixture.fill(profile, [line(Self.day, profile.children[0].id, "alsh-mercredi", "journee")], now: Self.now)
        }
        let a = try fixture.confirm(first, families: families, now: Self.now)
        let b = try fixture.confirm(second, families: families, now: Self.now)
        #expect(a.lines[0].outcome == .pendingValidation)
        #expect(b.lines[0].outcome == .waitingList)
        #expect(try fixture.transaction { try BookingStore.staffQueue(activity: "alsh-mercredi", limit: 10, in: $0) }.map(\.familyID) == [1])

        let change = try fixture.transaction {
            try BookingStore.answer(bookingID: a.lines[0].bookingID!, accept: false, note: "Groupe complet", judge: fixture.judge,
                                    families: families, now: paris("2026-01-06T09:00:00+01:00"), in: $0)
        }
        #expect(change.to == .refused)
        #expect(change.promotions.map(\.familyID) == [2])
        #expect(change.promotions.map(\.status) == [.pendingValidation])
        #expect(try fixture.occupancy("alsh-mercredi", "journee", Self.day)! == (1, 1))

        let accepted = try fixture.transaction {
            try BookingStore.answer(bookingID: b.lines[0].bookingID!, accept: true, note: nil, judge: fixture.judge, families: families,
                                    now: paris("2026-01-06T09:05:00+01:00"), in: $0)
        }
        #expect(accepted.to == .booked)
        let absence = try fixture.transaction {
            try BookingStore.declareAbsence(bookingID: b.lines[0].bookingID!, familyID: 2, judge: fixture.judge, families: families,
                                            now: paris("2026-01-14T07:00:00+01:00"), in: $0)
        }
        #expect(absence.to == .absent)
        #expect(throws: BookingStoreError.unknownBooking(b.lines[0].bookingID!)) {
            try fixture.transaction {
                try BookingStore.withdraw(bookingID: b.lines[0].bookingID!, familyID: 1, judge: fixture.judge, families: families,
                                          now: paris("2026-01-14T07:00:00+01:00"), in: $0)
            }
        }
    }

    @Test func overbookingIsRefusedByTheDatabaseItself() throws {
        let fixture = try BookingFixture("check", town: "val-de-lauze")
        defer { fixture.drop() }
        #expect(throws: PostgresError.self) {
            try fixture.transaction { try $0.execute("INSERT INTO slots (activity, unit, day, capacity, booked) VALUES ('a', 'b', '2026-01-14', 1, 2)") }
        }
    }
}
