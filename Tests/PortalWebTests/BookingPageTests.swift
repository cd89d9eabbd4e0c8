import Foundation
import HTTPServer
import Postgres
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// The booking pages in-process on real PostgreSQL, the clock on Monday 5 January 2026, 9:00.
@Suite(.serialized) struct BookingPageTests {
    static let wednesdays = ["2026-01-14", "2026-01-21", "2026-01-28"]

    @Test func joursTypesForTwoChildren_fillTheBasketWithItsTotal_andValiderBooksAndMailsTheRecap() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea, scene.tom], to: "alsh-mercredis")
        #expect(scene.martin.get(BookingPaths.planning(family: scene.martinFamily, view: .month, anchor: LocalDate(iso: "2026-01-14"))).status.code == 200)
        let added = scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketJoursTypes, [
            ("enfant", String(scene.lea)), ("enfant", String(scene.tom)), ("prestation", "alsh-mercredis|journee"), ("jour", "3"),
            ("du", "2026-01-12"), ("au", "2026-01-31"), ("operation", "book"),
        ])
        #expect(added.status.code == 303)
        let basket = scene.martin.get(added.location).text
        #expect(basket.contains("mer. 14 janv."))
        #expect(basket.contains("mer. 28 janv."))
        let price = try #require(RulesEngine(tenant: scene.tenant).unitPrice(activity: "alsh-mercredis", unit: "journee", quotient: nil, residency: .resident))
        #expect(basket.contains("Total : \((price * 6).french)"))

        let confirmed = scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketConfirm, [])
        #expect(confirmed.status.code == 303)
        let summary = scene.martin.get(confirmed.location).text
        #expect(summary.contains("Réservation n°"))
        let stored = try scene.bookings(family: scene.martinFamily)
        #expect(stored.count == 6)
        #expect(stored.allSatisfy { $0.status == .booked })
        let mail = try #require(try scene.world.lastMail(to: scene.martinEmail))
        #expect(mail.subject.contains("Récapitulatif de votre réservation"))
        #expect(mail.body.contains("Jour"))
        #expect(mail.body.contains("mer. 21 janv. | Léa"))
        #expect(mail.body.contains("Réservation"))
        #expect(mail.body.contains("à l'unité"))
        #expect(scene.martin.get(SpacePaths.requests).text.contains("Réservations et annulations"))
    }

    @Test func aLineRefusedAtConfirmation_isReportedWithItsReason_whileTheOthersApply() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "periscolaire-soir")
        scene.martin.get(BookingPaths.planning(family: scene.martinFamily, view: .week, anchor: LocalDate(iso: "2026-01-05")))
        // Tuesday 6 January closes on Monday at 10:00 (one working day before): still open at 9:00.
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketAdd, [("creneau", "2026-01-06|\(scene.lea)|periscolaire-soir|soir|book"),
                                                       ("creneau", "2026-01-08|\(scene.lea)|periscolaire-soir|soir|book")])
        // Past 10:00, the family still at the screen (the session stays alive while used).
        for _ in 0..<3 {
            scene.world.clock.advance(25 * 60)
            scene.martin.get(BookingPaths.basket)
        }
        let confirmed = scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketConfirm, [])
        try #require(confirmed.status.code == 303, "\(confirmed.status) \(confirmed.text)")
        let summary = scene.martin.get(confirmed.location).text
        #expect(summary.contains("Refusée : Réservation close depuis le lundi 5 janvier 2026"))
        #expect(try scene.bookings(family: scene.martinFamily).map(\.slot.date.iso) == ["2026-01-08"])
    }

    @Test func dayPastItsDeadline_saysWhyOnThePlanning() throws {
        var scene = try BookingScene(town: "cayres-pradelles")
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "alsh-mercredi")
        let page = scene.martin.get(BookingPaths.planning(family: scene.martinFamily, view: .day, anchor: LocalDate(iso: "2026-01-07"))).text
        #expect(page.contains("Non réservable ou non modifiable"))
        #expect(page.contains("Réservation close depuis le"))
        let open = scene.martin.get(BookingPaths.planning(family: scene.martinFamily, view: .day, anchor: LocalDate(iso: "2026-01-14"))).text
        #expect(open.contains("modifiable jusqu&#39;au ven. 9 janv. 23 h 59"))
    }

    @Test func outingDay_showsItsSupplementAndTheUnitsItCloses() throws {
        var scene = try BookingScene(town: "cayres-pradelles")
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "alsh-mercredi", on: "2026-03-18")
        let page = scene.martin.get(BookingPaths.planning(family: scene.martinFamily, view: .day, anchor: LocalDate(iso: "2026-03-18"))).text
        #expect(page.contains("Sortie au musée Crozatier : supplément de 5,00"))
        #expect(page.contains("; non proposé ce jour : "))
        #expect(page.contains("Sortie : supplément de 5,00 €"))
        #expect(!page.contains("alsh-mercredi|matin|book"))
        let ordinary = scene.martin.get(BookingPaths.planning(family: scene.martinFamily, view: .day, anchor: LocalDate(iso: "2026-03-25"))).text
        // Not open yet on 5 January: each unit says when booking opens.
        #expect(ordinary.contains("Matin : Non réservable ou non modifiable"))
        #expect(ordinary.contains("ouvrent le mercredi 4 février 2026"))
    }

    @Test(arguments: PlanningView.allCases)
    func everyPlanningView_showsTheRangeAndTheLegend(_ view: PlanningView) throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea, scene.tom], to: "alsh-mercredis")
        let response = scene.martin.get(BookingPaths.planning(family: scene.martinFamily, view: view, anchor: LocalDate(iso: "2026-01-14")))
        #expect(response.status.code == 200)
        let title = PlanningRange(view: view, anchor: LocalDate(iso: "2026-01-14")!).title
        #expect(response.text.contains(String(title.dropFirst())))
        #expect(response.text.contains("Demande en attente de validation"))
        #expect(response.text.contains("Léa – Accueil de loisirs – mercredis"))
        #expect(response.text.contains("Tom – Accueil de loisirs – mercredis"))
    }

    @Test func planningFilteredOnAChild_showsOnlyThatChild() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea, scene.tom], to: "alsh-mercredis")
        let page = scene.martin.get(BookingPaths.planning(family: scene.martinFamily, view: .month, anchor: LocalDate(iso: "2026-01-14"), child: scene.tom)).text
        #expect(page.contains("Tom – Accueil de loisirs"))
        #expect(!page.contains("Léa – Accueil de loisirs"))
    }

    @Test func preInscriptionOfTwoChildren_isPendingThenAcceptedInBulkByStaff_andTheFamilyIsMailed() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        scene.martin.get(BookingPaths.newRegistration(family: scene.martinFamily))
        let sent = scene.martin.postFrom(BookingPaths.basket, BookingPaths.newRegistration, [("activite", "alsh-mercredis"), ("enfant", String(scene.lea)),
                                                                       ("enfant", String(scene.tom)), ("periode", "courante"),
                                                                       ("unite", "alsh-mercredis|journee"), ("jour", "3"),
                                                                       ("du", "2026-01-12"), ("au", "2026-01-22")])
        #expect(sent.status.code == 303)
        let list = scene.martin.get(sent.location).text
        #expect(list.components(separatedBy: "Demande en cours").count == 3)
        #expect(scene.martin.get(SpacePaths.requests).text.contains("Pré-inscription de Léa"))

        var staff = try Self.staff(scene)
        let queue = staff.get(StaffBookingPaths.registrations).text
        let ids = queue.matches(of: /name="id" value="(\d+)"/).map { String($0.1) }
        #expect(ids.count == 2)
        let decision = StaffQueue.registrations.decisionPath
        let refusedWithoutReason = staff.postFrom(StaffBookingPaths.registrations, decision, ids.map { ("id", $0) } + [("decision", "refuser"), ("motif", " ")])
        #expect(refusedWithoutReason.status.code == 422)
        #expect(refusedWithoutReason.text.contains("Indiquez le motif du refus"))
        let accepted = staff.postFrom(StaffBookingPaths.registrations, decision, ids.map { ("id", $0) } + [("decision", "accepter")])
        #expect(accepted.status.code == 200)
        #expect(ids.allSatisfy { accepted.text.contains("Pré-inscription n° \($0) acceptée") })
        #expect(accepted.text.contains("Rien à traiter."))
        #expect(scene.martin.get(BookingPaths.registrations(family: scene.martinFamily)).text.components(separatedBy: "Réservation possible").count == 3)
        let mails = try scene.world.mails(to: scene.martinEmail).map(\.mail.subject)
        #expect(mails.contains { $0.contains("Pré-inscription acceptée") })
        // The first days asked with the request were booked on acceptance: two Wednesdays, two children.
        #expect(try scene.bookings(family: scene.martinFamily).map(\.slot.date.iso).sorted() == ["2026-01-14", "2026-01-14", "2026-01-21", "2026-01-21"])
    }

    @Test func ineligibleChild_isRefusedWithTheReason_andNothingIsRecorded() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        try scene.world.transaction(scene.tenant) { try $0.execute("UPDATE children SET birth_date = '2012-02-01' WHERE id = \(scene.tom)") }
        scene.martin.get(BookingPaths.newRegistration(family: scene.martinFamily))
        let sent = scene.martin.postFrom(BookingPaths.basket, BookingPaths.newRegistration, [("activite", "alsh-mercredis"), ("enfant", String(scene.lea)),
                                                                       ("enfant", String(scene.tom)), ("periode", "courante")])
        #expect(sent.status.code == 422)
        #expect(sent.text.contains("Tom a 13 ans"))
        let count: Int = try scene.world.transaction(scene.tenant) { try $0.query("SELECT count(*)::int AS n FROM registrations")[0].decode("n") }
        #expect(count == 0)
    }

    @Test func staffAcceptingABookingRequest_booksItAndTellsTheFamily() throws {
        var scene = try BookingScene(town: "cayres-pradelles")
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "alsh-mercredi")
        scene.martin.get(BookingPaths.basket(family: scene.martinFamily))
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketAdd, [("creneau", "2026-01-14|\(scene.lea)|alsh-mercredi|journee|book")])
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketConfirm, [])
        let booking = try #require(try scene.bookings(family: scene.martinFamily).first)
        #expect(booking.status == .pendingValidation)
        var staff = try Self.staff(scene)
        #expect(staff.get(StaffBookingPaths.bookings).text.contains("Léa Martin"))
        let answered = staff.postFrom(StaffBookingPaths.bookings, StaffQueue.bookingRequests.decisionPath, [("id", String(booking.id)), ("decision", "accepter")])
        #expect(answered.status.code == 200)
        #expect(answered.text.contains("Demande n° \(booking.id) acceptée : réservation du mer. 14 janv."))
        #expect(try scene.bookings(family: scene.martinFamily).first?.status == .booked)
        #expect(try scene.world.lastMail(to: scene.martinEmail)?.subject.contains("Votre demande de réservation est acceptée") == true)
    }

    @Test func withdrawingAPendingRequest_andDeclaringAnAbsence_changeTheSlot() throws {
        var scene = try BookingScene(town: "cayres-pradelles")
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "alsh-mercredi")
        scene.martin.get(BookingPaths.basket(family: scene.martinFamily))
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketAdd, [("creneau", "2026-01-14|\(scene.lea)|alsh-mercredi|journee|book")])
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketConfirm, [])
        let booking = try #require(try scene.bookings(family: scene.martinFamily).first)
        let page = scene.martin.get(BookingPaths.planning(family: scene.martinFamily, view: .day, anchor: LocalDate(iso: "2026-01-14"))).text
        #expect(page.contains(BookingPaths.withdraw(booking.id)))
        let withdrawn = scene.martin.postFrom(BookingPaths.basket, BookingPaths.withdraw(booking.id), [])
        #expect(withdrawn.location.contains("message=demande-retiree"))
        #expect(try scene.bookings(family: scene.martinFamily).first?.status == .withdrawn)
    }

    @Test func fullSlot_offersTheWaitingList_andValiderPlacesTheChildOnIt() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "alsh-mercredis")
        try scene.world.transaction(scene.tenant) {
            try $0.execute("INSERT INTO slots (activity, unit, day, capacity, booked) VALUES ('alsh-mercredis', 'journee', '2026-01-14', 1, 1)")
        }
        let day = BookingPaths.planning(family: scene.martinFamily, view: .day, anchor: LocalDate(iso: "2026-01-14"))
        let page = scene.martin.get(day).text
        #expect(page.contains("Complet : la demande sera placée sur liste d&#39;attente."))
        #expect(page.contains("Demander une place (liste d"))
        scene.martin.postFrom(day, BookingPaths.basketAdd, [("creneau", "2026-01-14|\(scene.lea)|alsh-mercredis|journee|book")])
        let confirmed = scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketConfirm, [])
        #expect(scene.martin.get(confirmed.location).text.contains("placé(e) sur liste d"))
        #expect(try scene.bookings(family: scene.martinFamily).map(\.status) == [.waitingList])
        #expect(scene.martin.get(day).text.contains("Quitter la liste d"))
    }

    @Test func anotherFamilysBookingConfirmationAndFile_readAsNotFound() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "alsh-mercredis")
        scene.martin.get(BookingPaths.basket(family: scene.martinFamily))
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketAdd, [("creneau", "2026-01-14|\(scene.lea)|alsh-mercredis|journee|book")])
        let confirmed = scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketConfirm, [])
        let booking = try #require(try scene.bookings(family: scene.martinFamily).first)

        #expect(scene.durand.get(confirmed.location).status.code == 404)
        #expect(scene.durand.get(confirmed.location.replacingOccurrences(of: "famille=\(scene.martinFamily)", with: "famille=\(scene.durandFamily)")).status.code == 404)
        #expect(scene.durand.get(BookingPaths.planning(family: scene.martinFamily)).status.code == 404)
        scene.durand.get(BookingPaths.planning(family: scene.durandFamily))
        #expect(scene.durand.postFrom(BookingPaths.basket, BookingPaths.absence(booking.id), []).status.code == 404)
        #expect(scene.durand.postFrom(BookingPaths.basket, BookingPaths.withdraw(booking.id), []).status.code == 404)
        // A slot of another family's child sent in a form is ignored.
        scene.durand.postFrom(BookingPaths.basket, BookingPaths.basketAdd, [("creneau", "2026-01-21|\(scene.lea)|alsh-mercredis|journee|book")])
        #expect(try scene.world.transaction(scene.tenant) { try BasketStore.load(familyID: scene.durandFamily, in: $0) }.isEmpty)
        #expect(try scene.bookings(family: scene.martinFamily).first?.status == .booked)
    }

    @Test func bookingPages_requireASignedInFamily() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        var anonymous = scene.world.browser(scene.tenant)
        for path in [BookingPaths.registrations, BookingPaths.planning, BookingPaths.basket] {
            #expect(anonymous.get(path).status.code == 303)
        }
        var staff = try Self.staff(scene)
        #expect(staff.get(BookingPaths.planning).status.code == 403)
        #expect(scene.martin.get(StaffBookingPaths.registrations).status.code == 403)
    }

    @Test func calendarFeed_listsBookings_untilRevoked() throws {
        var scene = try BookingScene()
        defer { scene.drop() }
        try scene.register(family: scene.martinFamily, children: [scene.lea], to: "alsh-mercredis")
        scene.martin.get(BookingPaths.basket(family: scene.martinFamily))
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketAdd, [("creneau", "2026-01-14|\(scene.lea)|alsh-mercredis|journee|book")])
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.basketConfirm, [])
        scene.martin.get(BookingPaths.planning(family: scene.martinFamily))
        let issued = scene.martin.postFrom(BookingPaths.basket, BookingPaths.calendarFeed, []).text
        let path = try #require(issued.firstMatch(of: /(\/agenda\/[0-9a-f]{64}\.ics)/).map { String($0.1) })
        var anonymous = scene.world.browser(scene.tenant)
        let feed = anonymous.get(path)
        #expect(feed.status.code == 200)
        #expect(feed.headers["content-type"]?.hasPrefix("text/calendar") == true)
        #expect(feed.text.contains("SUMMARY:Léa – Accueil de loisirs – mercredis\\, Journée avec repas"))
        scene.martin.get(BookingPaths.planning(family: scene.martinFamily))
        scene.martin.postFrom(BookingPaths.basket, BookingPaths.calendarFeedRevoke, [])
        #expect(anonymous.get(path).status.code == 404)
    }

    static func staff(_ scene: BookingScene) throws -> Browser {
        let email = AccountWorld.uniqueEmail("agent")
        try scene.world.transaction(scene.tenant) { connection in
            let id = try StaffStore.invite(email: EmailAddress(email)!, displayName: "Agent", role: .agent, now: scene.world.clock.now, in: connection)!
            try StaffStore.setPassword(id: id, password: AccountWorld.password, in: connection)
        }
        var browser = scene.world.browser(scene.tenant)
        let response = browser.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        precondition(response.status.code == 303, "staff sign-in failed")
        return browser
    }
}
