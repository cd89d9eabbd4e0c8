import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalStore

/// The request handler of the whole portal: tenant resolution first (an unknown host is
/// answered before anything touches a tenant's data), then, for a town's route, the session,
/// the CSRF check and the route's access rule, all before the handler runs.
public final class PortalApplication: Sendable {
    private let directory: TenantDirectory
    private let database: TenantDatabase
    private let assets: StaticAssets
    let settings: WebSettings
    let townRoutes: RouteTable
    let operatorConsole: OperatorConsole

    public init(directory: TenantDirectory, database: TenantDatabase, settings: WebSettings = WebSettings()) {
        self.directory = directory
        self.database = database
        self.settings = settings
        var assets = StaticAssets(cacheControl: "public, max-age=3600")
        assets.add(path: AssetPaths.stylesheet, contentType: "text/css; charset=utf-8", bytes: Array(Stylesheet.css.utf8))
        self.assets = assets
        var table = RouteTable()
        HomeRoutes.register(&table)
        AccountRoutes.register(&table)
        CitizenSpaceRoutes.register(&table)
        StaffRoutes.register(&table)
        DossierRoutes.register(&table)
        DevMailRoutes.register(&table)
        self.townRoutes = table
        self.operatorConsole = OperatorConsole(directory: directory, database: database, settings: settings)
    }

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        if request.path == "/healthz" { return health() }
        if let asset = assets.response(for: request) { return asset }
        guard let host = request.headers["host"] else { return .html(ErrorPages.unknownHost.render(), status: .notFound) }
        if directory.isOperatorHost(host) { return operatorConsole.handle(request) }
        guard let tenant = directory.tenant(forHost: host) else {
            return .html(ErrorPages.unknownHost.render(), status: .notFound)
        }
        switch townRoutes.router.match(method: request.method, path: request.path) {
        case .found(let route, let parameters):
            return TownPipeline(tenant: tenant, database: database, settings: settings)
                .run(route, parameters: parameters, request: request)
        case .methodNotAllowed(let allowed):
            var response = HTTPResponse.text("Méthode non autorisée", status: .methodNotAllowed)
            response.headers.set("Allow", allowed.joined(separator: ", "))
            return response
        case .notFound:
            return .html(TownPages.notFound(tenant: tenant).render(), status: .notFound)
        }
    }

    /// Request bodies the server accepts per path: uploads get room for a 6 Mo file and the form
    /// around it, so the page (not the server) can say a file is too large up to that margin.
    public static func bodyLimit(method: String, path: String) -> Int {
        if method == "POST", path == SpacePaths.documents { return DocumentFormat.maximumBytes + 1024 * 1024 }
        return 1024 * 1024
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

    static func forbidden(tenant: TenantConfig, message: String) -> Node {
        Layout.page(tenant: tenant, title: "Accès refusé", content: [
            .h1([], ["Accès refusé"]),
            .p([], [.text(message)]),
            .p([], [.a([.class("button"), .href("/")], ["Retour à l'accueil"])]),
        ])
    }

    static let expiredForm = "Ce formulaire a expiré ou ne vient pas de ce portail. Revenez en arrière, rechargez la page puis recommencez."
}
