import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalStore

/// The request handler of the whole portal: tenant resolution first (an unknown host is
/// answered before anything touches a tenant's data), then the town's routes.
public final class PortalApplication: Sendable {
    private let directory: TenantDirectory
    private let databases: TenantDatabases
    private let operations: ApplicationOperations
    private let assets: StaticAssets
    private let router: Router<Route>

    /// Every town on one database, logs discarded.
    public convenience init(directory: TenantDirectory, database: TenantDatabase) {
        let databases = TenantDatabases(default: database)
        self.init(directory: directory, databases: databases, operations: ApplicationOperations(databases: databases))
    }

    public init(directory: TenantDirectory, databases: TenantDatabases, operations: ApplicationOperations) {
        self.directory = directory
        self.databases = databases
        self.operations = operations
        var assets = StaticAssets(cacheControl: "public, max-age=3600")
        assets.add(path: AssetPaths.stylesheet, contentType: "text/css; charset=utf-8", bytes: Array(Stylesheet.css.utf8))
        self.assets = assets
        var table = RouteTable()
        HomeRoutes.register(&table)
        self.router = table.router
    }

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let started = ContinuousClock.now
        var trace = RequestTrace()
        let response = respond(to: request, trace: &trace)
        operations.observer.record(request, trace: trace, status: response.status.code, started: started)
        return response
    }

    private func respond(to request: HTTPRequest, trace: inout RequestTrace) -> HTTPResponse {
        if request.path == "/healthz" {
            trace.route = "/healthz"
            return health()
        }
        if let asset = assets.response(for: request) {
            trace.route = "static"
            return asset
        }
        if let response = operations.operatorResponse(to: request, directory: directory, trace: &trace) { return response }
        guard let tenant = request.headers["host"].flatMap(directory.tenant(forHost:)) else {
            return .html(ErrorPages.unknownHost.render(), status: .notFound)
        }
        trace.tenant = tenant.id
        if let response = operations.suspensionResponse(for: tenant) { return response }
        guard let database = databases.database(for: tenant) else {
            return .html(ErrorPages.unavailable.render(), status: .serviceUnavailable)
        }
        switch router.match(method: request.method, path: request.path) {
        case .found(let route, let parameters):
            trace.route = route.pattern
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

    /// 200 when every cluster answers, so a load balancer can tell a process cut off from one.
    private func health() -> HTTPResponse {
        let down = databases.names.filter { !databases.clusters[$0]!.isReachable() }
        return down.isEmpty ? .text("ok") : .text("base de données injoignable : \(down.joined(separator: ", "))", status: .serviceUnavailable)
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
