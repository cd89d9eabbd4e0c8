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
        let pending = try context.transaction { try TokenStore.peek(token, purpose: .emailChange, now: context.now, in: $0) }
        return .html(AccountViews.confirmEmail(context, token: pending == nil ? nil : token, newEmail: pending?.newEmail, message: nil),
                     status: pending == nil ? .gone : .ok)
    }

    static func confirm(_ context: RequestContext) throws -> HTTPResponse {
        enum Outcome { case done, invalid, taken }
        let outcome: Outcome = try context.transaction { connection in
            guard let token = try TokenStore.consume(context.form.text("jeton"), purpose: .emailChange, now: context.now, in: connection),
                  token.kind == .family, let newEmail = token.newEmail.flatMap(EmailAddress.init),
                  let account = try AccountStore.find(id: token.principalID, in: connection) else { return .invalid }
            guard try AccountStore.setEmail(id: account.id, email: newEmail, in: connection) else { return .taken }
            try SecurityEvents.record(.emailChange, principal: (.family, account.id), email: newEmail.value,
                                      ip: context.clientAddress, detail: "ancienne adresse : \(account.email)", now: context.now, in: connection)
            return .done
        }
        switch outcome {
        case .done:
            return .redirect(to: (context.principal == nil ? AccountPaths.signIn : SpacePaths.account) + "?ok=courriel")
        case .invalid:
            return .html(AccountViews.confirmEmail(context, token: nil, newEmail: nil, message: nil), status: .gone)
        case .taken:
            return .html(AccountViews.confirmEmail(context, token: nil, newEmail: nil,
                                                   message: "Cette adresse est déjà celle d'un autre compte : le changement n'a pas été fait."), status: .conflict)
        }
    }
}
