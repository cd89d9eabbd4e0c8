import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// Who is signed in on this request, read from the session cookie by the application.
enum Principal: Sendable, Equatable {
    case family(Account)
    case staff(StaffAccount)
    case `operator`(Operator)

    init(_ holder: SessionLookup.Holder) {
        switch holder {
        case .family(let account): self = .family(account)
        case .staff(let account): self = .staff(account)
        }
    }
}

/// The client's address for rate limits and the audit trail: the socket's peer, or behind nginx
/// (`PORTAL_TRUST_PROXY=1`) the address nginx appended last to `X-Forwarded-For`.
enum ClientAddress {
    static func of(_ request: HTTPRequest, trustProxy: Bool) -> String {
        if trustProxy, let forwarded = request.headers["x-forwarded-for"],
           let last = forwarded.split(separator: ",").last {
            let address = last.trimmingCharacters(in: .whitespaces)
            if !address.isEmpty, address.count <= 64 { return address }
        }
        return request.remoteAddress
    }
}
