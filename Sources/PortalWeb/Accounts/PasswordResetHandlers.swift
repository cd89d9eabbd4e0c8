import Foundation
import HTTPServer
import PortalCore
import PortalFlows

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
        .html(AccountViews.forgotten(context.staffChrome, audience, email: "", errors: FieldErrors(), stamp: try AnonymousForms.stamp(context)))
    }

    static func showSent(_ context: RequestContext, _ audience: PasswordResetAudience) -> HTTPResponse {
        .html(AccountViews.mailSent(context.staffChrome, audience, title: "Vérifiez votre messagerie", text:
            "Si un compte correspond à cette adresse, un courriel vient d'être envoyé avec un lien pour choisir un nouveau mot de passe. Ce lien est valable 1 heure."))
    }

    static func submitForgotten(_ context: RequestContext, _ audience: PasswordResetAudience) throws -> HTTPResponse {
        let typed = context.form.text("courriel")
        let errors = try RequestPasswordReset(town: context.town, links: .web).run(kind: audience.kind, typed: typed,
                                                                                   submission: context.anonymousSubmission, now: context.now)
        guard errors.isEmpty else {
            return .html(AccountViews.forgotten(context.staffChrome, audience, email: typed, errors: errors,
                                                stamp: try AnonymousForms.stamp(context)), status: .unprocessableContent)
        }
        return .redirect(to: audience.sentPath)
    }

    static func showReset(_ context: RequestContext, _ audience: PasswordResetAudience) throws -> HTTPResponse {
        let token = context.request.queryValue("jeton") ?? ""
        let valid = try PendingAccountLink(town: context.town).load(token, purpose: audience.kind.resetPurpose, now: context.now) != nil
        return .html(AccountViews.reset(context.staffChrome, audience, token: valid ? token : nil, errors: FieldErrors()), status: valid ? .ok : .gone)
    }

    static func submitReset(_ context: RequestContext, _ audience: PasswordResetAudience) throws -> HTTPResponse {
        let tokenText = context.form.text("jeton")
        let outcome = try ResetPassword(town: context.town).run(kind: audience.kind, token: tokenText, password: context.form.value("mot_de_passe") ?? "",
                                                                confirmation: context.form.value("confirmation") ?? "",
                                                                ip: context.clientAddress, now: context.now)
        switch outcome {
        case .done:
            var response = HTTPResponse.redirect(to: audience.signInPath + "?ok=mot-de-passe-reinitialise")
            context.cookies.clearSession(on: &response)
            return response
        case .invalidToken:
            return .html(AccountViews.reset(context.staffChrome, audience, token: nil, errors: FieldErrors()), status: .gone)
        case .refused(let errors):
            return .html(AccountViews.reset(context.staffChrome, audience, token: tokenText, errors: errors), status: .unprocessableContent)
        }
    }
}
