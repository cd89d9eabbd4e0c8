import Foundation
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// The pré-inscription and booking-request queues on the shared queue behaviour: their filters,
/// a refusal's reason reaching the family, the history, and the dashboard's links into them.
@Suite(.serialized) struct BookingQueueTests {
    @Test func registrationQueue_filtersByActivityAndPeriod_andARefusalTellsTheFamilyWhy() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let wednesdays = try scene.pendingRegistration(scene.leaID)
        let holidays = try scene.pendingRegistration(scene.hugoID, activity: "alsh-vacances")
        let nextYear = try scene.pendingRegistration(scene.leaID, activity: "ados", day: LocalDate(iso: "2027-02-03")!)
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")

        let all = agent.get(StaffBookingPaths.registrations).text
        #expect(all.contains("Léa Martin – Alsh mercredi – année 2026"))
        #expect(all.contains("Hugo Martin – ALSH vacances – année 2026"))
        #expect(all.contains("Léa Martin – Journée ados – année 2027"))
        #expect(all.contains("<option value=\"2026-01-01_2026-12-31\">Année 2026</option>"))

        let byActivity = agent.get(StaffBookingPaths.registrations + "?activite=alsh-mercredi").text
        #expect(byActivity.contains("value=\"\(wednesdays)\""))
        #expect(!byActivity.contains("value=\"\(holidays)\"") && !byActivity.contains("value=\"\(nextYear)\""))

        let byPeriod = agent.get(StaffBookingPaths.registrations + "?periode=2027-01-01_2027-12-31").text
        #expect(byPeriod.contains("value=\"\(nextYear)\""))
        #expect(!byPeriod.contains("value=\"\(wednesdays)\"") && !byPeriod.contains("value=\"\(holidays)\""))

        let both = agent.get(StaffBookingPaths.registrations + "?activite=alsh-mercredi&periode=2027-01-01_2027-12-31").text
        #expect(both.contains("Rien à traiter."))

        // A period nobody waits for is not an option: the list shows everything rather than nothing.
        let unknown = agent.get(StaffBookingPaths.registrations + "?periode=1999-01-01_1999-12-31").text
        #expect([wednesdays, holidays, nextYear].allSatisfy { unknown.contains("value=\"\($0)\"") })

        let refused = agent.postPairs(StaffQueue.registrations.decisionPath, [("id", "\(holidays)"), ("decision", "refuser"), ("motif", "Groupe complet")])
        #expect(refused.status.code == 200)
        #expect(refused.text.contains("Pré-inscription n° \(holidays) refusée : Hugo Martin, ALSH vacances, année 2026."))
        #expect(refused.text.contains("Pré-inscription n° \(holidays) refusée par Agnès Accueil : Groupe complet"))
        let mail = try #require(try scene.world.mails(to: scene.familyEmail).first?.mail)
        #expect(mail.subject.hasSuffix("Pré-inscription refusée"))
        #expect(mail.body.contains("Motif : Groupe complet"))
        let row = try scene.world.transaction { try $0.query("SELECT status, refusal_reason FROM registrations WHERE id = \(holidays)")[0] }
        #expect(try row.decode("status", as: String.self) == "refused")
        #expect(try row.decode("refusal_reason", as: String.self) == "Groupe complet")
        let audit = try scene.world.transaction { try StaffAudit.list(in: $0) }
        #expect(audit.contains { $0.action == "queue.registrations.refused" && $0.target == "registrations/\(holidays)" })
    }

    @Test func bookingQueue_filtersByDaysAndKind_andTheDashboardLinksToEachKind() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let onTime = try scene.book(scene.leaID, day: LocalDate(iso: "2026-01-07")!, status: .pendingValidation)
        let late = try scene.book(scene.leaID, day: LocalDate(iso: "2026-01-14")!, status: .pendingValidation)
        let cancellation = try scene.book(scene.hugoID, day: LocalDate(iso: "2026-01-21")!, status: .cancellationRequested)
        try scene.world.transaction { _ = try $0.execute("UPDATE bookings SET late = true WHERE id = \(late)") }
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")

        let dashboard = agent.get(StaffPaths.home).text
        #expect(dashboard.contains("href=\"/gestion/reservations?type=reservation\"><strong>1</strong> Réservations à valider"))
        #expect(dashboard.contains("href=\"/gestion/reservations?type=hors-delai\"><strong>1</strong> Demandes hors délai"))
        #expect(dashboard.contains("href=\"/gestion/reservations?type=annulation\"><strong>1</strong> Demandes d&#39;annulation"))

        func shown(_ query: String) -> Set<Int64> {
            let page = agent.get(StaffBookingPaths.bookings + query).text
            return Set([onTime, late, cancellation].filter { page.contains("value=\"\($0)\"") })
        }
        #expect(shown("") == [onTime, late, cancellation])
        #expect(shown("?du=2026-01-10&au=2026-01-31") == [late, cancellation])
        #expect(shown("?au=2026-01-14") == [onTime, late])
        #expect(shown("?type=hors-delai") == [late])
        #expect(shown("?type=annulation") == [cancellation])
        #expect(shown("?type=reservation&du=2026-01-08") == [])
        #expect(shown("?activite=ados") == [])
        #expect(shown("?du=pas-une-date&type=inconnu") == [onTime, late, cancellation])
        let lateOnly = agent.get(StaffBookingPaths.bookings + "?type=hors-delai").text
        #expect(lateOnly.contains("Réservation du mercredi 14 janvier 2026 – Léa Martin – Alsh mercredi, Journée"))
        #expect(lateOnly.contains("<span class=\"tag\">Hors délai</span>"))

        let accepted = agent.postPairs(StaffQueue.bookingRequests.decisionPath, [("id", "\(cancellation)"), ("decision", "accepter")])
        #expect(accepted.status.code == 200)
        #expect(accepted.text.contains("Demande n° \(cancellation) acceptée : annulation du mer. 21 janv., Hugo Martin, Alsh mercredi."))
        let row = try scene.world.transaction {
            try $0.query("SELECT b.status, s.booked FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.id = \(cancellation)")[0]
        }
        #expect(try row.decode("status", as: String.self) == "cancelled")
        #expect(try row.decode("booked", as: Int.self) == 0)
        #expect(try scene.world.mails(to: scene.familyEmail).map(\.mail.subject) == ["Cayres-Pradelles – Votre demande d'annulation est acceptée"])

        let refused = agent.postPairs(StaffQueue.bookingRequests.decisionPath, [("id", "\(late)"), ("decision", "refuser"), ("motif", "Trop tard pour le repas")])
        #expect(refused.status.code == 200)
        let newest = try #require(try scene.world.mails(to: scene.familyEmail).first?.mail)
        #expect(newest.subject.hasSuffix("Votre demande de réservation est refusée"))
        #expect(newest.body.contains("Message du service : Trop tard pour le repas"))
        #expect(try scene.world.transaction { try $0.query("SELECT status FROM bookings WHERE id = \(late)")[0].decode("status", as: String.self) } == "refused")
    }
}
