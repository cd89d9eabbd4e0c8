import Foundation
import Testing
@testable import PortalCore

@Suite struct WaitingListAndDrawTests {
    static func entry(_ id: Int64, _ child: BookableChild, at time: String) -> WaitingEntry {
        WaitingEntry(bookingID: id, slot: slot("2026-01-28", child, "alsh-mercredi", "journee"), familyID: 1, requestedAt: instant(time))
    }

    @Test func waitingList_isFirstComeFirstServedTiesByBookingId() {
        let entries = [Self.entry(9, Kids.tom, at: "2026-01-05T10:00:02+01:00"), Self.entry(7, Kids.lea, at: "2026-01-05T10:00:01+01:00"),
                       Self.entry(3, Kids.bebe, at: "2026-01-05T10:00:02+01:00")]
        #expect(WaitingList.ordered(entries).map(\.bookingID) == [7, 3, 9])
    }

    @Test func promotion_skipsAChildTheRulesNoLongerAllow() throws {
        let judge = BookingJudge(engine: try engine("cayres-pradelles"))
        // Tom's registration was not accepted: he waits first but cannot take the place.
        let context = FamilyBookingContext(quotient: 650, residency: .resident, children: [Kids.lea, Kids.tom, Kids.bebe],
                                           registrations: [accepted(Kids.lea, "alsh-mercredi"), accepted(Kids.bebe, "alsh-mercredi")], bookings: [])
        let entries = [Self.entry(1, Kids.tom, at: "2026-01-05T10:00:00+01:00"), Self.entry(2, Kids.bebe, at: "2026-01-05T10:00:01+01:00"),
                       Self.entry(3, Kids.lea, at: "2026-01-05T10:00:02+01:00")]
        let now = instant("2026-01-10T12:00:00+01:00")
        let result = WaitingList.promotions(entries, places: 1) { judge.decide(BasketLine(slot: $0.slot, action: .book), context: context, now: now) }
        // Jade is 2 on 28 January 2026: skipped too; Léa gets the place.
        #expect(result.promoted.map(\.entry.bookingID) == [3])
        #expect(result.skipped.map(\.decision.ruleID) == ["notRegistered", "audience"])
    }

    @Test func promotion_pastTheDeadlineGivesNoPlace() throws {
        let judge = BookingJudge(engine: try engine("cayres-pradelles"))
        let context = FamilyBookingContext(quotient: 650, residency: .resident, children: [Kids.lea],
                                           registrations: [accepted(Kids.lea, "alsh-mercredi")], bookings: [])
        let result = WaitingList.promotions([Self.entry(1, Kids.lea, at: "2026-01-05T10:00:00+01:00")], places: 1) {
            judge.decide(BasketLine(slot: $0.slot, action: .book), context: context, now: instant("2026-01-24T00:00:00+01:00"))
        }
        #expect(result.promoted.isEmpty)
        #expect(result.skipped.first?.decision.ruleID == "booking.calendarDaysBefore(5)")
    }

    /// Twelve families with one child each; families 3, 6, 9, 12 are not resident; family 5 asks for a second child.
    static let entries: [DrawEntry] = {
        var entries: [DrawEntry] = []
        for family in Int64(1)...12 {
            entries.append(DrawEntry(requestID: family, familyID: family, childID: 100 + family, resident: family % 3 != 0))
        }
        entries.append(DrawEntry(requestID: 13, familyID: 5, childID: 205, resident: true))
        return entries
    }()

    @Test func draw_isReproducibleFromThePublishedSeed() {
        let seed = LotteryDraw.seed(publishedText: "cayres-pradelles/alsh-vacances/2026-02-09/journee")
        let first = LotteryDraw.draw(Self.entries, capacity: 5, seed: seed, priorities: [])
        let again = LotteryDraw.draw(Self.entries.reversed(), capacity: 5, seed: seed, priorities: [])
        #expect(first == again)
        #expect(first.allocated.count == 5)
        #expect(first.waiting.count == 8)
        let everyone: [Int64] = (first.allocated + first.waiting).map(\.requestID).sorted()
        #expect(everyone == Array(1...13))
        let other = LotteryDraw.draw(Self.entries, capacity: 5, seed: seed &+ 1, priorities: [])
        #expect(other.allocated != first.allocated)
    }

    @Test func draw_withFixedSeedGivesTheKnownOrder() {
        let outcome = LotteryDraw.draw(Self.entries, capacity: 4, seed: 42, priorities: [])
        var families: [Int64] = Array(1...12)
        var generator = Xoshiro256StarStar(seed: 42)
        generator.shuffle(&families)
        let expected = families.flatMap { family in Self.entries.filter { $0.familyID == family }.sorted { $0.childID < $1.childID } }
        #expect((outcome.allocated + outcome.waiting).map(\.requestID) == expected.map(\.requestID))
    }

    @Test func draw_ranksResidentsFirstThenSiblings() {
        let outcome = LotteryDraw.draw(Self.entries, capacity: 9, seed: 99, priorities: [.resident, .sibling])
        let order = outcome.allocated + outcome.waiting
        // Family 5 is resident and asks for two children: first, together.
        #expect(order.prefix(2).map(\.familyID) == [5, 5])
        // The 4 non-resident families (3, 6, 9, 12) come last.
        let lastFamilies: [Int64] = order.suffix(4).map(\.familyID).sorted()
        #expect(lastFamilies == [3, 6, 9, 12])
        #expect(outcome.waiting.count == 4)
    }

    @Test func fewerRequestsThanPlaces_allocatesEveryone() {
        let outcome = LotteryDraw.draw(Array(Self.entries.prefix(3)), capacity: 10, seed: 1, priorities: [.resident])
        #expect(outcome.allocated.count == 3)
        #expect(outcome.waiting.isEmpty)
    }

    @Test(arguments: [
        ("2026-01-19T00:00:00+01:00", true), ("2026-01-19T00:14:59+01:00", true),
        ("2026-01-19T00:15:00+01:00", false), ("2026-01-18T23:59:59+01:00", false),
    ])
    func drawWindow_collectsRequestsOfTheFirstMinutes(requestedAt: String, collected: Bool) {
        let policy = DrawPolicy(windowMinutes: 15, priorities: [.resident])
        let opens = instant("2026-01-19T00:00:00+01:00")
        #expect(policy.collects(requestedAt: instant(requestedAt), opensAt: opens) == collected)
        #expect(policy.drawTime(opensAt: opens) == instant("2026-01-19T00:15:00+01:00"))
    }

    @Test func publishedSeed_isFNV1a() {
        #expect(LotteryDraw.seed(publishedText: "") == 0xCBF2_9CE4_8422_2325)
        #expect(LotteryDraw.seed(publishedText: "a") == 0xAF63_DC4C_8601_EC8C)
    }
}
