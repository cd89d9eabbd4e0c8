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
    private let router: Router<Route>

    public init(directory: TenantDirectory, database: TenantDatabase) {
        self.directory = directory
        self.database = database
        var assets = StaticAssets(cacheControl: "public, max-age=3600")
        assets.add(path: AssetPaths.stylesheet, contentType: "text/css; charset=utf-8", bytes: Array(Stylesheet.css.utf8))
        self.assets = assets
        var table = RouteTable()
        HomeRoutes.register(&table)
        self.router = table.router
    }

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        if request.path == "/healthz" { return health() }
        if let asset = assets.response(for: request) { return asset }
        guard let tenant = request.headers["host"].flatMap(directory.tenant(forHost:)) else {
            return .html(ErrorPages.unknownHost.render(), status: .notFound)
        }
        switch router.match(method: request.method, path: request.path) {
        case .found(let route, let parameters):
            let context = RequestContext(request: request, tenant: tenant, parameters: parameters, database: database)
            do {
                return try route.handle(context)
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
