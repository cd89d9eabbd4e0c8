import Foundation
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// Actions outside the queues reach the audit log too: answering, assigning and closing a
/// family's thread, publishing and removing a news item.
@Suite(.serialized) struct AuditCoverageTests {
    @Test func messagingAndNewsActions_areInTheAuditLog() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        let world = scene.world
        let thread = try world.transaction { connection -> Int64 in
            let accountID: Int64 = try connection.query("SELECT id FROM accounts WHERE email = \(scene.familyEmail)")[0].decode("id")
            return try MessageStore.startThread(accountID: accountID, draft: MessageDraft(serviceCode: "alsh", theme: "Informations",
                                                                                         subject: "Sortie au lac", body: "Faut-il un pique-nique ?"),
                                                attachments: [], now: world.clock.now, in: connection)
        }
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        agent.get(MessagingPaths.staffThread(thread))
        #expect(agent.postPairs(MessagingPaths.staffThread(thread), [("message", "Oui, merci.")]).status.code == 303)
        agent.get(MessagingPaths.staffThread(thread))
        #expect(agent.postPairs(MessagingPaths.staffAssign(thread), [("agent", "personne")]).status.code == 303)
        agent.get(MessagingPaths.staffThread(thread))
        #expect(agent.postPairs(MessagingPaths.staffStatus(thread), [("statut", "closed")]).status.code == 303)
        agent.get(NewsPaths.staffList)
        #expect(agent.postPairs(NewsPaths.staffNew, [("titre", "Fermeture du 14 juillet"), ("texte", "L'accueil est fermé."),
                                                     ("publication", "2026-01-05"), ("expiration", "")]).status.code == 303)

        let audit = try world.transaction { try StaffAudit.list(in: $0) }.filter { $0.staffName == "Agnès Accueil" }
        #expect(Set(audit.map(\.action)) == ["messaging.reply", "messaging.assign", "messaging.close", "news.publish"])
        #expect(audit.contains { $0.action == "messaging.reply" && $0.target == "thread/\(thread)" && $0.detail == "Réponse à « Sortie au lac » (Camille Martin)" })
        #expect(audit.contains { $0.action == "news.publish" && $0.detail == "Fermeture du 14 juillet" })
    }
}
