import Foundation
import Testing
@testable import PortalCore

struct ThrottleRuleTests {
    static let start = Date(timeIntervalSince1970: 1_767_600_000) // 2026-01-05T08:00:00Z

    static let delays: [(Int, Int)] = [(1, 0), (4, 0), (5, 60), (6, 120), (7, 240), (9, 960), (10, 1920), (11, 3600), (30, 3600)]

    @Test(arguments: delays)
    func delay_isFreeForFourFailures_thenOneMinuteDoublingToAnHour(failures: Int, seconds: Int) {
        #expect(ThrottleRule.account.delay(afterConsecutiveFailures: failures) == .seconds(seconds))
    }

    @Test func fiveFailures_delayTheNextTryByMoreThanAMinute() {
        var state = ThrottleState()
        for minute in 0..<5 { state = ThrottleRule.account.recordingFailure(state, now: Self.start.addingTimeInterval(Double(minute))) }
        let lastFailure = Self.start.addingTimeInterval(4)
        #expect(ThrottleRule.account.decide(state, now: lastFailure.addingTimeInterval(30)) == .delayed(until: lastFailure.addingTimeInterval(60)))
        #expect(ThrottleRule.account.decide(state, now: lastFailure.addingTimeInterval(60)) == .allowed)
    }

    @Test func twentyFiveFailuresInADay_blockUntilTheDayIsOver_evenWithSuccessesBetween() {
        var state = ThrottleState()
        for index in 0..<25 {
            // A quarter of an hour apart, with a successful sign-in after every fourth failure.
            state = ThrottleRule.account.recordingFailure(state, now: Self.start.addingTimeInterval(Double(index) * 900))
            if index % 4 == 3 { state = ThrottleRule.account.recordingSuccess(state) }
        }
        let now = Self.start.addingTimeInterval(13 * 3600)
        #expect(ThrottleRule.account.decide(state, now: now) == .blockedForTheDay(until: Self.start.addingTimeInterval(86_400)))
        #expect(ThrottleRule.account.decide(state, now: Self.start.addingTimeInterval(86_400)) == .allowed)
    }

    @Test func countingWindow_restartsAfterADay() {
        var state = ThrottleRule.account.recordingFailure(ThrottleState(), now: Self.start)
        state = ThrottleRule.account.recordingFailure(state, now: Self.start.addingTimeInterval(86_401))
        #expect(state.failuresToday == 1)
        #expect(state.windowStart == Self.start.addingTimeInterval(86_401))
        #expect(state.consecutiveFailures == 2)
    }

    @Test func messages_areFrenchAndRoundTheWaitUp() {
        let now = Self.start
        #expect(ThrottleDecision.delayed(until: now.addingTimeInterval(61)).frenchMessage(now: now)
            == "Trop d'essais infructueux. Par sécurité, attendez 2 minutes avant de réessayer.")
        #expect(ThrottleDecision.blockedForTheDay(until: now.addingTimeInterval(3600)).frenchMessage(now: now)?.contains("pendant 1 heure") == true)
        #expect(ThrottleDecision.allowed.frenchMessage(now: now) == nil)
    }
}
