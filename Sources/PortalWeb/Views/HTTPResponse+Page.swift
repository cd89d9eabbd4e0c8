import HTML
import HTTPServer

extension HTTPResponse {
    /// A page of nodes, rendered straight into the body's bytes (no String on the way).
    static func html(_ page: Node, status: HTTPStatus = .ok) -> HTTPResponse {
        .html(page.renderedBytes(), status: status)
    }
}
