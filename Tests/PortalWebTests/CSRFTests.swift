import Foundation
import Testing
import HTTPServer
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// Every state-changing route of the router, town and operator console alike, refuses a request
/// without the right CSRF token or from another origin, whoever is signed in.
@Suite(.serialized) struct CSRFTests {
    static func concrete(_ pattern: String) -> String {
        pattern.split(separator: "/", omittingEmptySubsequences: false).map { $0.hasPrefix(":") ? "1" : String($0) }.joined(separator: "/")
    }

    @Test func everyStateChangingTownRoute_refusesAMissingOrWrongToken_orAForeignOrigin() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let unsafe = world.app.townRoutes.entries.filter { !CSRFGuard.isSafeMethod($0.method) }
        #expect(unsafe.count >= 15)
        for route in unsafe {
            var signedIn: Browser
            switch route.access {
            case .family: signedIn = try world.signedInFamily()
            case .staff: signedIn = try world.signedInStaff(role: .admin)
            default: signedIn = world.browser()
            }
            // A page with a form: the sign-in page for anonymous visitors, any page (its sign-out button) once signed in.
            signedIn.get(route.access == .anyone ? AccountPaths.signIn : (route.access == .family ? SpacePaths.home : StaffPaths.home))
            let token = signedIn.csrf
            #expect(!token.isEmpty)
            let path = Self.concrete(route.pattern)
            let wrong = (token.first == "0" ? "1" : "0") + token.dropFirst()
            for (fields, headers) in [([:], []), (["csrf": wrong], []), (["csrf": token], [("Origin", "http://evil.example")]),
                                      (["csrf": token], [("Origin", "http://clermontais.localhost:8080")])] as [([String: String], [(String, String)])] {
                let response = signedIn.post(path, fields, extraHeaders: headers)
                #expect(response.status.code == 403, "\(route.method) \(route.pattern) with \(fields.keys.sorted()) \(headers) → \(response.status)")
            }
            // The same request with the page's token is not refused as a forgery.
            let genuine = signedIn.post(path, ["csrf": token], extraHeaders: [("Origin", "http://\(signedIn.host)")])
            #expect(!(genuine.status.code == 403 && genuine.text.contains("Ce formulaire a expiré")), "\(route.pattern) refuses its own token")
        }
    }

    @Test func anonymousForms_useTheDoubleSubmitCookie() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var browser = world.browser()
        browser.get(AccountPaths.signIn)
        let token = try #require(browser.cookies["pf_form"])
        #expect(browser.csrf == token)
        var other = world.browser()
        other.get(AccountPaths.signIn)
        // A token from another browser's page does not match this browser's cookie.
        #expect(browser.post(AccountPaths.signIn, ["csrf": other.csrf, "courriel": "a@b.fr", "mot_de_passe": "x"]).status.code == 403)
        #expect(browser.post(AccountPaths.signIn, ["csrf": token, "courriel": "a@b.fr", "mot_de_passe": "x"]).status.code == 401)
    }

    /// ASVS 13.1.5: a body that is not a form is refused as such (415), with the right token too,
    /// on every state-changing route of the town and of the console; it changes nothing.
    @Test func everyStateChangingRoute_refusesABodyThatIsNotAForm() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        var family = try world.signedInFamily()
        var staff = try world.signedInStaff(role: .admin)
        family.get(SpacePaths.home)
        staff.get(StaffPaths.home)
        var visitor = world.browser()
        visitor.get(AccountPaths.signIn)
        for route in world.app.townRoutes.entries where !CSRFGuard.isSafeMethod(route.method) {
            var browser = route.access == .family ? family : (route.access == .anyone ? visitor : staff)
            let body = Array("{\"csrf\": \"\(browser.csrf)\"}".utf8)
            for type in ["application/json", "text/xml", "text/plain", nil] as [String?] {
                let response = browser.send(method: route.method, target: Self.concrete(route.pattern), body: body, contentType: type)
                #expect(response.status.code == 415, "\(route.method) \(route.pattern) with \(type ?? "no type") → \(response.status)")
            }
        }
        var console = Browser(app: world.app, host: "operateur.localhost:8080", address: "192.0.2.9")
        console.get(OperatorConsole.signInPath)
        let response = console.send(method: "POST", target: OperatorConsole.signInPath, body: Array("{}".utf8), contentType: "application/json")
        #expect(response.status.code == 415)
        #expect(family.get(SpacePaths.home).status.code == 200)
    }

    @Test func everyStateChangingOperatorRoute_refusesAMissingOrWrongToken() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        let unsafe = OperatorConsole.entries.filter { !CSRFGuard.isSafeMethod($0.method) }
        #expect(!unsafe.isEmpty)
        let email = AccountWorld.uniqueEmail("operateur")
        _ = try world.pool.withConnection { try OperatorStore.upsert(email: EmailAddress(email)!, displayName: "Opé", password: AccountWorld.password, in: $0) }
        // Signed out (the form cookie's token) and signed in (the session's token) alike.
        for signedIn in [false, true] {
        for route in unsafe {
            var console = Browser(app: world.app, host: "operateur.localhost:8080", address: "192.0.2.98")
            if signedIn {
                console.submit(from: OperatorConsole.signInPath, to: OperatorConsole.signInPath, ["courriel": email, "mot_de_passe": AccountWorld.password])
                console.get(OperatorConsole.homePath)
            } else {
                console.get(OperatorConsole.signInPath)
            }
            #expect(console.post(route.pattern, [:]).status.code == 403)
            #expect(console.post(route.pattern, ["csrf": String(repeating: "a", count: 64)]).status.code == 403)
            #expect(console.post(route.pattern, ["csrf": console.csrf], extraHeaders: [("Origin", "http://evil.example")]).status.code == 403)
        }
        }
    }

    @Test func noTownRoute_isAnOperatorRoute() throws {
        let world = try AccountWorld()
        defer { world.drop() }
        #expect(!world.app.townRoutes.entries.contains { $0.access == .operator })
        #expect(OperatorConsole.entries.contains { $0.access == .operator })
    }
}
