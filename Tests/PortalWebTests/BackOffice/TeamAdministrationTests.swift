import Foundation
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct TeamAdministrationTests {
    @Test func admin_changesARole_deactivatesAnAgentWhoseSessionEnds_andReadsItAllInTheJournal() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        var admin = try scene.signedIn(.admin, name: "Alice Admin")
        var agent = try scene.signedIn(.agent, name: "Agnès Accueil")
        let agentID: Int64 = try scene.world.transaction { try $0.query("SELECT id FROM staff_accounts WHERE display_name = 'Agnès Accueil'")[0].decode("id") }
        #expect(agent.get(BackOfficePaths.attendance).status.code == 200)

        admin.get(StaffPaths.team)
        #expect(admin.lastPage.contains("Agnès Accueil"))
        #expect(admin.postPairs(BackOfficePaths.staffRole(agentID), [("role", "billing")]).status.code == 303)
        #expect(agent.get(BackOfficePaths.attendance).status.code == 403)

        admin.get(StaffPaths.team)
        #expect(admin.postPairs(BackOfficePaths.staffDeactivate(agentID), []).status.code == 303)
        let after = agent.get(StaffPaths.home)
        #expect(after.status.code == 303)
        #expect(admin.get(StaffPaths.team).text.contains("Désactivé le"))

        let journal = admin.get(BackOfficePaths.audit).text
        #expect(journal.contains("Changement de rôle"))
        #expect(journal.contains("nouveau rôle : Facturation"))
        #expect(journal.contains("Désactivation d&#39;un compte"))
        let agentsOwn = admin.get(BackOfficePaths.audit + "?agent=\(agentID)").text
        #expect(!agentsOwn.contains("Changement de rôle"))
        #expect(agentsOwn.contains("Aucune action enregistrée."))
    }

    @Test func theLastAdministrator_cannotBeDemotedOrDeactivated() throws {
        let scene = try BackOfficeScene()
        defer { scene.drop() }
        var alice = try scene.signedIn(.admin, name: "Alice Admin")
        var bruno = try scene.signedIn(.admin, name: "Bruno Admin")
        let aliceID: Int64 = try scene.world.transaction { try $0.query("SELECT id FROM staff_accounts WHERE display_name = 'Alice Admin'")[0].decode("id") }
        let brunoID: Int64 = try scene.world.transaction { try $0.query("SELECT id FROM staff_accounts WHERE display_name = 'Bruno Admin'")[0].decode("id") }
        bruno.get(StaffPaths.team)
        #expect(bruno.postPairs(BackOfficePaths.staffDeactivate(aliceID), []).headers["location"] == StaffPaths.team + "?ok=equipe")
        // Bruno is now the only active administrator: another admin would be needed to remove him.
        let refused = try scene.world.transaction { connection in
            #expect(throws: StaffAdministrationError.lastAdministrator) { try StaffAdministration.setRole(id: brunoID, role: .agent, in: connection) }
            #expect(throws: StaffAdministrationError.lastAdministrator) { try StaffAdministration.deactivate(id: brunoID, now: Date(), in: connection) }
            return true
        }
        #expect(refused)
        #expect(alice.get(StaffPaths.home).status.code == 303)
    }
}
