import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// What a town's route handler gets: the request, the town it is for, the path parameters,
/// that town's database (handed to flows through `town`, so a flow only ever works on this
/// town), who is signed in, the parsed form, the token its forms must carry, and the request's
/// instant.
struct RequestContext {
    let request: HTTPRequest
    let tenant: TenantConfig
    let parameters: [String: String]
    let database: TenantDatabase
    let settings: WebSettings
    let principal: Principal?
    /// The cookie's token when its session is live, so that sign-out can end it.
    let sessionToken: String?
    /// The value forms must send back as `csrf`: the session's, or the anonymous form cookie's.
    let csrfToken: String
    let form: FormData
    let now: Date
    let clientAddress: String
    /// Staff messages the signed-in family has not opened yet, for the Messagerie tab; nil when
    /// the town has no Messagerie or nobody of a family is signed in.
    var unreadMessages: Int? = nil

    var cookies: SessionCookies { SessionCookies(mode: settings.mode) }

    /// `scheme://host[:port]` of this request: the host is one the directory mapped to this town.
    var baseURL: String { "\(settings.scheme)://\(request.headers["host"] ?? tenant.hosts.subdomain)" }

    /// The signed-in family; routes declared `.family` always have one.
    var family: Account {
        get throws {
            guard case .family(let account) = principal else { throw RouteError.forbidden }
            return account
        }
    }

    /// The signed-in staff member; routes declared `.staff` always have one.
    var staff: StaffAccount {
        get throws {
            guard case .staff(let account) = principal else { throw RouteError.forbidden }
            return account
        }
    }
}

/// Who may call a route. The application checks it before the handler runs, so a handler
/// never has to remember to; the security suite reads it from the route table as its oracle.
enum Access: Sendable, Equatable {
    /// Anyone, signed in or not.
    case anyone
    /// A signed-in family account.
    case family
    /// A signed-in staff member of this town holding one of these roles.
    case staff(Set<StaffRole>)
    /// A signed-in operator, on the operator host only.
    case `operator`

    static let anyStaff = Access.staff(Set(StaffRole.allCases))
}

struct Route: Sendable {
    /// As registered (`/actualites/:id`): what request logs name, never the raw path.
    let pattern: String
    let access: Access
    /// The family tab the route belongs to: in a town that has not enabled it, the route does not
    /// exist (404 before the access rule, so not even a sign-in redirect tells it apart).
    var tab: PortalTab? = nil
    /// A signed-in GET page reused while nothing it shows can have changed (`PageCache`).
    var reusable = false
    let handle: @Sendable (RequestContext) throws -> HTTPResponse
}

/// Routes are grouped by area (`HomeRoutes`, …); each area adds its own to the table.
struct RouteTable {
    private(set) var router = Router<Route>()
    /// Every route with its access, for the tests that enumerate them.
    private(set) var entries: [(method: String, pattern: String, access: Access)] = []

    mutating func add(_ method: String, _ pattern: String, _ access: Access, tab: PortalTab? = nil, reusable: Bool = false,
                      _ handle: @escaping @Sendable (RequestContext) throws -> HTTPResponse) {
        router.add(method, pattern, Route(pattern: pattern, access: access, tab: tab, reusable: reusable && method == "GET", handle: handle))
        entries.append((method, pattern, access))
    }
}

/// Thrown by a handler when what the URL names does not exist for this town, or may not be
/// seen by whoever asks.
enum RouteError: Error {
    case notFound
    case forbidden
    case badRequest
}
