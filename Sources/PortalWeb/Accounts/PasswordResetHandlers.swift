import Foundation
import HTTPServer
import PortalCore
import PortalStore

/// « Mot de passe oublié » (same answer whatever the address) and the single-use reset link,
/// whose use ends every session of the account.
enum PasswordResetHandlers {
    static func showForgotten(_ context: RequestContext) throws -> HTTPResponse {
        .html(AccountViews.forgotten(context, email: "", errors: FieldErrors(), stamp: try AnonymousForms.stamp(context)).render())
    }

    static func submitForgotten(_ context: RequestContext) throws -> HTTPResponse {
        try AnonymousForms.mailLinkToAccount(context, purpose: "reset", page: { AccountViews.forgotten(context, email: $0, errors: $1, stamp: $2) },
                                             sent: AccountPaths.forgottenSent) { account, connection in
            let token = try TokenStore.issue(.reset, kind: .family, principalID: account.id, now: context.now, in: connection)
            try Outbox.enqueue(AccountMails.reset(context.tenant, to: account.email, link: context.baseURL + AccountPaths.reset + "?jeton=" + token),
                               now: context.now, in: connection)
        }
    }

    static func showReset(_ context: RequestContext) throws -> HTTPResponse {
        let token = context.request.queryValue("jeton") ?? ""
        let valid = try context.transaction { try TokenStore.peek(token, purpose: .reset, now: context.now, in: $0) } != nil
        return .html(AccountViews.reset(context, token: valid ? token : nil, errors: FieldErrors()).render(), status: valid ? .ok : .gone)
    }

    static func submitReset(_ context: RequestContext) throws -> HTTPResponse {
        let tokenText = context.form.text("jeton")
        let password = context.form.value("mot_de_passe") ?? "", confirmation = context.form.value("confirmation") ?? ""
        enum Outcome { case done, invalidToken, errors(FieldErrors) }
        let outcome: Outcome = try context.transaction { connection in
            guard let token = try TokenStore.peek(tokenText, purpose: .reset, now: context.now, in: connection),
                  let account = try AccountStore.find(id: token.principalID, in: connection) else { return .invalidToken }
            var errors = FieldErrors()
            AccountValidation.newPassword(password, confirmation: confirmation, policy: context.tenant.passwordPolicy, email: account.email, into: &errors)
            guard errors.isEmpty else { return .errors(errors) }
            guard try TokenStore.consume(tokenText, purpose: .reset, now: context.now, in: connection) != nil else { return .invalidToken }
            try AccountStore.setPassword(id: account.id, password: password, in: connection)
            // The link proves the mailbox, as activation would.
            try AccountStore.activate(id: account.id, now: context.now, in: connection)
            try SessionStore.deleteAll(kind: .family, principalID: account.id, in: connection)
            try SecurityEvents.record(.passwordReset, principal: (.family, account.id), email: account.email, ip: context.clientAddress, now: context.now, in: connection)
            try Outbox.enqueue(AccountMails.passwordChanged(context.tenant, to: account.email), now: context.now, in: connection)
            return .done
        }
        switch outcome {
        case .done:
            var response = HTTPResponse.redirect(to: AccountPaths.signIn + "?ok=mot-de-passe-reinitialise")
            context.cookies.clearSession(on: &response)
            return response
        case .invalidToken:
            return .html(AccountViews.reset(context, token: nil, errors: FieldErrors()).render(), status: .gone)
        case .errors(let errors):
            return .html(AccountViews.reset(context, token: tokenText, errors: errors).render(), status: .unprocessableContent)
        }
    }
}
