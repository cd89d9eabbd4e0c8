import Foundation
import PortalCore
import PortalStore
import Testing
@testable import PortalWeb

@Suite(.serialized) struct SimulatorPageTests {
    @Test func wednesdayAskedFourDaysBefore_showsTheFiveCalendarDaysRuleAndItsDeadline() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let code: String = try scene.world.transaction { connection in
            _ = try connection.execute("""
                INSERT INTO registrations (family_id, child_id, activity, first_day, last_day, status, created_at)
                VALUES (\(scene.familyID), \(scene.leaID), 'alsh-mercredi', '2026-01-01', '2026-12-31', 'accepted', \(scene.world.clock.now))
                """)
            return try connection.query("SELECT subscriber_code FROM families WHERE id = \(scene.familyID)")[0].decode("subscriber_code")
        }
        var billing = try scene.signedIn(.billing, name: "Béatrice Facturation")
        let page = billing.get(BackOfficePaths.simulator + "?famille=\(code)&enfant=\(scene.leaID)&creneau=alsh-mercredi/journee&jour=2026-01-14&maintenant=2026-01-10T08:00").text
        #expect(page.contains("Réservation : refusée"))
        #expect(page.contains("Règle : booking.calendarDaysBefore(5)"))
        #expect(page.contains("Date limite : vendredi 9 janvier 2026 à 23 h 59"))
        #expect(page.contains("Annulation : refusée"))
        #expect(billing.get(BackOfficePaths.simulator + "?famille=INCONNU-0000").text.contains("Aucune famille n&#39;a ce code abonné."))
    }
}

@Suite(.serialized) struct FamilyPageSectionTests {
    @Test func familyPage_showsBookingsWithMarksAndOtherRequests_butNoDossierChangeSummaryForAnAgent() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let booking = try scene.book(scene.leaID)
        _ = try scene.document("Attestation CAF")
        try scene.world.transaction { connection in
            _ = try AttendanceStore.mark(bookingID: booking, activity: "alsh-mercredi", unit: "journee", day: BackOfficeScene.wednesday, .late,
                                         by: StaffActor(id: 1, name: "Dominique Direction"), now: scene.world.clock.now, in: connection)
            _ = try Requests.record(ChangeRequestStore.kind, summary: "Modification du dossier : Allergies (Léa Martin)", accountID: nil,
                                    familyID: scene.familyID, now: scene.world.clock.now, in: connection)
        }
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        let page = agent.get(StaffDossierPaths.family(scene.familyID)).text
        #expect(page.contains("Réservations (un mois avant, deux mois après aujourd&#39;hui)"))
        #expect(page.contains("<td>Léa Martin</td><td>Alsh mercredi – Journée avec repas</td><td>Réservé / enfant présent</td><td>En retard</td>"))
        #expect(page.contains("Justificatif envoyé : Attestation CAF"))
        #expect(!page.contains("Allergies"))
        #expect(!page.contains("factures-titre"))
    }
}
