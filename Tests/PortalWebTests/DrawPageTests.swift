import Foundation
import HTTPServer
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// Fairness at opening in-process (issue 11): Saint-Aubin-des-Prés draws the spring holidays of
/// its CLV among the requests of the first day after 00:00 on 9 March 2026.
@Suite(.serialized) struct DrawPageTests {
    static let slot = "2026-04-21"

    @Test func familySeesAwaitingTheDraw_thenItsOutcome_andTheSeedIsPublished() throws {
        var scene = try BookingScene(town: "saint-aubin-des-pres")
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "clv", on: Self.slot)
        // From Monday 5 January 9:00 to Monday 9 March 8:00, the first day of the spring window.
        scene.world.clock.advance(63 * 86_400 - 3_600)
        scene.martin = BookingScene.signIn(scene.world, scene.tenant, scene.martinEmail)
        let day = BookingPaths.planning(family: scene.martinFamily, view: .day, anchor: LocalDate(iso: Self.slot))
        scene.martin.postFrom(day, BookingPaths.basketAdd, [("creneau", "\(Self.slot)|\(scene.lea)|clv|matinAvecRepas|book")])
        let confirmed = scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketConfirm, [])
        try #require(confirmed.status.code == 303, "\(confirmed.status) \(confirmed.text)")
        #expect(scene.martin.get(confirmed.location).text.contains("En attente du tirage au sort du mardi 10 mars 2026 à 0 h 00."))
        let waiting = scene.martin.get(day).text
        #expect(waiting.contains("En attente du tirage au sort"))
        #expect(waiting.contains("Tirage au sort le mardi 10 mars 2026 à 0 h 00"))
        #expect(try scene.bookings(family: scene.martinFamily).map(\.status) == [.waitingList])
        #expect(scene.martin.get(SpacePaths.requests).text.contains("Demande en cours"))
        let recap = try #require(try scene.world.lastMail(to: scene.martinEmail))
        #expect(recap.body.contains("en attente du tirage au sort du mardi 10 mars 2026 à 0 h 00"))

        // Nothing is drawn before the window is over; once it is, the draw is held once.
        let database = TenantDatabase(pool: scene.world.pool)
        #expect(try HoldDueDraws(town: Town(tenant: scene.tenant, database: database, baseURL: "http://portail", links: WebLinks())).run(now: scene.world.clock.now).isEmpty)
        scene.world.clock.advance(16 * 3_600 + 60)
        #expect(try HoldDueDraws(town: Town(tenant: scene.tenant, database: database, baseURL: "http://portail", links: WebLinks())).run(now: scene.world.clock.now).count == 1)
        #expect(try HoldDueDraws(town: Town(tenant: scene.tenant, database: database, baseURL: "http://portail", links: WebLinks())).run(now: scene.world.clock.now).isEmpty)

        let outcome = try #require(try scene.world.lastMail(to: scene.martinEmail))
        #expect(outcome.subject.hasSuffix("Résultat du tirage au sort des réservations"))
        #expect(outcome.body.contains("Léa"))
        #expect(outcome.body.contains("place attribuée, la réservation est confirmée."))
        #expect(outcome.body.contains("http://portail/tirages"))
        #expect(try scene.world.mails(to: scene.martinEmail).filter { $0.mail.subject == outcome.subject }.count == 1)
        #expect(try scene.bookings(family: scene.martinFamily).map(\.status) == [.booked])
        scene.martin = BookingScene.signIn(scene.world, scene.tenant, scene.martinEmail)
        #expect(scene.martin.get(day).text.contains("Réservé / enfant présent"))

        // Published to anyone: the seed text, the ranking by numbers, how to replay it.
        var visitor = scene.world.browser(scene.tenant)
        let list = visitor.get(DrawPaths.list)
        #expect(list.status.code == 200)
        let link = try #require(list.text.firstMatch(of: /href="(\/tirages\/[0-9]+)"/).map { String($0.1) })
        let page = visitor.get(link).text
        #expect(page.contains("saint-aubin-des-pres/clv/2026-04-21/matinAvecRepas"))
        #expect(page.contains(String(LotteryDraw.seed(publishedText: "saint-aubin-des-pres/clv/2026-04-21/matinAvecRepas"))))
        #expect(page.contains("familles résidentes, puis frères et sœurs"))
        #expect(page.contains("Place attribuée"))
        #expect(!page.contains("Léa"))
    }
}
