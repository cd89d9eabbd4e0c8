import Foundation
import Testing
import HTML
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite(.serialized) struct FamilyAccountFlowTests {
    static func signUpFields(_ email: String, code: String = "") -> [String: String] {
        ["nom": "Martin", "prenoms": "Camille", "courriel": email, "mot_de_passe": AccountWorld.password,
         "confirmation": AccountWorld.password, "code_abonne": code, "conditions": "oui"]
    }

    @Test func signUp_thenActivationLink_thenSignIn_opensMonEspace() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var browser = world.browser()
        let signUpPage = browser.get(AccountPaths.signUp)
        #expect(signUpPage.text.contains(HTMLEscape.escape(world.town.passwordPolicy.frenchRule)))
        let sent = browser.submit(from: AccountPaths.signUp, to: AccountPaths.signUp, Self.signUpFields(email), clock: world.clock)
        #expect(sent.status.code == 303)
        #expect(sent.headers["location"] == AccountPaths.signUpSent)

        // No sign-in before activation.
        let early = browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        #expect(early.status.code == 403)
        #expect(early.text.contains("pas encore activé"))

        let mail = try #require(try world.lastMail(to: email))
        #expect(mail.subject.contains("Activez votre compte"))
        #expect(mail.body.contains("http://cayres-pradelles.localhost:8080/activation?jeton="))
        let token = try #require(mail.token)
        #expect(browser.get(AccountPaths.activation + "?jeton=" + token).status.code == 200)
        let activated = browser.post(AccountPaths.activation, browser.hiddenFields())
        #expect(activated.headers["location"] == AccountPaths.signIn + "?ok=active")
        // Single use.
        #expect(browser.get(AccountPaths.activation + "?jeton=" + token).status.code == 410)

        let signedIn = browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email.uppercased(), "mot_de_passe": AccountWorld.password])
        #expect(signedIn.status.code == 303)
        #expect(signedIn.headers["location"] == SpacePaths.home)
        let setCookie = try #require(signedIn.headers.values(for: "set-cookie").first { $0.hasPrefix("pf_session=") })
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/") && !setCookie.contains("Domain"))
        let space = browser.get(SpacePaths.home)
        #expect(space.status.code == 200)
        #expect(space.text.contains("Bonjour Camille"))
        #expect(space.text.contains("Se déconnecter"))
        let events = try world.transaction { try SecurityEvents.recent(limit: 10, in: $0) }.map(\.kind)
        #expect(events.contains("sign_in") && events.contains("activation"))
    }

    @Test func activationLink_expiresAfter48Hours_andCanBeSentAgain() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var browser = world.browser()
        browser.submit(from: AccountPaths.signUp, to: AccountPaths.signUp, Self.signUpFields(email), clock: world.clock)
        let first = try #require(try world.lastMail(to: email)?.token)
        world.clock.advance(48 * 3600)
        #expect(browser.get(AccountPaths.activation + "?jeton=" + first).status.code == 410)
        let resent = browser.submit(from: AccountPaths.resendActivation, to: AccountPaths.resendActivation, ["courriel": email], clock: world.clock)
        #expect(resent.status.code == 303)
        let second = try #require(try world.lastMail(to: email)?.token)
        #expect(second != first)
        #expect(browser.get(AccountPaths.activation + "?jeton=" + second).status.code == 200)
    }

    @Test func signUpWithAnAddressAlreadyUsed_answersTheSame_andMailsTheOwner() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        try world.familyAccount(email)
        var browser = world.browser()
        let again = browser.submit(from: AccountPaths.signUp, to: AccountPaths.signUp, Self.signUpFields(email.uppercased()), clock: world.clock)
        var fresh = world.browser()
        let new = fresh.submit(from: AccountPaths.signUp, to: AccountPaths.signUp, Self.signUpFields(AccountWorld.uniqueEmail()), clock: world.clock)
        #expect(again.status.code == new.status.code)
        #expect(again.headers["location"] == new.headers["location"])
        #expect(again.body == new.body)
        let mail = try #require(try world.lastMail(to: email))
        #expect(mail.subject.contains("Vous avez déjà un compte"))
        #expect(mail.token == nil)
        let count = try world.transaction { try $0.query("SELECT count(*)::int AS n FROM accounts WHERE lower(email) = \(email)")[0].decode("n", as: Int.self) }
        #expect(count == 1)
    }

    @Test func signUpErrors_areShownByTheField_andKeepWhatWasTypedButThePassword() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var browser = world.browser()
        var fields = Self.signUpFields("pas-une-adresse")
        fields["mot_de_passe"] = "Password1!"
        fields["confirmation"] = "Password1!"
        fields["conditions"] = nil
        let page = browser.submit(from: AccountPaths.signUp, to: AccountPaths.signUp, fields, clock: world.clock)
        #expect(page.status.code == 422)
        #expect(page.text.contains("Le formulaire contient 3 erreurs"))
        #expect(page.text.contains("adresse électronique n&#39;est pas valide"))
        #expect(page.text.contains("fait partie des plus utilisés"))
        #expect(page.text.contains("Acceptez les conditions"))
        #expect(page.text.contains("value=\"pas-une-adresse\""))
        #expect(!page.text.contains("Password1!"))
        #expect(page.text.contains("aria-invalid=\"true\""))
    }

    @Test func forgottenPassword_sameAnswerForAnyAddress_linkWorksOnceWithinAnHour_andEndsOtherSessions() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var signedIn = try world.signedInFamily(email)
        #expect(signedIn.get(SpacePaths.home).status.code == 200)

        var other = world.browser()
        let known = other.submit(from: AccountPaths.forgotten, to: AccountPaths.forgotten, ["courriel": email], clock: world.clock)
        let unknown = other.submit(from: AccountPaths.forgotten, to: AccountPaths.forgotten, ["courriel": AccountWorld.uniqueEmail()], clock: world.clock)
        #expect(known.status.code == 303 && known.headers["location"] == unknown.headers["location"])

        let token = try #require(try world.lastMail(to: email)?.token)
        other.get(AccountPaths.reset + "?jeton=" + token)
        let weak = other.post(AccountPaths.reset, other.hiddenFields().merging(["mot_de_passe": "azerty", "confirmation": "azerty"]) { $1 })
        #expect(weak.status.code == 422)
        let newPassword = "Nouvelle-phrase-de-passe-42"
        let done = other.post(AccountPaths.reset, other.hiddenFields().merging(["mot_de_passe": newPassword, "confirmation": newPassword]) { $1 })
        #expect(done.headers["location"] == AccountPaths.signIn + "?ok=mot-de-passe-reinitialise")
        // The other browser's session is gone, the link is used up, the old password no longer works.
        #expect(signedIn.get(SpacePaths.home).status.code == 303)
        #expect(other.get(AccountPaths.reset + "?jeton=" + token).status.code == 410)
        #expect(other.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password]).status.code == 401)
        #expect(other.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": newPassword]).status.code == 303)
        #expect(try world.lastMail(to: email)?.subject.contains("mot de passe a été changé") == true)

        other.submit(from: AccountPaths.forgotten, to: AccountPaths.forgotten, ["courriel": email], clock: world.clock)
        let late = try #require(try world.lastMail(to: email)?.token)
        world.clock.advance(3600)
        #expect(other.get(AccountPaths.reset + "?jeton=" + late).status.code == 410)
    }

    @Test func changePassword_needsTheCurrentOne_andEndsTheOtherSessionsButNotThisOne() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail()
        var phone = try world.signedInFamily(email)
        var computer = world.browser()
        computer.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        #expect(computer.get(SpacePaths.home).status.code == 200)

        let newPassword = "Un-autre-velo-bleu-2026"
        phone.get(SpacePaths.account)
        let wrong = phone.post(SpacePaths.password, ["csrf": phone.csrf, "mot_de_passe_actuel": "faux", "nouveau_mot_de_passe": newPassword, "confirmation": newPassword])
        #expect(wrong.status.code == 422)
        #expect(wrong.text.contains("Le mot de passe actuel est incorrect."))
        let changed = phone.post(SpacePaths.password, ["csrf": phone.csrf, "mot_de_passe_actuel": AccountWorld.password,
                                                      "nouveau_mot_de_passe": newPassword, "confirmation": newPassword])
        #expect(changed.headers["location"] == SpacePaths.account + "?ok=mot-de-passe")
        #expect(phone.get(SpacePaths.account).status.code == 200)
        #expect(computer.get(SpacePaths.home).status.code == 303)
        let events = try world.transaction { try SecurityEvents.recent(limit: 5, in: $0) }.map(\.kind)
        #expect(events.contains("password_change"))
    }

    /// ASVS 2.2.3 / 2.5.5: the account's address hears of every change of password or login
    /// address, and no e-mail ever carries a password, old or new.
    @Test func everyCredentialChange_isMailedToTheAccount_andNoMailCarriesAPassword() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail(), newEmail = AccountWorld.uniqueEmail("nouveau")
        var browser = world.browser()
        browser.submit(from: AccountPaths.signUp, to: AccountPaths.signUp, Self.signUpFields(email), clock: world.clock)
        browser.get(AccountPaths.activation + "?jeton=" + (try #require(try world.lastMail(to: email)?.token)))
        browser.post(AccountPaths.activation, browser.hiddenFields())
        browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])

        let newPassword = "Un-autre-velo-bleu-2026"
        browser.get(SpacePaths.account)
        browser.post(SpacePaths.password, ["csrf": browser.csrf, "mot_de_passe_actuel": AccountWorld.password,
                                           "nouveau_mot_de_passe": newPassword, "confirmation": newPassword])
        #expect(try world.lastMail(to: email)?.subject == "Cayres-Pradelles – Votre mot de passe a été changé")

        browser.get(SpacePaths.account)
        browser.post(SpacePaths.email, ["csrf": browser.csrf, "nouveau_courriel": newEmail, "mot_de_passe_courriel": newPassword])
        let notice = try #require(try world.lastMail(to: email))
        #expect(notice.subject == "Cayres-Pradelles – Changement d'adresse demandé")
        #expect(notice.body.contains(newEmail) && notice.body.contains("changez votre mot de passe"))

        let resetPassword = "Encore-un-velo-vert-2027"
        var other = world.browser()
        other.submit(from: AccountPaths.forgotten, to: AccountPaths.forgotten, ["courriel": email], clock: world.clock)
        other.get(AccountPaths.reset + "?jeton=" + (try #require(try world.lastMail(to: email)?.token)))
        other.post(AccountPaths.reset, other.hiddenFields().merging(["mot_de_passe": resetPassword, "confirmation": resetPassword]) { $1 })
        #expect(try world.lastMail(to: email)?.subject == "Cayres-Pradelles – Votre mot de passe a été changé")

        let everything = try world.mails(to: email) + world.mails(to: newEmail)
        #expect(everything.count == 6)
        for mail in everything {
            for password in [AccountWorld.password, newPassword, resetPassword] { #expect(!mail.mail.body.contains(password)) }
        }
    }

    @Test func changeEmail_needsThePassword_oldAddressWorksUntilTheNewOneConfirms() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let email = AccountWorld.uniqueEmail(), newEmail = AccountWorld.uniqueEmail("nouveau")
        var browser = try world.signedInFamily(email)
        browser.get(SpacePaths.account)
        let refused = browser.post(SpacePaths.email, ["csrf": browser.csrf, "nouveau_courriel": newEmail, "mot_de_passe_courriel": "faux"])
        #expect(refused.status.code == 422)
        #expect(refused.text.contains("value=\"\(newEmail)\""))
        let sent = browser.post(SpacePaths.email, ["csrf": browser.csrf, "nouveau_courriel": newEmail, "mot_de_passe_courriel": AccountWorld.password])
        #expect(sent.headers["location"] == SpacePaths.account + "?ok=courriel-envoye")
        #expect(try world.lastMail(to: email)?.subject.contains("Changement d'adresse demandé") == true)
        let token = try #require(try world.lastMail(to: newEmail)?.token)

        var other = world.browser()
        #expect(other.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password]).status.code == 303)
        browser.get(AccountPaths.confirmEmail + "?jeton=" + token)
        let confirmed = browser.post(AccountPaths.confirmEmail, browser.hiddenFields())
        #expect(confirmed.headers["location"] == SpacePaths.account + "?ok=courriel")
        var third = world.browser()
        #expect(third.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": newEmail, "mot_de_passe": AccountWorld.password]).status.code == 303)
        #expect(third.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password]).status.code == 401)
    }

    @Test func subscriberCode_linksAtOnceWithoutSigningInAgain_andBothGuardiansMayLinkTheSameFamily() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        _ = try world.transaction { try FamilyStore.create(name: "Famille Lefèvre", subscriberCode: "LEFEVRE-77", in: $0) }
        var mother = try world.signedInFamily()
        var father = try world.signedInFamily()
        mother.get(SpacePaths.subscriptions)
        let linked = mother.post(SpacePaths.subscriptions, ["csrf": mother.csrf, "code_abonne": " lefevre-77 "])
        #expect(linked.headers["location"] == SpacePaths.subscriptions + "?ok=abonnement")
        #expect(mother.get(SpacePaths.subscriptions).text.contains("Famille Lefèvre"))
        father.get(SpacePaths.subscriptions)
        father.post(SpacePaths.subscriptions, ["csrf": father.csrf, "code_abonne": "lefevre 77"])
        #expect(father.get(SpacePaths.subscriptions).text.contains("Famille Lefèvre"))
        let requests = mother.get(SpacePaths.requests)
        #expect(requests.text.contains("Abonnement au dossier « Famille Lefèvre »"))
        #expect(requests.text.contains("Acceptée"))
    }

    @Test func wrongSubscriberCodes_areThrottled() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var browser = try world.signedInFamily()
        browser.get(SpacePaths.subscriptions)
        var last = HTTPResponse()
        for attempt in 0..<6 {
            last = browser.post(SpacePaths.subscriptions, ["csrf": browser.csrf, "code_abonne": "FAUX-\(attempt)000"])
            #expect(last.status.code == 422)
        }
        #expect(last.text.contains("Trop d&#39;essais infructueux"))
    }

    @Test func signUpWithACodeAbonne_linksTheFamily() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        _ = try world.transaction { try FamilyStore.create(name: "Famille Roux", subscriberCode: "ROUX-1234", in: $0) }
        let email = AccountWorld.uniqueEmail()
        var browser = world.browser()
        browser.submit(from: AccountPaths.signUp, to: AccountPaths.signUp, Self.signUpFields(email, code: "roux-1234"), clock: world.clock)
        let token = try #require(try world.lastMail(to: email)?.token)
        browser.get(AccountPaths.activation + "?jeton=" + token)
        browser.post(AccountPaths.activation, browser.hiddenFields())
        browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password])
        #expect(browser.get(SpacePaths.subscriptions).text.contains("Famille Roux"))
    }
}
