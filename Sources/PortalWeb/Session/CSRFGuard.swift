import HTTPServer
import PortalFlows
import PortalStore

/// Cross-site request forgery defence, applied by the application to every method other than
/// GET and HEAD on every route: the request must carry the expected token (the session's for a
/// signed-in user, the form cookie's for an anonymous form), and an `Origin` header, when the
/// browser sends one, must be this very host.
enum CSRFGuard {
    static let fieldName = "csrf"
    static let headerName = "X-CSRF-Token"

    static func isSafeMethod(_ method: String) -> Bool { method == "GET" || method == "HEAD" }

    static func allows(_ request: HTTPRequest, form: FormData, expected: String?, scheme: String) -> Bool {
        guard originIsOwnHost(request, scheme: scheme) else { return false }
        if request.headers["sec-fetch-site"]?.lowercased() == "cross-site" { return false }
        guard let expected, !expected.isEmpty,
              let sent = form.value(fieldName) ?? request.headers[headerName] else { return false }
        return constantTimeEquals(sent, expected)
    }

    /// RFC 6454 §7: a cross-site form post names its page's origin; ours must be `scheme://host`.
    static func originIsOwnHost(_ request: HTTPRequest, scheme: String) -> Bool {
        guard let origin = request.headers["origin"] else { return true }
        guard let host = request.headers["host"] else { return false }
        return origin.lowercased() == "\(scheme)://\(host.lowercased())"
    }
}
