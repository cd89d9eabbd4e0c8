import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalStore

/// The request handler of the whole portal: tenant resolution first (an unknown host is
/// answered before anything touches a tenant's data), then the town's routes.
public final class PortalApplication: Sendable {
    private let directory: TenantDirectory
    private let database: TenantDatabase
    private let assets: StaticAssets
    private let router: Router<RouteHandler>

    public init(directory: TenantDirectory, database: TenantDatabase) {
        self.directory = directory
        self.database = database
        var assets = StaticAssets(cacheControl: "public, max-age=3600")
        assets.add(path: AssetPaths.stylesheet, contentType: "text/css; charset=utf-8", bytes: Array(Stylesheet.css.utf8))
        self.assets = assets
        self.router = PortalApplication.routes(database: database)
    }

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        if request.path == "/healthz" { return health() }
        if let asset = assets.response(for: request) { return asset }
        guard let tenant = request.headers["host"].flatMap(directory.tenant(forHost:)) else {
            return .html(ErrorPages.unknownHost.render(), status: .notFound)
        }
        switch router.match(method: request.method, path: request.path) {
        case .found(let handler, let parameters):
            do {
                return try handler(RequestContext(request: request, tenant: tenant, parameters: parameters))
            } catch RouteError.notFound {
                return .html(TownPages.notFound(tenant: tenant).render(), status: .notFound)
            } catch {
                return .html(ErrorPages.unavailable.render(), status: .serviceUnavailable)
            }
        case .methodNotAllowed(let allowed):
            var response = HTTPResponse.text("Méthode non autorisée", status: .methodNotAllowed)
            response.headers.set("Allow", allowed.joined(separator: ", "))
            return response
        case .notFound:
            return .html(TownPages.notFound(tenant: tenant).render(), status: .notFound)
        }
    }

    private func health() -> HTTPResponse {
        database.isReachable() ? .text("ok") : .text("base de données injoignable", status: .serviceUnavailable)
    }

    private static func routes(database: TenantDatabase) -> Router<RouteHandler> {
        var router = Router<RouteHandler>()
        router.add("GET", "/") { context in
            let news = try database.transaction(schema: context.tenant.schema) { try NewsStore.latest(limit: 5, in: $0) }
            return .html(HomePage.render(tenant: context.tenant, news: news).render())
        }
        for tab in PortalTab.allCases {
            router.add("GET", TabPaths.path(for: tab)) { context in
                // A tab the town has not enabled does not exist on its portal.
                guard context.tenant.tabs.contains(tab) else { throw RouteError.notFound }
                return .html(TabPage.render(tenant: context.tenant, tab: tab).render())
            }
        }
        router.add("GET", AssetPaths.theme) { context in
            var response = HTTPResponse(status: .ok, body: Array(Theme.css(for: context.tenant).utf8))
            response.headers.set("Content-Type", "text/css; charset=utf-8")
            response.headers.set("Cache-Control", "public, max-age=300")
            return response
        }
        return router
    }
}

enum Theme {
    /// Colours are validated as `#RRGGBB` when the tenant file is loaded, so they are safe in CSS.
    static func css(for tenant: TenantConfig) -> String {
        ":root { --primary: \(tenant.branding.primaryColor); --accent: \(tenant.branding.accentColor); }\n"
    }
}

enum TownPages {
    static func notFound(tenant: TenantConfig) -> Node {
        Layout.page(tenant: tenant, title: "Page introuvable", content: [
            .h1([], ["Page introuvable"]),
            .p([], ["Cette page n'existe pas ou n'est plus disponible."]),
            .p([], [.a([.class("button"), .href("/")], ["Retour à l'accueil"])]),
        ])
    }
}
