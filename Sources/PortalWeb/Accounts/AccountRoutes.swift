import Foundation
import HTTPServer
import PortalCore

/// The family account pages that need no session: sign-up and activation, sign-in and
/// sign-out, forgotten password, confirmation of a new address, the town's terms.
enum AccountRoutes {
    static func register(_ table: inout RouteTable) {
        table.add("GET", AccountPaths.signUp, .anyone) { try SignUpHandlers.show($0) }
        table.add("POST", AccountPaths.signUp, .anyone) { try SignUpHandlers.submit($0) }
        table.add("GET", AccountPaths.signUpSent, .anyone) { context in
            .html(AccountViews.mailSent(context.staffChrome, title: "Vérifiez votre messagerie", text:
                "Si l'inscription est possible, un courriel vient d'être envoyé à l'adresse indiquée. Ouvrez le lien qu'il contient pour activer votre compte (il est valable 48 heures). Pensez à regarder dans les indésirables."))
        }
        table.add("GET", AccountPaths.activation, .anyone) { try SignUpHandlers.showActivation($0) }
        table.add("POST", AccountPaths.activation, .anyone) { try SignUpHandlers.activate($0) }
        table.add("GET", AccountPaths.resendActivation, .anyone) { try SignUpHandlers.showResend($0) }
        table.add("POST", AccountPaths.resendActivation, .anyone) { try SignUpHandlers.resend($0) }
        table.add("GET", AccountPaths.signIn, .anyone) { try SignInHandlers.show($0) }
        table.add("POST", AccountPaths.signIn, .anyone) { try SignInHandlers.submit($0) }
        table.add("POST", AccountPaths.signOut, .anyone) { try SignInHandlers.signOut($0, then: "/?ok=deconnecte") }
        PasswordResetHandlers.register(&table, for: .family)
        table.add("GET", AccountPaths.confirmEmail, .anyone) { try EmailChangeHandlers.showConfirmation($0) }
        table.add("POST", AccountPaths.confirmEmail, .anyone) { try EmailChangeHandlers.confirm($0) }
        table.add("GET", AccountPaths.terms, .anyone) { context in
            .html(AccountViews.legal(context.chrome, title: context.tenant.legal.termsTitle, paragraphs: context.tenant.legal.termsParagraphs))
        }
        table.add("GET", AccountPaths.privacy, .anyone) { context in
            .html(AccountViews.legal(context.chrome, title: "Données personnelles", paragraphs: context.tenant.legal.privacyParagraphs))
        }
    }
}
