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
