import Foundation
import HTTPServer
import Postgres
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// The family planning page reused while nothing it shows can have changed (`PageCache`), with
/// the application listening to the database's changes as `portal serve` does. The basket
/// button (« Voir mon panier (n) ») shows whether a page was rendered again.
@Suite(.serialized) struct PlanningReuseTests {
    static let anchor = LocalDate(iso: "2026-01-14")!

    private func scene() throws -> (BookingScene, String) {
        let scene = try BookingScene(listensForChanges: true)
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "alsh-mercredis")
        try settle(scene)
        return (scene, BookingPaths.planning(family: scene.martinFamily, view: .month, anchor: Self.anchor))
    }

    /// The set-up's writes are notified after their commit, possibly during the test: a marker
    /// of its own notified last, once heard, says they all were, since notifications arrive in
    /// commit order (a late one would only make a page be rendered again, but these tests tell
    /// reuse from rendering).
    private func settle(_ scene: BookingScene) throws {
        let changes = try #require(scene.world.changes)
        let marker = "marker_\(UInt32.random(in: 0...UInt32.max))"
        let before = changes.stamp(schema: marker)
        _ = try scene.world.pool.withConnection { try $0.query("SELECT pg_notify(\(TownChanges.channel), \(marker))") }
        for _ in 0..<3000 where changes.stamp(schema: marker) == before { Thread.sleep(forTimeInterval: 0.01) }
        try #require(changes.stamp(schema: marker) != before)
    }

    private func line(_ scene: BookingScene, _ day: String) -> BasketLine {
        BasketLine(date: LocalDate(iso: day)!, childID: scene.lea, activity: "alsh-mercredis", unit: "journee", action: .book)
    }

    /// A write the serving process is not told about: it says it announces it itself, and does not.
    private func unannouncedWrite(_ scene: BookingScene, _ day: String) throws {
        try scene.world.pool.transaction(localSettings: [("search_path", SQL.quoteIdentifier(scene.tenant.schema)),
                                                        (TownChanges.announcedSetting, "on")]) { connection in
            try BasketStore.add([line(scene, day)], familyID: scene.martinFamily, now: scene.world.clock.now, in: connection)
        }
    }

    @Test func aPageReloaded_isReusedUntilAWriteFromAnotherProcessIsNotified() throws {
        var (scene, planning) = try scene()
        defer { scene.drop() }
        #expect(scene.martin.get(planning).text.contains("Voir mon panier (0)"))
        try unannouncedWrite(scene, "2026-01-14")
        #expect(scene.martin.get(planning).text.contains("Voir mon panier (0)"), "the page is reused while no change is known")
        // As `portal` commands or psql write: the town_change trigger notifies the listener.
        try scene.world.transaction(scene.tenant) { try BasketStore.add([line(scene, "2026-01-21")], familyID: scene.martinFamily, now: scene.world.clock.now, in: $0) }
        var page = ""
        for _ in 0..<3000 {
            page = scene.martin.get(planning).text
            if page.contains("Voir mon panier (2)") { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(page.contains("Voir mon panier (2)"))
    }

    @Test func theAnswerToAForm_leadsToAPageShowingWhatItChanged() throws {
        var (scene, planning) = try scene()
        defer { scene.drop() }
        #expect(scene.martin.get(planning).text.contains("Voir mon panier (0)"))
        let added = scene.martin.postFrom(planning, BookingPaths.basketAdd, [("creneau", "2026-01-14|\(scene.lea)|alsh-mercredis|journee|book")])
        #expect(added.status.code == 303)
        #expect(scene.martin.get(planning).text.contains("Voir mon panier (1)"))
    }

    @Test func aReusedPage_isJudgedAgainTheNextMinute() throws {
        var (scene, planning) = try scene()
        defer { scene.drop() }
        scene.martin.get(planning)
        try unannouncedWrite(scene, "2026-01-14")
        #expect(scene.martin.get(planning).text.contains("Voir mon panier (0)"))
        scene.world.clock.advance(60)
        #expect(scene.martin.get(planning).text.contains("Voir mon panier (1)"))
    }

    @Test func anEndedSession_isNeverServedTheReusedPage() throws {
        var (scene, planning) = try scene()
        defer { scene.drop() }
        var phone = BookingScene.signIn(scene.world, scene.tenant, scene.martinEmail)
        #expect(scene.martin.get(planning).status.code == 200)
        phone.get(SpacePaths.account)
        let ended = phone.post(SpacePaths.connections, ["csrf": phone.csrf, SessionViews.passwordField: AccountWorld.password])
        #expect(ended.status.code == 303)
        let after = scene.martin.get(planning)
        #expect(after.status.code == 303)
        #expect(after.location.hasPrefix(AccountPaths.signIn))
    }

    @Test func anotherFamily_orAnotherTown_neverGetsTheReusedPage() throws {
        var (scene, planning) = try scene()
        defer { scene.drop() }
        #expect(scene.martin.get(planning).text.contains("Léa"))
        #expect(scene.durand.get(planning).status.code == 404)
        // Martin's session cookie sent to another town: no session there, so the sign-in page.
        let token = try #require(scene.martin.cookies["pf_session"])
        var elsewhere = scene.world.browser(scene.world.town)
        elsewhere.cookies["pf_session"] = token
        let foreign = elsewhere.get(planning)
        #expect(foreign.status.code == 303)
        #expect(!foreign.text.contains("Léa"))
    }

    @Test func withoutAListener_everyPageIsRenderedAgain() throws {
        var (scene, planning) = try scene()
        defer { scene.drop() }
        scene.world.changeListener?.stop()
        for _ in 0..<3000 where scene.world.changes?.isListening == true { Thread.sleep(forTimeInterval: 0.01) }
        scene.martin.get(planning)
        try unannouncedWrite(scene, "2026-01-14")
        #expect(scene.martin.get(planning).text.contains("Voir mon panier (1)"))
    }
}
