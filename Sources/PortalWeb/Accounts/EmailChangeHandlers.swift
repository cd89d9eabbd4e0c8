import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// Confirmation of a new login address by the link sent to it. Until then the old address
/// stays the account's; it was told of the request when it was made.
enum EmailChangeHandlers {
    static func showConfirmation(_ context: RequestContext) throws -> HTTPResponse {
        let token = context.request.queryValue("jeton") ?? ""
        let pending = try PendingAccountLink(town: context.town).load(token, purpose: .emailChange, now: context.now)
        return .html(AccountViews.confirmEmail(context.chrome, token: pending == nil ? nil : token, newEmail: pending?.newEmail, message: nil),
                     status: pending == nil ? .gone : .ok)
    }

    static func confirm(_ context: RequestContext) throws -> HTTPResponse {
        switch try ConfirmEmailChange(town: context.town).run(token: context.form.text("jeton"), ip: context.clientAddress, now: context.now) {
        case .done:
            return .redirect(to: (context.principal == nil ? AccountPaths.signIn : SpacePaths.account) + "?ok=courriel")
        case .invalid:
            return .html(AccountViews.confirmEmail(context.chrome, token: nil, newEmail: nil, message: nil), status: .gone)
        case .taken:
            return .html(AccountViews.confirmEmail(context.chrome, token: nil, newEmail: nil,
                                                   message: "Cette adresse est déjà celle d'un autre compte : le changement n'a pas été fait."), status: .conflict)
        }
    }
}
