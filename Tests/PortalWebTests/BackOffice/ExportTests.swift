import Foundation
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct ExportTests {
    static let period = "?du=2026-01-07&au=2026-01-07&activite=alsh-mercredi"

    /// Léa booked and marked present, Hugo on the waiting list, a booking of another activity
    /// that the filter leaves out.
    static func scene() throws -> (BackOfficeScene, code: String) {
        let scene = try BackOfficeScene()
        let lea = try scene.book(scene.leaID)
        try scene.book(scene.hugoID, status: .waitingList, amountCents: 0)
        try scene.book(scene.hugoID, activity: "alsh-vacances", day: LocalDate(iso: "2026-01-07")!)
        _ = try scene.world.transaction { connection in
            try AttendanceStore.mark(bookingID: lea, activity: "alsh-mercredi", unit: "journee", day: BackOfficeScene.wednesday, .present,
                                     by: StaffActor(id: 1, name: "Dominique \"Dom\" Direction"), now: scene.world.clock.now, in: connection)
        }
        let code: String = try scene.world.transaction { try $0.query("SELECT subscriber_code FROM families WHERE id = \(scene.familyID)")[0].decode("subscriber_code") }
        return (scene, code)
    }

    @Test func bookingsExport_isExactlyTheExcelReadyBytes() throws {
        let (scene, code) = try Self.scene()
        defer { scene.drop() }
        var agent = try scene.signedIn(.billing, name: "Béatrice Facturation")
        let response = agent.get(BackOfficePaths.bookingsCSV + Self.period)
        #expect(response.status.code == 200)
        #expect(response.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(response.headers["content-disposition"] == "attachment; filename=\"reservations-alsh-mercredi-2026-01-07-au-2026-01-07.csv\"")
        let expected = "\u{FEFF}"
            + "\"Date\";\"Activité\";\"Unité\";\"Famille\";\"Code abonné\";\"Enfant\";\"Statut\";\"Montant (€)\";\"Tarif\";\"Demandé le\";\"Ajouté sur place\"\r\n"
            + "\"07/01/2026\";\"Alsh mercredi\";\"Journée avec repas\";\"MARTIN\";\"\(code)\";\"Hugo Martin\";\"Liste d'attente\";\"0,00\";\"à l'unité\";\"05/01/2026 09:00\";\"non\"\r\n"
            + "\"07/01/2026\";\"Alsh mercredi\";\"Journée avec repas\";\"MARTIN\";\"\(code)\";\"Léa Martin\";\"Réservé / enfant présent\";\"12,50\";\"à l'unité\";\"05/01/2026 09:00\";\"non\"\r\n"
        #expect(response.body == Array(expected.utf8))
        #expect(Array(response.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func attendanceExport_listsExpectedChildrenWithTheirMarkAndWhoMarked() throws {
        let (scene, _) = try Self.scene()
        defer { scene.drop() }
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        let response = agent.get(BackOfficePaths.attendanceCSV + Self.period)
        let expected = "\u{FEFF}"
            + "\"Date\";\"Activité\";\"Unité\";\"Famille\";\"Enfant\";\"Pointage\";\"Pointé par\";\"Ajouté sur place\"\r\n"
            + "\"07/01/2026\";\"Alsh mercredi\";\"Journée avec repas\";\"MARTIN\";\"Léa Martin\";\"Présent\";\"Dominique \"\"Dom\"\" Direction\";\"non\"\r\n"
        #expect(response.body == Array(expected.utf8))
        let audit = try scene.world.transaction { try StaffAudit.list(in: $0) }
        #expect(audit.first?.action == "export.attendance")
        #expect(audit.first?.detail == "du 07/01/2026 au 07/01/2026, 1 ligne(s)")
    }

    @Test func periodLongerThanAYearOrReversed_sendsBackToTheFormWithAMessage() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        for query in ["?du=2026-01-07&au=2026-01-01", "?du=2025-01-01&au=2026-01-07", "?du=2026-01-07&au=2026-01-08&activite=inconnue"] {
            let response = agent.get(BackOfficePaths.bookingsCSV + query)
            #expect(response.headers["location"] == BackOfficePaths.exports + "?erreur=periode")
        }
    }
}
