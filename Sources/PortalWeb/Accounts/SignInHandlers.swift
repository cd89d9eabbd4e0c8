import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// « Connectez-vous au Portail » and sign-out.
enum SignInHandlers {
    static func show(_ context: RequestContext) throws -> HTTPResponse {
        .html(AccountViews.signIn(context.chrome, email: "", message: nil, returnPath: context.signInReturnPath, notice: context.noticeCode))
    }

    static func submit(_ context: RequestContext) throws -> HTTPResponse {
        let typed = context.form.text("courriel")
        let outcome = try SignIn(town: context.town).run(kind: .family, emailText: typed, password: context.form.value("mot_de_passe") ?? "",
                                                         replacing: context.sessionToken, client: context.accountClient, now: context.now)
        func page(_ message: String, showResend: Bool = false) -> Node {
            AccountViews.signIn(context.chrome, email: typed, message: message, showResend: showResend, returnPath: context.signInReturnPath,
                                notice: context.noticeCode)
        }
        switch outcome {
        case .signedIn(let token):
            var response = HTTPResponse.redirect(to: ReturnPath.sanitized(context.form.value("retour"), default: SpacePaths.home))
            context.cookies.setSession(token, on: &response)
            return response
        case .wrongCredentials(let throttle):
            let message = SignIn.wrongCredentialsMessage + (throttle.map { " " + $0 } ?? "")
            return .html(page(message), status: throttle == nil ? .unauthorized : .tooManyRequests)
        case .throttled(let message):
            return .html(page(message), status: .tooManyRequests)
        case .notActivated:
            return .html(page("Votre compte n'est pas encore activé : ouvrez le lien reçu par courriel, ou demandez un nouveau lien.", showResend: true),
                         status: .forbidden)
        }
    }

    /// Ends the session server-side and clears the cookie (families and staff alike).
    static func signOut(_ context: RequestContext, then location: String) throws -> HTTPResponse {
        if let token = context.sessionToken {
            let principal: (kind: PrincipalKind, id: Int64, email: String)? = switch context.principal {
            case .family(let account)?: (.family, account.id, account.email)
            case .staff(let account)?: (.staff, account.id, account.email)
            default: nil
            }
            try SignOut(town: context.town).run(session: token, principal: principal, ip: context.clientAddress, now: context.now)
        }
        var response = HTTPResponse.redirect(to: location)
        context.cookies.endSession(on: &response)
        return response
    }
}
