import Foundation
import Testing
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// A staff member who forgot their password gets a link of their own, like families do, and
/// neither kind of link opens the other kind of account.
@Suite(.serialized) struct StaffPasswordResetTests {
    static let newPassword = "Cahier-de-pointage-du-matin-9"

    @Test func forgottenPassword_sameAnswerForAnyAddress_linkWorksOnce_andEndsTheOtherSessions() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail("agent")
        try world.staffAccount(email, role: .agent)
        var signedIn = world.browser()
        signedIn.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        #expect(signedIn.get(StaffPaths.home).status.code == 200)

        var other = world.browser()
        #expect(other.get(StaffPaths.signIn).text.contains("href=\"\(StaffPaths.forgotten)\""))
        let known = other.submit(from: StaffPaths.forgotten, to: StaffPaths.forgotten, ["courriel": email], clock: world.clock)
        let unknown = other.submit(from: StaffPaths.forgotten, to: StaffPaths.forgotten, ["courriel": AccountWorld.uniqueEmail("agent")], clock: world.clock)
        #expect(known.status.code == 303 && known.headers["location"] == StaffPaths.forgottenSent)
        #expect(unknown.headers["location"] == known.headers["location"])
        #expect(other.get(StaffPaths.forgottenSent).text.contains("Si un compte correspond à cette adresse"))

        let mail = try #require(try world.lastMail(to: email))
        #expect(mail.body.contains("http://cayres-pradelles.localhost:8080\(StaffPaths.reset)?jeton="))
        let token = try #require(mail.token)
        #expect(other.get(StaffPaths.reset + "?jeton=" + token).status.code == 200)
        let weak = other.post(StaffPaths.reset, other.hiddenFields().merging(["mot_de_passe": "azerty", "confirmation": "azerty"]) { $1 })
        #expect(weak.status.code == 422)
        let done = other.post(StaffPaths.reset, other.hiddenFields().merging(["mot_de_passe": Self.newPassword, "confirmation": Self.newPassword]) { $1 })
        #expect(done.headers["location"] == StaffPaths.signIn + "?ok=mot-de-passe-reinitialise")

        #expect(signedIn.get(StaffPaths.home).status.code == 303, "the session opened with the old password is closed")
        #expect(other.get(StaffPaths.reset + "?jeton=" + token).status.code == 410)
        #expect(other.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password]).status.code == 401)
        #expect(other.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": Self.newPassword]).headers["location"] == StaffPaths.home)
        #expect(try world.lastMail(to: email)?.subject.contains("mot de passe a été changé") == true)
        let events = try world.transaction { try SecurityEvents.recent(limit: 5, in: $0) }
        #expect(events.contains { $0.kind == "password_reset" && $0.principalKind == "staff" })
    }

    @Test func aDisabledMemberOrAnInviteeWithoutPassword_getsNoLink() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let disabled = AccountWorld.uniqueEmail("ancien.agent"), invitee = AccountWorld.uniqueEmail("invite")
        try world.staffAccount(disabled, role: .agent)
        try world.transaction { connection in
            _ = try connection.execute("UPDATE staff_accounts SET disabled_at = now() WHERE email = \(disabled)")
            _ = try StaffStore.invite(email: EmailAddress(invitee)!, displayName: "Invité", role: .agent, now: world.clock.now, in: connection)
        }
        var browser = world.browser()
        for email in [disabled, invitee] {
            let sent = browser.submit(from: StaffPaths.forgotten, to: StaffPaths.forgotten, ["courriel": email], clock: world.clock)
            #expect(sent.headers["location"] == StaffPaths.forgottenSent)
            #expect(try world.mails(to: email).isEmpty)
        }
    }

    @Test func aFamilyLink_opensNoStaffAccount_andAStaffLink_opensNoFamilyAccount() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        // The same address on both sides, so that only the link's purpose tells them apart.
        let email = AccountWorld.uniqueEmail("double")
        try world.familyAccount(email)
        try world.staffAccount(email, role: .admin)
        var browser = world.browser()
        browser.submit(from: AccountPaths.forgotten, to: AccountPaths.forgotten, ["courriel": email], clock: world.clock)
        let familyToken = try #require(try world.lastMail(to: email)?.token)
        browser.submit(from: StaffPaths.forgotten, to: StaffPaths.forgotten, ["courriel": email], clock: world.clock)
        let staffToken = try #require(try world.lastMail(to: email)?.token)

        #expect(browser.get(StaffPaths.reset + "?jeton=" + familyToken).status.code == 410)
        #expect(browser.get(AccountPaths.reset + "?jeton=" + staffToken).status.code == 410)
        browser.get(StaffPaths.forgotten)
        let forged = browser.post(StaffPaths.reset, ["csrf": browser.csrf, "jeton": familyToken, "mot_de_passe": Self.newPassword, "confirmation": Self.newPassword])
        #expect(forged.status.code == 410)
        #expect(browser.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password]).headers["location"] == StaffPaths.home)
    }
}
