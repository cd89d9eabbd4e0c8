import Foundation
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
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

@Suite(.serialized) struct FamilyPageMessagesTests {
    @Test func familyPage_listsTheFamilysThreads_latestFirst_withTheirStatusAndALinkToEach() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let world = scene.world
        let stranger = try world.familyAccount(AccountWorld.uniqueEmail("durand"))
        let agent = try world.staffAccount(AccountWorld.uniqueEmail("agent"), role: .agent)
        let (older, newer, foreign) = try world.transaction { connection -> (Int64, Int64, Int64) in
            let accountID: Int64 = try connection.query("SELECT id FROM accounts WHERE email = \(scene.familyEmail)")[0].decode("id")
            let older = try MessageStore.startThread(accountID: accountID, draft: MessageDraft(serviceCode: "alsh", theme: "Informations",
                                                                                               subject: "Sortie au lac", body: "Faut-il un pique-nique ?"),
                                                     attachments: [], now: world.clock.now, in: connection)
            _ = try MessageStore.addStaffReply(threadID: older, staffID: agent,
                                               body: "Oui, merci.", now: world.clock.now.addingTimeInterval(60), in: connection)
            let newer = try MessageStore.startThread(accountID: accountID, draft: MessageDraft(serviceCode: "facturation", theme: "Informations",
                                                                                               subject: "Facture de janvier", body: "Une question."),
                                                     attachments: [], now: world.clock.now.addingTimeInterval(3_600), in: connection)
            let foreign = try MessageStore.startThread(accountID: stranger, draft: MessageDraft(serviceCode: "alsh", theme: "Informations",
                                                                                                subject: "Autre famille", body: "Bonjour."),
                                                       attachments: [], now: world.clock.now, in: connection)
            return (older, newer, foreign)
        }
        var billing = try scene.signedIn(.billing, name: "Béatrice Facturation")
        let page = billing.get(StaffDossierPaths.family(scene.familyID)).text
        let section = try #require(page.range(of: "id=\"messages-titre\"").map { String(page[$0.lowerBound...]) })
        let newerLink = "<a href=\"\(MessagingPaths.staffThread(newer))\">Facture de janvier</a>"
        let olderLink = "<a href=\"\(MessagingPaths.staffThread(older))\">Sortie au lac</a>"
        #expect(section.contains("<td>Facturation</td><td>\(newerLink)</td><td>Camille Martin</td><td>En attente de réponse</td>"))
        #expect(section.contains("<td>ALSH Le Devès enchanté</td><td>\(olderLink)</td><td>Camille Martin</td><td>En cours</td>"))
        #expect(section.range(of: newerLink)!.lowerBound < section.range(of: olderLink)!.lowerBound)
        #expect(!page.contains("Autre famille") && !page.contains(MessagingPaths.staffThread(foreign)))
        #expect(billing.get(MessagingPaths.staffThread(newer)).text.contains("Une question."))
    }
}
