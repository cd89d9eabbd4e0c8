import Foundation
import Testing
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct AntiRobotAndUploadTests {
    static func accounts(_ world: AccountWorld, _ email: String) throws -> Int {
        try world.transaction { try $0.query("SELECT count(*)::int AS n FROM accounts WHERE email = \(email)")[0].decode("n") }
    }

    @Test func honeypotFilled_looksAccepted_butCreatesNothing() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail("robot")
        var browser = world.browser()
        var fields = FamilyAccountFlowTests.signUpFields(email)
        fields[Forms.honeypotName] = "http://spam.example"
        let response = browser.submit(from: AccountPaths.signUp, to: AccountPaths.signUp, fields, clock: world.clock)
        #expect(response.headers["location"] == AccountPaths.signUpSent)
        #expect(try Self.accounts(world, email) == 0)
        #expect(try world.mails(to: email).isEmpty)
    }

    @Test func formSentTooFast_orWithAForgedStamp_isShownAgain() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var browser = world.browser()
        let fast = browser.submit(from: AccountPaths.signUp, to: AccountPaths.signUp, FamilyAccountFlowTests.signUpFields(email))
        #expect(fast.status.code == 422)
        #expect(fast.text.contains("trop vite"))
        var forged = FamilyAccountFlowTests.signUpFields(email)
        forged[Forms.stampName] = "1000000000." + String(repeating: "a", count: 64)
        browser.get(AccountPaths.signUp)
        forged["csrf"] = browser.csrf
        world.clock.advance(5)
        #expect(browser.post(AccountPaths.signUp, forged).status.code == 422)
        world.clock.advance(25 * 3600)
        #expect(browser.post(AccountPaths.signUp, browser.hiddenFields().merging(FamilyAccountFlowTests.signUpFields(email)) { $1 }).status.code == 422)
        #expect(try Self.accounts(world, email) == 0)
    }

    @Test func anonymousFormsFromOneClient_areRateLimited() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var browser = world.browser(address: "198.51.100.7")
        for _ in 0..<31 {
            let response = browser.submit(from: AccountPaths.forgotten, to: AccountPaths.forgotten, ["courriel": AccountWorld.uniqueEmail()], clock: world.clock)
            #expect(response.status.code == 303)
        }
        let limited = browser.submit(from: AccountPaths.forgotten, to: AccountPaths.forgotten, ["courriel": AccountWorld.uniqueEmail()], clock: world.clock)
        #expect(limited.status.code == 422)
        #expect(limited.text.contains("Trop d&#39;essais"))
    }

    @Test func fiveWrongPasswords_throttleTheAccount_withAFrenchMessage_andAreAudited() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        try world.familyAccount(email)
        var browser = world.browser()
        for attempt in 1...5 {
            let response = browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": "mauvais-\(attempt)"])
            #expect(response.status.code == (attempt < 5 ? 401 : 429))
            #expect(response.text.contains("Adresse électronique ou mot de passe incorrect."))
        }
        // Even the right password waits, from another client too.
        var other = world.browser()
        let refused = other.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        #expect(refused.status.code == 429)
        #expect(refused.text.contains("attendez 1 minute"))
        world.clock.advance(61)
        #expect(other.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password]).status.code == 303)
        let kinds = try world.transaction { try SecurityEvents.recent(limit: 20, in: $0) }.filter { $0.email == email }.map(\.kind)
        #expect(kinds.filter { $0 == "sign_in_failure" }.count == 5)
        #expect(kinds.contains("lockout") && kinds.contains("sign_in"))
        let ips = try world.transaction { try SecurityEvents.recent(limit: 20, in: $0) }.filter { $0.email == email }.map(\.ip)
        #expect(ips.contains(browser.address))
    }

    @Test func oneClientTryingManyAddresses_isThrottled() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var browser = world.browser(address: "203.0.113.9")
        for _ in 0..<21 {
            #expect(browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": AccountWorld.uniqueEmail(), "mot_de_passe": "x"]).status.code == 401)
        }
        let email = AccountWorld.uniqueEmail()
        try world.familyAccount(email)
        let response = browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": AccountWorld.uniqueEmail(), "mot_de_passe": "x"])
        #expect(response.status.code == 429)
        #expect(browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password]).status.code == 429)
    }

    @Test func uploads_areCheckedByContent_keepTheTitleOnError_andStaffSeeThem() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var family = try world.signedInFamily()
        family.get(SpacePaths.documents)
        let csrf = family.csrf
        let disguised = family.multipart(SpacePaths.documents, fields: ["csrf": csrf, "titre": "Attestation CAF 2026"],
                                         file: ("fichier", "attestation.pdf", "application/pdf", Array("<html><script>alert(1)</script>".utf8)))
        #expect(disguised.status.code == 422)
        #expect(disguised.text.contains("ni un PDF, ni une image JPEG ou PNG"))
        #expect(disguised.text.contains("value=\"Attestation CAF 2026\""))
        let huge = family.multipart(SpacePaths.documents, fields: ["csrf": csrf, "titre": "Gros"],
                                    file: ("fichier", "gros.pdf", "application/pdf", Array("%PDF-1.7\n".utf8) + [UInt8](repeating: 0x20, count: 6 * 1024 * 1024)))
        #expect(huge.status.code == 422)
        #expect(huge.text.contains("dépasse 6 Mo"))
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 1, count: 100)
        let sent = family.multipart(SpacePaths.documents, fields: ["csrf": csrf, "titre": "Justificatif de domicile"],
                                    file: ("fichier", "../../etc/passwd.jpg", "image/jpeg", png))
        #expect(sent.headers["location"] == SpacePaths.documents + "?ok=document")
        let list = family.get(SpacePaths.documents)
        let link = try #require(list.text.firstMatch(of: /href="(\/mon-espace\/documents\/[0-9]+)"/).map { String($0.1) })
        let download = family.get(link)
        #expect(download.body == png)
        #expect(download.headers["content-type"] == "image/png")
        #expect(download.headers["content-disposition"] == "attachment; filename=\"passwd.png\"")
        #expect(family.get(SpacePaths.requests).text.contains("Justificatif envoyé : Justificatif de domicile"))

        var stranger = try world.signedInFamily()
        #expect(stranger.get(link).status.code == 404)
        var staff = try world.signedInStaff(role: .agent)
        #expect(staff.get(StaffPaths.documents).text.contains("Justificatif de domicile"))
        let id = link.split(separator: "/").last!
        #expect(staff.get(StaffPaths.documents + "/" + id).body == png)
    }
}
