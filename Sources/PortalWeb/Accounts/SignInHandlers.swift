import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// « Connectez-vous au Portail » and sign-out.
enum SignInHandlers {
    static func show(_ context: RequestContext) throws -> HTTPResponse {
        .html(AccountViews.signIn(context, email: "", message: nil))
    }

    static func submit(_ context: RequestContext) throws -> HTTPResponse {
        let typed = context.form.text("courriel")
        let outcome = try SignInAttempt.run(context, kind: .family, emailText: typed, password: context.form.value("mot_de_passe") ?? "") { email, connection in
            try AccountStore.authenticate(email: email, password: context.form.value("mot_de_passe") ?? "", in: connection)
                .map { SignInAttempt.Found(id: $0.id, email: $0.email, isActivated: $0.isActivated) }
        }
        switch outcome {
        case .signedIn(let token):
            var response = HTTPResponse.redirect(to: ReturnPath.sanitized(context.form.value("retour"), default: SpacePaths.home))
            context.cookies.setSession(token, on: &response)
            return response
        case .wrongCredentials(let throttle):
            let message = SignInAttempt.wrongCredentialsMessage + (throttle.map { " " + $0 } ?? "")
            return .html(AccountViews.signIn(context, email: typed, message: message), status: throttle == nil ? .unauthorized : .tooManyRequests)
        case .throttled(let message):
            return .html(AccountViews.signIn(context, email: typed, message: message), status: .tooManyRequests)
        case .notActivated:
            return .html(AccountViews.signIn(context, email: typed, message: "Votre compte n'est pas encore activé : ouvrez le lien reçu par courriel, ou demandez un nouveau lien.",
                                             showResend: true), status: .forbidden)
        }
    }

    /// Ends the session server-side and clears the cookie (families and staff alike).
    static func signOut(_ context: RequestContext, then location: String) throws -> HTTPResponse {
        if let token = context.sessionToken {
            try context.transaction { connection in
                try SessionStore.delete(token: token, in: connection)
                switch context.principal {
                case .family(let account)?:
                    try SecurityEvents.record(.signOut, principal: (.family, account.id), email: account.email, ip: context.clientAddress, now: context.now, in: connection)
                case .staff(let account)?:
                    try SecurityEvents.record(.signOut, principal: (.staff, account.id), email: account.email, ip: context.clientAddress, now: context.now, in: connection)
                default: break
                }
            }
        }
        var response = HTTPResponse.redirect(to: location)
        context.cookies.endSession(on: &response)
        return response
    }
}
