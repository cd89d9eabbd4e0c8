import Foundation
import HTML
public import HTTPServer
import PortalCore
import PortalFlows
public import PortalStore

/// The request handler of the whole portal: tenant resolution first (an unknown host is
/// answered before anything touches a tenant's data), then, for a town's route, the session,
/// the CSRF check and the route's access rule, all before the handler runs. The operator host
/// has its own pages (metrics, the operator console) and none of the towns'.
public final class PortalApplication: Sendable {
    private let directory: TenantDirectory
    private let databases: TenantDatabases
    private let operations: ApplicationOperations
    private let assets: StaticAssets
    let settings: WebSettings
    let townRoutes: RouteTable
    let operatorConsole: OperatorConsole
    private let pages = PageCache()

    /// Every town on one database, logs discarded.
    public convenience init(directory: TenantDirectory, database: TenantDatabase, settings: WebSettings = WebSettings()) {
        let databases = TenantDatabases(default: database)
        self.init(directory: directory, databases: databases, operations: ApplicationOperations(databases: databases), settings: settings)
    }

    public init(directory: TenantDirectory, databases: TenantDatabases, operations: ApplicationOperations, settings: WebSettings = WebSettings()) {
        self.directory = directory
        self.databases = databases
        self.operations = operations
        self.settings = settings
        var assets = StaticAssets(cacheControl: "public, max-age=3600")
        assets.add(path: AssetPaths.stylesheet, contentType: "text/css; charset=utf-8", bytes: Array((Stylesheet.css + MessagingStyles.css + BackOfficeStyles.css).utf8))
        // The portal's one script, optional: uploads' size check and the password fields' help.
        assets.add(path: AssetPaths.script, contentType: "text/javascript; charset=utf-8",
                   bytes: Array((UploadSizeCheck.script + "\n" + PasswordScript.javascript).utf8))
        self.assets = assets
        self.townRoutes = Self.townRouteTable()
        // Operator accounts and sessions live in the default cluster's `platform` schema.
        self.operatorConsole = OperatorConsole(
            data: OperatorConsoleData(directory: directory, databases: databases,
                                      tenantsDirectory: settings.tenantsDirectory, sqlDirectory: settings.sqlDirectory),
            database: databases.primary, settings: settings)
    }

    /// Every town route, in the order the areas register them.
    static func townRouteTable() -> RouteTable {
        var table = RouteTable()
        HomeRoutes.register(&table)
        AccountRoutes.register(&table)
        CitizenSpaceRoutes.register(&table)
        StaffRoutes.register(&table)
        StaffAccountHandlers.register(&table)
        FirstAdministratorHandlers.register(&table)
        DossierRoutes.register(&table)
        BookingRoutes.register(&table)
        DrawPages.register(&table)
        InvoicingRoutes.register(&table)
        BackOfficeRoutes.register(&table)
        MessagingRoutes.register(&table)
        NewsRoutes.register(&table)
        TownDocumentRoutes.register(&table)
        return table
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
        if let host = request.headers["host"], OperatorHost.matches(host, baseDomains: directory.baseDomains) {
            trace.route = "console"
            return operatorConsole.handle(request)
        }
        for site in settings.development.sites {
            if let response = site(request, handle) { return response }
        }
        guard let tenant = request.headers["host"].flatMap(directory.tenant(forHost:)) else {
            return .html(ErrorPages.unknownHost, status: .notFound)
        }
        trace.tenant = tenant.id
        if let response = operations.suspensionResponse(for: tenant) { return response }
        guard let database = databases.database(for: tenant) else {
            return .html(ErrorPages.unavailable, status: .serviceUnavailable)
        }
        for page in settings.development.townPages {
            if let response = page(request, tenant) {
                trace.route = "development"
                return response
            }
        }
        if let response = PayFiPNotificationEndpoint.respond(to: request, tenant: tenant, database: database, settings: settings) { return response }
        switch townRoutes.router.match(method: request.method, path: request.path) {
        case .found(let route, let parameters):
            trace.route = route.pattern
            return TownPipeline(tenant: tenant, database: database, settings: settings, pages: pages)
                .run(route, parameters: parameters, request: request)
        case .methodNotAllowed(let allowed):
            var response = HTTPResponse.text("Méthode non autorisée", status: .methodNotAllowed)
            response.headers.set("Allow", allowed.joined(separator: ", "))
            return response
        case .notFound:
            return .html(TownPages.notFound(tenant: tenant), status: .notFound)
        }
    }

    /// Request bodies the server accepts per path: uploads get room for a 6 Mo file and the form
    /// around it, so the page (not the server) can say a file is too large up to that margin.
    public static func bodyLimit(method: String, path: String) -> Int {
        if method == "POST", path == SpacePaths.documents { return DocumentFormat.maximumBytes + 1024 * 1024 }
        if method == "POST", DossierPaths.isChildForm(path) { return ChildPhoto.maximumBytes + 1024 * 1024 }
        if MessagingPaths.acceptsAttachments(method: method, path: path) { return MessagingUploads.bodyLimit }
        if method == "POST", path == TownDocumentPaths.staffList { return DocumentFormat.maximumBytes + 1024 * 1024 }
        return 1024 * 1024
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

    static func forbidden(tenant: TenantConfig, message: String) -> Node {
        Layout.page(tenant: tenant, title: "Accès refusé", content: [
            .h1([], ["Accès refusé"]),
            .p([], [.text(message)]),
            .p([], [.a([.class("button"), .href("/")], ["Retour à l'accueil"])]),
        ])
    }

    static let expiredForm = "Ce formulaire a expiré ou ne vient pas de ce portail. Revenez en arrière, rechargez la page puis recommencez."
}
