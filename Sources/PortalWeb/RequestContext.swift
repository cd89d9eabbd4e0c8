import HTTPServer
import PortalCore
import PortalStore
import Postgres

/// What a town's route handler gets: the request, the town it is for, the path parameters,
/// and that town's database, so that a handler can only ever open a transaction on its own town.
struct RequestContext {
    let request: HTTPRequest
    let tenant: TenantConfig
    let parameters: [String: String]
    let database: TenantDatabase

    /// A transaction bound to this town's schema (search_path set transaction-locally).
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try database.transaction(schema: tenant.schema, body)
    }
}

/// Who may call a route. The application checks it before the handler runs, so a handler
/// never has to remember to; the security suite reads it from the route table as its oracle.
enum Access: Sendable, Equatable {
    /// Anyone, signed in or not.
    case anyone
}

struct Route: Sendable {
    /// As registered (`/actualites/:id`): what request logs name, never the raw path.
    let pattern: String
    let access: Access
    let handle: @Sendable (RequestContext) throws -> HTTPResponse
}

/// Routes are grouped by area (`HomeRoutes`, …); each area adds its own to the table.
struct RouteTable {
    private(set) var router = Router<Route>()

    mutating func add(_ method: String, _ pattern: String, _ access: Access,
                      _ handle: @escaping @Sendable (RequestContext) throws -> HTTPResponse) {
        router.add(method, pattern, Route(pattern: pattern, access: access, handle: handle))
    }
}

/// Thrown by a handler when what the URL names does not exist for this town.
enum RouteError: Error {
    case notFound
}
