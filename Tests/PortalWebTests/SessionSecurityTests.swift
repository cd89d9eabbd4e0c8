import Foundation
import Testing
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct SessionSecurityTests {
    @Test func session_endsAfter30IdleMinutes() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var browser = try world.signedInFamily()
        world.clock.advance(29 * 60)
        #expect(browser.get(SpacePaths.home).status.code == 200)
        world.clock.advance(29 * 60)
        #expect(browser.get(SpacePaths.home).status.code == 200)
        world.clock.advance(30 * 60)
        let expired = browser.get(SpacePaths.home)
        #expect(expired.status.code == 303)
        #expect(expired.headers["location"] == AccountPaths.signIn + "?retour=/mon-espace")
        #expect(browser.cookies["pf_session"] == nil)
    }

    @Test func session_endsTwelveHoursAfterSignIn_howeverActive() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var browser = try world.signedInFamily()
        for _ in 0..<35 {
            world.clock.advance(20 * 60)
            #expect(browser.get(SpacePaths.home).status.code == 200)
        }
        world.clock.advance(20 * 60)
        #expect(browser.get(SpacePaths.home).status.code == 303)
    }

    @Test func signIn_rotatesTheSession_andSignOutEndsItServerSide() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var browser = try world.signedInFamily(email)
        let first = try #require(browser.cookies["pf_session"])
        browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        let second = try #require(browser.cookies["pf_session"])
        #expect(first != second)
        var stolen = world.browser()
        stolen.cookies["pf_session"] = first
        #expect(stolen.get(SpacePaths.home).status.code == 303)

        stolen.cookies["pf_session"] = second
        browser.get(SpacePaths.home)
        let out = browser.post(AccountPaths.signOut, ["csrf": browser.csrf])
        #expect(out.status.code == 303)
        #expect(browser.cookies["pf_session"] == nil)
        #expect(stolen.get(SpacePaths.home).status.code == 303)
    }

    /// ASVS 5.1.5: after signing in, the browser goes back only to a path of this town.
    @Test func signIn_returnsOnlyToAPathOfThisTown() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        try world.familyAccount(email)
        let staffEmail = AccountWorld.uniqueEmail("agent")
        try world.staffAccount(staffEmail, role: .admin)
        let cases = [("/reservations?mois=2026-02", "/reservations?mois=2026-02"), ("//evil.example/connexion", nil), ("https://evil.example/", nil),
                     ("/\\evil.example", nil), ("/\r\nSet-Cookie: x=1", nil), ("javascript:alert(1)", nil), ("evil.example", nil), ("", nil)]
        for (retour, expected) in cases {
            var family = world.browser()
            let signedIn = family.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password, "retour": retour])
            #expect(signedIn.headers["location"] == expected ?? SpacePaths.home, "retour=\(retour.debugDescription)")
            var agent = world.browser()
            let staffIn = agent.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": staffEmail, "mot_de_passe": AccountWorld.password, "retour": retour])
            #expect(staffIn.headers["location"] == expected ?? StaffPaths.home, "retour=\(retour.debugDescription)")
        }
    }

    /// ASVS 3.1.1: the session token travels in its cookie only — never in a redirect, a link or
    /// a page — and a token put in the query string opens nothing.
    @Test func sessionToken_neverAppearsInAURLOrAPage() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        try world.familyAccount(email)
        var browser = world.browser()
        let signedIn = browser.submit(from: AccountPaths.signIn + "?retour=/mon-espace/compte", to: AccountPaths.signIn,
                                      ["courriel": email, "mot_de_passe": AccountWorld.password, "retour": "/mon-espace/compte"])
        let token = try #require(browser.cookies["pf_session"])
        #expect(signedIn.headers["location"] == SpacePaths.account)
        for path in [SpacePaths.home, SpacePaths.account, SpacePaths.subscriptions, SpacePaths.requests, SpacePaths.documents, "/", BookingPaths.planning, BookingPaths.registrations, "/dossier"] {
            let response = browser.get(path)
            #expect(!response.text.contains(token) && !(response.headers["location"] ?? "").contains(token), "\(path)")
        }
        var bare = world.browser()
        for query in ["?pf_session=\(token)", "?session=\(token)", "?jeton=\(token)"] {
            #expect(bare.get(SpacePaths.home + query).status.code == 303)
        }
    }

    /// ASVS 8.1.1 / 8.2.1 / 8.2.3: a signed-in page is never stored by the browser or a proxy, and
    /// signing out asks the browser to drop what it kept of the town.
    @Test func signedInPages_areNotStored_andSignOutClearsTheBrowsersCopy() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var family = try world.signedInFamily()
        for path in [SpacePaths.home, SpacePaths.account, "/dossier", BookingPaths.planning, BookingPaths.registrations, "/"] {
            #expect(family.get(path).headers["cache-control"]?.contains("no-store") == true, "\(path)")
        }
        let out = family.post(AccountPaths.signOut, ["csrf": family.csrf])
        #expect(out.headers["clear-site-data"] == "\"cache\", \"storage\"")
        var staff = try world.signedInStaff(role: .agent)
        #expect(staff.get(StaffPaths.home).headers["cache-control"]?.contains("no-store") == true)
        #expect(staff.post(StaffPaths.signOut, ["csrf": staff.csrf]).headers["clear-site-data"] == "\"cache\", \"storage\"")
    }

    @Test func forgedOrMalformedSessionCookies_openNothing() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        for forged in [String(repeating: "0", count: 64), "abc", "'; DROP TABLE sessions; --", String(repeating: "f", count: 4096)] {
            var browser = world.browser()
            browser.cookies["pf_session"] = forged
            #expect(browser.get(SpacePaths.home).status.code == 303)
        }
    }

    @Test func familyCookieOfOneTown_isWorthlessOnAnother() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let browser = try world.signedInFamily()
        var elsewhere = world.browser(world.otherTown)
        elsewhere.cookies = browser.cookies
        let response = elsewhere.get(SpacePaths.home)
        #expect(response.status.code == 303)
        #expect(response.headers["location"]?.hasPrefix(AccountPaths.signIn) == true)
    }

    @Test func staffCookie_opensNoFamilyPage_andFamilyCookie_opensNoStaffPage() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var staff = try world.signedInStaff(role: .admin)
        #expect(staff.get(StaffPaths.home).status.code == 200)
        for path in [SpacePaths.home, SpacePaths.account, SpacePaths.documents] {
            #expect(staff.get(path).status.code == 403)
        }
        var family = try world.signedInFamily()
        for path in [StaffPaths.home, StaffPaths.documents, StaffPaths.team] {
            #expect(family.get(path).status.code == 403)
        }
        // Staff credentials do not open the family sign-in, and the other way round.
        let email = AccountWorld.uniqueEmail("agent")
        try world.staffAccount(email, role: .agent)
        var browser = world.browser()
        #expect(browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password]).status.code == 401)
    }

    @Test func staffRoles_limitThePages() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var agent = try world.signedInStaff(role: .agent)
        #expect(agent.get(StaffPaths.documents).status.code == 200)
        #expect(agent.get(StaffPaths.team).status.code == 403)
        var billing = try world.signedInStaff(role: .billing)
        #expect(billing.get(StaffPaths.documents).status.code == 403)
    }

    @Test func staffInvitation_byAnAdmin_letsTheInviteeChooseAPasswordAndSignIn() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var admin = try world.signedInStaff(role: .admin)
        let email = AccountWorld.uniqueEmail("nouvel.agent")
        admin.get(StaffPaths.team)
        let invited = admin.post(StaffPaths.team, ["csrf": admin.csrf, "nom": "Claude Agent", "courriel": email, "role": "agent"])
        #expect(invited.headers["location"] == StaffPaths.team + "?ok=invite")
        let token = try #require(try world.lastMail(to: email)?.token)
        var invitee = world.browser()
        invitee.get(StaffPaths.invitation + "?jeton=" + token)
        let accepted = invitee.post(StaffPaths.invitation, invitee.hiddenFields().merging(["mot_de_passe": AccountWorld.password, "confirmation": AccountWorld.password]) { $1 })
        #expect(accepted.headers["location"] == StaffPaths.signIn + "?ok=invitation")
        let signedIn = invitee.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        #expect(signedIn.headers["location"] == StaffPaths.home)
        #expect(invitee.get(StaffPaths.home).text.contains("Claude Agent"))
    }

    @Test func operatorConsole_isAbsentOnTownHosts_andItsCookieIsWorthlessThere() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var town = world.browser()
        for path in [OperatorConsole.homePath, OperatorConsole.signInPath] {
            #expect(town.get(path).status.code == 404)
        }
        let email = AccountWorld.uniqueEmail("operateur")
        _ = try world.pool.withConnection { try OperatorStore.upsert(email: EmailAddress(email)!, displayName: "Opé", password: AccountWorld.password, in: $0) }
        var console = Browser(app: world.app, host: "operateur.localhost:8080", address: "192.0.2.99")
        #expect(console.get(OperatorConsole.homePath).headers["location"] == OperatorConsole.signInPath)
        #expect(console.get("/mon-espace").status.code == 404)
        let signedIn = console.submit(from: OperatorConsole.signInPath, to: OperatorConsole.signInPath, ["courriel": email, "mot_de_passe": AccountWorld.password])
        #expect(signedIn.headers["location"] == OperatorConsole.homePath)
        let dashboard = console.get(OperatorConsole.homePath)
        #expect(dashboard.status.code == 200)
        #expect(dashboard.text.contains("Courriels en échec"))
        town.cookies = console.cookies
        #expect(town.get(SpacePaths.home).status.code == 303)
        #expect(town.get(StaffPaths.home).status.code == 303)
        // Operator credentials open nothing on a town.
        #expect(town.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password]).status.code == 401)
    }

    @Test func productionCookies_carryTheHostPrefixAndSecure() throws {
        let world = try AccountWorld(mode: .production)
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        try world.familyAccount(email)
        var browser = world.browser()
        browser.get(AccountPaths.signIn)
        #expect(browser.cookies["__Host-pf_form"] != nil)
        let response = browser.post(AccountPaths.signIn, ["csrf": browser.csrf, "courriel": email, "mot_de_passe": AccountWorld.password])
        let cookie = try #require(response.headers.values(for: "set-cookie").first { $0.hasPrefix("__Host-pf_session=") })
        for attribute in ["Path=/", "HttpOnly", "Secure", "SameSite=Lax"] { #expect(cookie.contains(attribute)) }
        #expect(!cookie.contains("Domain"))
        #expect(browser.get(DevMailRoutes.path).status.code == 404)
    }
}
