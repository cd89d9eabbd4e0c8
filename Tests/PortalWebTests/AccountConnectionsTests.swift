import Foundation
import Testing
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// « Mes connexions » (ASVS 3.3.4) for families and staff, and the staff member's own password
/// change (ASVS 2.1.5, 2.1.6, 2.2.3, 3.3.3).
@Suite(.serialized) struct AccountConnectionsTests {
    @Test func activeConnections_areListed_andTheOthersEndOnceThePasswordIsTypedAgain() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var phone = try world.signedInFamily(email)
        var computer = world.browser(address: "198.51.100.7")
        computer.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        world.clock.advance(120)
        let page = phone.get(SpacePaths.account)
        #expect(page.text.contains("Mes connexions"))
        #expect(page.text.components(separatedBy: "<strong>Cet appareil</strong>").count == 2)
        #expect(page.text.contains("<strong>Autre appareil</strong>") && page.text.contains("adresse 198.51.100.7"))

        let wrong = phone.post(SpacePaths.connections, ["csrf": phone.csrf, SessionViews.passwordField: "faux"])
        #expect(wrong.status.code == 422 && wrong.text.contains("Le mot de passe actuel est incorrect."))
        #expect(computer.get(SpacePaths.home).status.code == 200)

        let ended = phone.post(SpacePaths.connections, ["csrf": phone.csrf, SessionViews.passwordField: AccountWorld.password])
        #expect(ended.headers["location"] == SpacePaths.account + "?ok=connexions")
        #expect(computer.get(SpacePaths.home).status.code == 303)
        let after = phone.get(SpacePaths.account)
        #expect(after.status.code == 200 && !after.text.contains("Autre appareil"))
        #expect(!after.text.contains(SessionViews.passwordField))
        let events = try world.transaction { try SecurityEvents.recent(limit: 5, in: $0) }.map(\.kind)
        #expect(events.contains("other_sessions_ended"))
    }

    @Test func staffMember_changesTheirPassword_withTheCurrentOne_theOtherSessionsEnd_andTheAddressIsTold() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail("agent")
        try world.staffAccount(email, role: .agent)
        var desk = world.browser(), tablet = world.browser()
        desk.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        tablet.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        let page = desk.get(StaffPaths.account)
        #expect(page.status.code == 200 && page.text.contains("<strong>Autre appareil</strong>"))
        #expect(page.text.contains("<a href=\"\(StaffPaths.account)\" aria-current=\"page\">Mon compte</a>"))

        let newPassword = "Un-autre-velo-bleu-2026"
        let wrong = desk.post(StaffPaths.password, ["csrf": desk.csrf, "mot_de_passe_actuel": "faux", "nouveau_mot_de_passe": newPassword, "confirmation": newPassword])
        #expect(wrong.status.code == 422 && wrong.text.contains("Le mot de passe actuel est incorrect."))
        let weak = desk.post(StaffPaths.password, ["csrf": desk.csrf, "mot_de_passe_actuel": AccountWorld.password, "nouveau_mot_de_passe": "azerty", "confirmation": "azerty"])
        #expect(weak.status.code == 422 && weak.text.contains("fait partie des plus utilisés"))
        let changed = desk.post(StaffPaths.password, ["csrf": desk.csrf, "mot_de_passe_actuel": AccountWorld.password,
                                                     "nouveau_mot_de_passe": newPassword, "confirmation": newPassword])
        #expect(changed.headers["location"] == StaffPaths.account + "?ok=mot-de-passe")
        #expect(desk.get(StaffPaths.home).status.code == 200)
        #expect(tablet.get(StaffPaths.home).status.code == 303)
        #expect(try world.lastMail(to: email)?.subject == "Cayres-Pradelles – Votre mot de passe a été changé")
        var other = world.browser()
        #expect(other.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password]).status.code == 401)
        #expect(other.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": newPassword]).status.code == 303)

        desk.get(StaffPaths.account)
        let ended = desk.post(StaffPaths.connections, ["csrf": desk.csrf, SessionViews.passwordField: newPassword])
        #expect(ended.headers["location"] == StaffPaths.account + "?ok=connexions")
        #expect(other.get(StaffPaths.home).status.code == 303)
        #expect(desk.get(StaffPaths.home).status.code == 200)
    }
}
