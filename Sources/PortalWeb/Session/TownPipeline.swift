import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// Everything a town request goes through before its handler: session from the cookie, the
/// parsed form, the CSRF check for state-changing methods, the route's access rule; and after
/// it, the cookies the pipeline owns (anonymous form token, clearing a dead session).
struct TownPipeline {
    let tenant: TenantConfig
    let database: TenantDatabase
    let settings: WebSettings
    let pages: PageCache

    func run(_ route: Route, parameters: [String: String], request: HTTPRequest) -> HTTPResponse {
        if let tab = route.tab, !tenant.tabs.contains(tab) {
            return .html(TownPages.notFound(tenant: tenant), status: .notFound)
        }
        let now = settings.clock()
        let cookies = SessionCookies(mode: settings.mode)
        let sentToken = request.cookies[cookies.sessionName].flatMap { $0.isEmpty ? nil : $0 }
        let formCookie = request.cookies[cookies.formName].flatMap { SecureToken.isWellFormed($0) ? $0 : nil }
        let newFormToken = formCookie == nil ? SecureToken.generate() : nil
        var response: HTTPResponse
        var signedIn = true
        // Taken before any read: a change committed after it makes the page rendered now stale.
        let reuse = reusableKey(route, request: request, sentToken: sentToken).flatMap { key in
            database.changes.stamp(schema: tenant.schema).map { (key, $0) }
        }
        if let (key, stamp) = reuse, let page = pages.response(for: key, stamp: stamp, now: now) {
            response = page
        } else {
            let session: SessionLookup.Live?
            do {
                session = try sentToken.flatMap {
                    try SessionLookup(tenant: tenant, database: database).resolve(token: $0, now: now, lifetime: settings.sessionLifetime)
                }
            } catch {
                return .html(ErrorPages.unavailable, status: .serviceUnavailable)
            }
            signedIn = session != nil
            response = respond(route, parameters: parameters, request: request, now: now, principal: session.map { Principal($0.holder) },
                               unreadMessages: session?.unreadMessages, sessionToken: session == nil ? nil : sentToken,
                               expectedToken: session?.csrf ?? formCookie, pageToken: session?.csrf ?? formCookie ?? newFormToken!)
            if let (key, stamp) = reuse, let session, response.status == .ok {
                pages.store(response, for: key, stamp: stamp, now: now, sessionEnds: session.ends)
            }
        }
        if let newFormToken { cookies.setFormToken(newFormToken, on: &response) }
        let setsSession = response.headers.values(for: "set-cookie").contains { $0.hasPrefix(cookies.sessionName + "=") }
        if sentToken != nil, !signedIn, !setsSession { cookies.clearSession(on: &response) }
        // A handler's stricter private, no-store (files) is kept; anything else becomes no-store.
        if signedIn, response.headers["cache-control"]?.contains("no-store") != true { response.headers.set("Cache-Control", "no-store") }
        return response
    }

    /// Where a reusable route's page is kept: per town, session and full request target (the
    /// host too, since a town may answer on several).
    private func reusableKey(_ route: Route, request: HTTPRequest, sentToken: String?) -> PageCache.Key? {
        guard route.reusable, request.method == "GET", let sentToken, SecureToken.isWellFormed(sentToken) else { return nil }
        return PageCache.Key(schema: tenant.schema, sessionToken: sentToken, target: (request.headers["host"] ?? "") + request.target)
    }

    /// The route's answer, or the refusal of the CSRF check or of the access rule.
    private func respond(_ route: Route, parameters: [String: String], request: HTTPRequest, now: Date, principal: Principal?,
                         unreadMessages: Int?, sessionToken: String?, expectedToken: String?, pageToken: String) -> HTTPResponse {
        let form: FormData
        if CSRFGuard.isSafeMethod(request.method) {
            form = .empty
        } else {
            guard FormData.hasFormMediaType(request) else { return FormData.unsupportedMediaType }
            guard let parsed = FormData(request: request) else { return .text("Formulaire illisible", status: .badRequest) }
            form = parsed
            // The token a page was rendered with: the session's when signed in, else the form cookie's.
            guard CSRFGuard.allows(request, form: parsed, expected: expectedToken, scheme: settings.scheme) else {
                return .html(TownPages.forbidden(tenant: tenant, message: TownPages.expiredForm), status: .forbidden)
            }
        }
        if let refusal = AccessRules.refusal(route.access, principal: principal, request: request, tenant: tenant) {
            return refusal
        }
        let context = RequestContext(
            request: request, tenant: tenant, parameters: parameters, database: database, settings: settings,
            principal: principal, sessionToken: sessionToken, csrfToken: pageToken, form: form, now: now,
            clientAddress: ClientAddress.of(request, trustProxy: settings.trustProxy), unreadMessages: unreadMessages)
        do {
            return try route.handle(context)
        } catch RouteError.notFound, FlowError.notFound {
            return .html(TownPages.notFound(tenant: tenant), status: .notFound)
        } catch RouteError.forbidden, FlowError.forbidden {
            return .html(TownPages.forbidden(tenant: tenant, message: "Vous n'avez pas accès à cette page."), status: .forbidden)
        } catch RouteError.badRequest {
            return .text("Requête invalide", status: .badRequest)
        } catch {
            return .html(ErrorPages.unavailable, status: .serviceUnavailable)
        }
    }
}

/// The answer when a route's access rule is not met, or nil when it is.
enum AccessRules {
    static func refusal(_ access: Access, principal: Principal?, request: HTTPRequest, tenant: TenantConfig) -> HTTPResponse? {
        switch (access, principal) {
        case (.anyone, _):
            return nil
        case (.family, .family?):
            return nil
        case (.staff(let roles), .staff(let account)?) where roles.contains(account.role):
            return nil
        case (.family, nil):
            return signInFirst(request, signInPath: AccountPaths.signIn, tenant: tenant)
        case (.staff, nil):
            return signInFirst(request, signInPath: StaffPaths.signIn, tenant: tenant)
        case (.family, _):
            return forbidden(tenant, "Cette page est réservée aux familles connectées à leur compte.")
        case (.staff, .staff?):
            return forbidden(tenant, "Votre rôle ne donne pas accès à cette page.")
        case (.staff, _):
            return forbidden(tenant, "Cette page est réservée au personnel de la collectivité.")
        case (.operator, _):
            return .html(TownPages.notFound(tenant: tenant), status: .notFound)
        }
    }

    private static func signInFirst(_ request: HTTPRequest, signInPath: String, tenant: TenantConfig) -> HTTPResponse {
        guard CSRFGuard.isSafeMethod(request.method) else {
            return forbidden(tenant, "Votre session a expiré. Reconnectez-vous puis recommencez.")
        }
        return .redirect(to: signInPath + "?retour=" + ReturnPath.encode(request.target))
    }

    private static func forbidden(_ tenant: TenantConfig, _ message: String) -> HTTPResponse {
        .html(TownPages.forbidden(tenant: tenant, message: message), status: .forbidden)
    }
}

/// Where to go after signing in: only a path of this site, never another site's address.
enum ReturnPath {
    static func sanitized(_ text: String?, default fallback: String) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"),
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }), text.count <= 500
        else { return fallback }
        return text
    }

    static func encode(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-_.~")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
    }
}
