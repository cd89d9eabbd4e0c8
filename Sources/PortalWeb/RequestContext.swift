import HTTPServer
import PortalCore

/// What a town's route handler gets: the request, the town it is for, and the path parameters.
struct RequestContext {
    let request: HTTPRequest
    let tenant: TenantConfig
    let parameters: [String: String]
}

typealias RouteHandler = @Sendable (RequestContext) throws -> HTTPResponse

/// Thrown by a handler when what the URL names does not exist for this town.
enum RouteError: Error {
    case notFound
}
