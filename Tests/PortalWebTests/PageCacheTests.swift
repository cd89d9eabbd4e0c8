import Foundation
import HTTPServer
@testable import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// When a stored page may be served again: same town data, same minute, session still alive.
@Suite struct PageCacheTests {
    // Monday 5 January 2026, 9:00:00 in Paris.
    let nine = Date(timeIntervalSince1970: 1_767_600_000)
    let key = PageCache.Key(schema: "town_a", sessionToken: String(repeating: "a", count: 64), target: "a.localhost/planning?vue=mois")
    let page = HTTPResponse.html(Array("<p>planning</p>".utf8))

    private func listening() -> (TownChanges, TownChanges.Stamp) {
        let changes = TownChanges()
        changes.setListening(true)
        return (changes, changes.stamp(schema: "town_a")!)
    }

    @Test(arguments: [
        // (seconds after 9:00:00 the page is asked for, served again?)
        (0.0, true), (59.9, true), (60.0, false), (-0.1, false), (3600.0, false),
    ])
    func aPageIsServedOnlyInTheMinuteItWasRendered(after seconds: Double, reused: Bool) {
        let (_, stamp) = listening()
        let cache = PageCache()
        cache.store(page, for: key, stamp: stamp, now: nine, sessionEnds: nine.addingTimeInterval(1800))
        #expect((cache.response(for: key, stamp: stamp, now: nine.addingTimeInterval(seconds)) != nil) == reused)
    }

    @Test func aChangeToItsTown_endsThePage_notAChangeToAnotherTown() {
        let (changes, stamp) = listening()
        let cache = PageCache()
        cache.store(page, for: key, stamp: stamp, now: nine, sessionEnds: nine.addingTimeInterval(1800))
        changes.bump(schema: "town_b")
        #expect(cache.response(for: key, stamp: changes.stamp(schema: "town_a")!, now: nine) != nil)
        changes.bump(schema: "town_a")
        #expect(cache.response(for: key, stamp: changes.stamp(schema: "town_a")!, now: nine) == nil)
    }

    @Test func listeningAgain_endsEveryPage_andNotListening_givesNoStamp() {
        let (changes, stamp) = listening()
        let cache = PageCache()
        cache.store(page, for: key, stamp: stamp, now: nine, sessionEnds: nine.addingTimeInterval(1800))
        changes.setListening(false)
        #expect(changes.stamp(schema: "town_a") == nil)
        changes.setListening(true)
        #expect(cache.response(for: key, stamp: changes.stamp(schema: "town_a")!, now: nine) == nil)
    }

    @Test func aSessionPastItsEnd_isNotServedThePage() {
        let (_, stamp) = listening()
        let cache = PageCache()
        cache.store(page, for: key, stamp: stamp, now: nine, sessionEnds: nine.addingTimeInterval(20))
        #expect(cache.response(for: key, stamp: stamp, now: nine.addingTimeInterval(19)) != nil)
        #expect(cache.response(for: key, stamp: stamp, now: nine.addingTimeInterval(20)) == nil)
    }

    @Test func anotherSessionOrTarget_isAnotherPage() {
        let (_, stamp) = listening()
        let cache = PageCache()
        cache.store(page, for: key, stamp: stamp, now: nine, sessionEnds: nine.addingTimeInterval(1800))
        let otherSession = PageCache.Key(schema: "town_a", sessionToken: String(repeating: "b", count: 64), target: key.target)
        let otherTown = PageCache.Key(schema: "town_b", sessionToken: key.sessionToken, target: key.target)
        let otherMonth = PageCache.Key(schema: "town_a", sessionToken: key.sessionToken, target: key.target + "&date=2026-02-01")
        for other in [otherSession, otherTown, otherMonth] {
            #expect(cache.response(for: other, stamp: stamp, now: nine) == nil)
        }
    }

    @Test func theCacheStaysWithinItsBudget() {
        let (_, stamp) = listening()
        let cache = PageCache(maximumBytes: 64 * 1024)
        let big = HTTPResponse.html(Array(repeating: UInt8(ascii: "x"), count: 4000))
        for index in 0..<100 {
            let other = PageCache.Key(schema: "town_a", sessionToken: key.sessionToken, target: "planning?date=\(index)")
            cache.store(big, for: other, stamp: stamp, now: nine, sessionEnds: nine.addingTimeInterval(1800))
            #expect(cache.storedBytes <= 64 * 1024)
        }
        let last = PageCache.Key(schema: "town_a", sessionToken: key.sessionToken, target: "planning?date=99")
        #expect(cache.response(for: last, stamp: stamp, now: nine) != nil)
    }
}
