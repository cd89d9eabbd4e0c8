import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The operators' console on `operateur.<base domain>`: its own sign-in, sessions in
/// `platform.operator_sessions`, and pages no town host ever routes to. The same rules as on a
/// town apply: CSRF on every state-changing request, access checked before the handler.
final class OperatorConsole: Sendable {
    struct Context {
        let request: HTTPRequest
        let form: FormData
        let csrfToken: String
        let sessionToken: String?
        let signedIn: Operator?
        let now: Date
        let clientAddress: String

        var chrome: OperatorChrome { OperatorChrome(signedIn: signedIn, csrf: csrfToken) }
    }

    struct Page: Sendable {
        let access: Access
        let handle: @Sendable (OperatorConsole, Context) throws -> HTTPResponse
    }

    let data: OperatorConsoleData
    let database: TenantDatabase
    let settings: WebSettings
    let routes: Router<Page>

    /// Under a prefix of their own so that no operator path is also a town's path: on a town host
    /// they are simply not found.
    static let homePath = "/console"
    static let signInPath = "/console/connexion"
    static let signOutPath = "/console/deconnexion"

    static let table: [(String, String, Page)] = [
        ("GET", "/", Page(access: .anyone) { _, _ in .redirect(to: OperatorConsole.homePath) }),
        ("GET", OperatorConsole.homePath, Page(access: .operator) { console, context in try console.dashboard(context) }),
        ("GET", OperatorConsole.signInPath, Page(access: .anyone) { _, context in
            .html(OperatorViews.signIn(context.chrome, email: "", message: nil)) }),
        ("POST", OperatorConsole.signInPath, Page(access: .anyone) { console, context in try console.signIn(context) }),
        ("POST", OperatorConsole.signOutPath, Page(access: .anyone) { console, context in try console.signOut(context) }),
    ]

    /// Every route with its access, for the tests and `portal routes`, which enumerate them.
    static let entries: [(method: String, pattern: String, access: Access)] = table.map { ($0.0, $0.1, $0.2.access) }

    init(data: OperatorConsoleData, database: TenantDatabase, settings: WebSettings) {
        self.data = data
        self.database = database
        self.settings = settings
        var router = Router<Page>()
        for (method, pattern, page) in Self.table { router.add(method, pattern, page) }
        routes = router
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        guard case .found(let page, _) = routes.match(method: request.method, path: request.path) else {
            return .html(ErrorPages.standalone(title: "Page introuvable", message: "Cette page n'existe pas."), status: .notFound)
        }
        let now = settings.clock()
        let cookies = SessionCookies(mode: settings.mode)
        let sentToken = request.cookies[cookies.sessionName].flatMap { $0.isEmpty ? nil : $0 }
        var signedIn: Operator?
        var sessionCSRF: String?
        do {
            if let sentToken, let session = try OperatorSessionLookup(database: database).resolve(token: sentToken, lifetime: settings.sessionLifetime,
                                                                                                    now: now) {
                signedIn = session.signedIn
                sessionCSRF = session.csrfToken
            }
        } catch {
            return .html(ErrorPages.unavailable, status: .serviceUnavailable)
        }
        let formCookie = request.cookies[cookies.formName].flatMap { SecureToken.isWellFormed($0) ? $0 : nil }
        let newFormToken = formCookie == nil ? SecureToken.generate() : nil
        var form = FormData.empty
        if !CSRFGuard.isSafeMethod(request.method) {
            guard FormData.hasFormMediaType(request) else { return FormData.unsupportedMediaType }
            guard let parsed = FormData(request: request) else { return .text("Formulaire illisible", status: .badRequest) }
            form = parsed
            guard CSRFGuard.allows(request, form: parsed, expected: sessionCSRF ?? formCookie, scheme: settings.scheme) else {
                return .html(ErrorPages.standalone(title: "Accès refusé", message: TownPages.expiredForm), status: .forbidden)
            }
        }
        if page.access == .operator, signedIn == nil {
            guard CSRFGuard.isSafeMethod(request.method) else {
                return .html(ErrorPages.standalone(title: "Accès refusé", message: "Connectez-vous d'abord."), status: .forbidden)
            }
            return .redirect(to: Self.signInPath)
        }
        let context = Context(request: request, form: form, csrfToken: sessionCSRF ?? formCookie ?? newFormToken!,
                              sessionToken: signedIn == nil ? nil : sentToken, signedIn: signedIn, now: now,
                              clientAddress: ClientAddress.of(request, trustProxy: settings.trustProxy))
        var response: HTTPResponse
        do {
            response = try page.handle(self, context)
        } catch {
            response = .html(ErrorPages.unavailable, status: .serviceUnavailable)
        }
        if let newFormToken { cookies.setFormToken(newFormToken, on: &response) }
        let setsSession = response.headers.values(for: "set-cookie").contains { $0.hasPrefix(cookies.sessionName + "=") }
        if sentToken != nil, signedIn == nil, !setsSession { cookies.clearSession(on: &response) }
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    private func signIn(_ context: Context) throws -> HTTPResponse {
        let typed = context.form.text("courriel")
        let outcome = try OperatorSignIn(database: database).run(emailText: typed, password: context.form.value("mot_de_passe") ?? "",
                                                                 replacing: context.sessionToken,
                                                                 client: AccountClient(address: context.clientAddress, lifetime: settings.sessionLifetime),
                                                                 now: context.now)
        switch outcome {
        case .signedIn(let token):
            var response = HTTPResponse.redirect(to: Self.homePath)
            SessionCookies(mode: settings.mode).setSession(token, on: &response)
            return response
        case .refused(let message):
            return .html(OperatorViews.signIn(context.chrome, email: typed, message: message), status: .unauthorized)
        }
    }

    private func signOut(_ context: Context) throws -> HTTPResponse {
        if let token = context.sessionToken { try OperatorSignOut(database: database).run(session: token) }
        var response = HTTPResponse.redirect(to: Self.signInPath)
        SessionCookies(mode: settings.mode).endSession(on: &response)
        return response
    }

    /// Every town of every cluster with its health, failed e-mails of every cluster, and the
    /// tenant files that would not load: what an operator on call looks at first.
    private func dashboard(_ context: Context) throws -> HTTPResponse {
        let (failures, unreadable) = data.outboxFailures(limit: 50)
        return .html(OperatorViews.dashboard(context.chrome, tenants: data.tenants(), failures: failures,
                                             unreadableClusters: unreadable, fileProblems: data.pendingFileProblems()))
    }
}
