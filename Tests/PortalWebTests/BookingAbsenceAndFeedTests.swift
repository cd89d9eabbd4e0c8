import Foundation
import HTTPServer
import Postgres
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// Absences against the town's absence deadline, the quotient's validity in the basket, and the
/// calendar link's state; Clermontais, the clock from Monday 5 January 2026, 9:00.
@Suite(.serialized) struct BookingAbsenceAndFeedTests {
    /// As the page escapes it.
    private func html(_ text: String) -> String { text.replacingOccurrences(of: "'", with: "&#39;") }

    private func book(_ scene: inout BookingScene, _ values: [String]) {
        scene.martin.get(BookingPaths.basket(family: scene.martinFamily))
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketAdd, values.map { ("creneau", $0) })
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketConfirm, [])
    }

    private func requests(_ scene: BookingScene, kind: String) throws -> [(summary: String, note: String)] {
        try scene.world.transaction(scene.tenant) { connection in
            try connection.query("""
                SELECT r.summary, e.note FROM requests r JOIN request_events e ON e.request_id = r.id
                WHERE r.family_id = \(scene.martinFamily) AND r.kind = \(kind) ORDER BY r.id
                """).map { (try $0.decode("summary"), try $0.decode("note")) }
        }
    }

    @Test func absence_inTime_late_orRefused_asTheTownsRuleSays() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea, scene.tom], to: "alsh-mercredis")
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "periscolaire-soir")
        book(&scene, ["2026-01-14|\(scene.lea)|alsh-mercredis|journee|book", "2026-01-14|\(scene.tom)|alsh-mercredis|journee|book",
                      "2026-01-08|\(scene.lea)|periscolaire-soir|soir|book"])
        let booked = try scene.bookings(family: scene.martinFamily)
        #expect(booked.count == 3 && booked.allSatisfy { $0.status == .booked })
        let lea14 = try #require(booked.first { $0.slot.childID == scene.lea && $0.slot.activity == "alsh-mercredis" })
        let tom14 = try #require(booked.first { $0.slot.childID == scene.tom })
        let soir = try #require(booked.first { $0.slot.activity == "periscolaire-soir" })

        // In time (until the day before at noon): an excused absence, in « Mes demandes ».
        let planning = BookingPaths.planning(family: scene.martinFamily, view: .week, anchor: LocalDate(iso: "2026-01-14")!)
        let done = scene.martin.postFrom(planning, BookingPaths.absence(lea14.id), [])
        #expect(done.status.code == 303)
        #expect(done.location.contains("message=absence"))
        #expect(try scene.bookings(family: scene.martinFamily).first { $0.id == lea14.id }?.status == .absent)
        #expect(try requests(scene, kind: "absence").map(\.summary)
                == ["Absence de Léa le mercredi 14 janvier 2026 (Accueil de loisirs – mercredis – Journée avec repas)"])

        // Thursday 8 January at 12:00:01, past « le jour même à 12 h 00 »: refused, the rule and its deadline said.
        scene.world.clock.advance(3 * 86_400 + 3 * 3_600 + 1)
        scene.martin = BookingScene.signIn(scene.world, scene.tenant, scene.martinEmail)
        let day8 = scene.martin.get(BookingPaths.planning(family: scene.martinFamily, view: .day, anchor: LocalDate(iso: "2026-01-08")!)).text
        #expect(!day8.contains(BookingPaths.absence(soir.id)))
        let refused = scene.martin.postFrom(planning, BookingPaths.absence(soir.id), [])
        #expect(refused.status.code == 409)
        #expect(refused.text.contains(html("Déclaration d'absence close depuis le jeudi 8 janvier 2026 à 12 h 00 (délai : le jour même à 12 h 00) : contactez le service.")))
        #expect(try scene.bookings(family: scene.martinFamily).first { $0.id == soir.id }?.status == .booked)

        // Tuesday 13 January at 12:00:01: late, recorded as not excused and billed the day (no quotient: 15,00 €).
        scene.world.clock.advance(5 * 86_400)
        scene.martin = BookingScene.signIn(scene.world, scene.tenant, scene.martinEmail)
        let page = scene.martin.get(planning).text
        #expect(page.contains(html("l'absence sera enregistrée hors délai, non excusée, et facturée 15,00 €")))
        #expect(scene.martin.postForm(BookingPaths.absence(tom14.id), []).status.code == 303)
        let late = try #require(try scene.bookings(family: scene.martinFamily).first { $0.id == tom14.id })
        #expect(late.status == .absent && late.tariff == .lateAbsence && late.amount == Money(cents: 1500))
        #expect(try requests(scene, kind: "absence").map(\.note)
                == ["Absence enregistrée.", "Déclarée hors délai : absence non excusée, facturée 15,00 €."])
    }

    @Test func withdrawingTheLastPendingLine_closesItsRequestInMesDemandes() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "alsh-mercredis")
        // Wednesday 7 January is inside the 8-day deadline: a late request for staff.
        book(&scene, ["2026-01-07|\(scene.lea)|alsh-mercredis|journee|book"])
        let pending = try #require(try scene.bookings(family: scene.martinFamily).first)
        #expect(pending.status == .pendingValidation)
        let status = { try scene.world.transaction(scene.tenant) { connection -> String in
            try connection.query("SELECT status FROM requests WHERE family_id = \(scene.martinFamily) AND kind = 'bookings'")[0].decode("status")
        } }
        #expect(try status() == "pending")
        let planning = BookingPaths.planning(family: scene.martinFamily, view: .week, anchor: LocalDate(iso: "2026-01-07")!)
        #expect(scene.martin.postFrom(planning, BookingPaths.withdraw(pending.id), []).status.code == 303)
        #expect(try status() == "done")
        #expect(try requests(scene, kind: "bookings").last?.note == "mer. 7 janv., Léa : demande retirée")
    }

    @Test func expiredQuotient_pricesAtTheHighestBracket_andTheBasketSaysSo() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "alsh-mercredis")
        try scene.world.transaction(scene.tenant) { connection in
            try connection.execute("""
                UPDATE families SET family_quotient = 500, quotient_valid_from = '2025-01-01', quotient_valid_until = '2025-12-31'
                WHERE id = \(scene.martinFamily)
                """)
        }
        scene.martin.get(BookingPaths.basket(family: scene.martinFamily))
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketAdd, [("creneau", "2026-01-14|\(scene.lea)|alsh-mercredis|journee|book")])
        var basket = scene.martin.get(BookingPaths.basket(family: scene.martinFamily)).text
        #expect(basket.contains("Total : 15,00 €"))
        #expect(basket.contains("Quotient familial expiré le 31/12/2025 : tarif maximum appliqué."))

        try scene.world.transaction(scene.tenant) { connection in
            try connection.execute("UPDATE families SET quotient_valid_until = '2026-12-31' WHERE id = \(scene.martinFamily)")
        }
        basket = scene.martin.get(BookingPaths.basket(family: scene.martinFamily)).text
        #expect(basket.contains("Total : 8,00 €"))
        #expect(!basket.contains("tarif maximum appliqué"))
    }

    @Test func calendarLink_isShownOnce_thenTheStateWithReplaceAndRevoke() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        let planning = BookingPaths.planning(family: scene.martinFamily)
        var page = scene.martin.get(planning).text
        #expect(page.contains(html("Obtenir un lien d'agenda")))
        #expect(!page.contains(html("Un lien d'abonnement existe")))

        let first = scene.martin.postFrom(planning, BookingPaths.calendarFeed, []).text
        let firstPath = try #require(first.firstMatch(of: /(\/agenda\/[0-9a-f]{64}\.ics)/).map { String($0.1) })
        page = scene.martin.get(planning).text
        #expect(page.contains(html("Un lien d'abonnement existe (créé le lundi 5 janvier 2026 à 9 h 00).")))
        #expect(page.contains("Remplacer par un nouveau lien"))
        #expect(page.contains(html("Révoquer le lien")))
        #expect(page.firstMatch(of: /\/agenda\/[0-9a-f]{64}/) == nil)

        scene.world.clock.advance(3_600)
        scene.martin = BookingScene.signIn(scene.world, scene.tenant, scene.martinEmail)
        let second = scene.martin.postFrom(planning, BookingPaths.calendarFeed, []).text
        let secondPath = try #require(second.firstMatch(of: /(\/agenda\/[0-9a-f]{64}\.ics)/).map { String($0.1) })
        #expect(secondPath != firstPath)
        var anonymous = scene.world.browser(scene.tenant)
        #expect(anonymous.get(firstPath).status.code == 404)
        #expect(anonymous.get(secondPath).status.code == 200)
        #expect(scene.martin.get(planning).text.contains("(créé le lundi 5 janvier 2026 à 10 h 00)"))

        let revoked = scene.martin.postFrom(planning, BookingPaths.calendarFeedRevoke, [])
        #expect(revoked.status.code == 303)
        #expect(anonymous.get(secondPath).status.code == 404)
        page = scene.martin.get(planning).text
        #expect(!page.contains(html("Un lien d'abonnement existe")))
        #expect(page.contains(html("Obtenir un lien d'agenda")))
    }
}
