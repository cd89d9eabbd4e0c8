import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// « Mot de passe oublié » (same answer whatever the address) and the single-use reset link,
/// whose use ends every session of the account; for families and for staff alike.
enum PasswordResetHandlers {
    static func register(_ table: inout RouteTable, for audience: PasswordResetAudience) {
        table.add("GET", audience.forgottenPath, .anyone) { try showForgotten($0, audience) }
        table.add("POST", audience.forgottenPath, .anyone) { try submitForgotten($0, audience) }
        table.add("GET", audience.sentPath, .anyone) { showSent($0, audience) }
        table.add("GET", audience.resetPath, .anyone) { try showReset($0, audience) }
        table.add("POST", audience.resetPath, .anyone) { try submitReset($0, audience) }
    }

    static func showForgotten(_ context: RequestContext, _ audience: PasswordResetAudience) throws -> HTTPResponse {
        .html(AccountViews.forgotten(context, audience, email: "", errors: FieldErrors(), stamp: try AnonymousForms.stamp(context)))
    }

    static func showSent(_ context: RequestContext, _ audience: PasswordResetAudience) -> HTTPResponse {
        .html(AccountViews.mailSent(context, audience, title: "Vérifiez votre messagerie", text:
            "Si un compte correspond à cette adresse, un courriel vient d'être envoyé avec un lien pour choisir un nouveau mot de passe. Ce lien est valable 1 heure."))
    }

    static func submitForgotten(_ context: RequestContext, _ audience: PasswordResetAudience) throws -> HTTPResponse {
        try AnonymousForms.mailLink(context, purpose: audience.purpose.rawValue,
                                    page: { AccountViews.forgotten(context, audience, email: $0, errors: $1, stamp: $2) },
                                    sent: audience.sentPath, find: { try audience.account(email: $0, in: $1) }) { account, connection in
            let token = try TokenStore.issue(audience.purpose, kind: audience.kind, principalID: account.id, now: context.now, in: connection)
            try Outbox.enqueue(AccountMails.reset(context.tenant, to: account.email, link: context.baseURL + audience.resetPath + "?jeton=" + token),
                               now: context.now, in: connection)
        }
    }

    static func showReset(_ context: RequestContext, _ audience: PasswordResetAudience) throws -> HTTPResponse {
        let token = context.request.queryValue("jeton") ?? ""
        let valid = try context.transaction { try TokenStore.peek(token, purpose: audience.purpose, now: context.now, in: $0) } != nil
        return .html(AccountViews.reset(context, audience, token: valid ? token : nil, errors: FieldErrors()), status: valid ? .ok : .gone)
    }

    static func submitReset(_ context: RequestContext, _ audience: PasswordResetAudience) throws -> HTTPResponse {
        let tokenText = context.form.text("jeton")
        let password = context.form.value("mot_de_passe") ?? "", confirmation = context.form.value("confirmation") ?? ""
        enum Outcome { case done, invalidToken, errors(FieldErrors) }
        let outcome: Outcome = try context.transaction { connection in
            guard let token = try TokenStore.peek(tokenText, purpose: audience.purpose, now: context.now, in: connection),
                  let account = try audience.account(id: token.principalID, in: connection) else { return .invalidToken }
            var errors = FieldErrors()
            AccountValidation.newPassword(password, confirmation: confirmation, policy: context.tenant.passwordPolicy, email: account.email, into: &errors)
            guard errors.isEmpty else { return .errors(errors) }
            guard try TokenStore.consume(tokenText, purpose: audience.purpose, now: context.now, in: connection) != nil else { return .invalidToken }
            try audience.setPassword(id: account.id, password, now: context.now, in: connection)
            try SessionStore.deleteAll(kind: audience.kind, principalID: account.id, in: connection)
            try SecurityEvents.record(.passwordReset, principal: (audience.kind, account.id), email: account.email, ip: context.clientAddress,
                                      now: context.now, in: connection)
            try Outbox.enqueue(AccountMails.passwordChanged(context.tenant, to: account.email), now: context.now, in: connection)
            return .done
        }
        switch outcome {
        case .done:
            var response = HTTPResponse.redirect(to: audience.signInPath + "?ok=mot-de-passe-reinitialise")
            context.cookies.clearSession(on: &response)
            return response
        case .invalidToken:
            return .html(AccountViews.reset(context, audience, token: nil, errors: FieldErrors()), status: .gone)
        case .errors(let errors):
            return .html(AccountViews.reset(context, audience, token: tokenText, errors: errors), status: .unprocessableContent)
        }
    }
}
