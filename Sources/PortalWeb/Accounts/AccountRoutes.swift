import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The family account pages that need no session: sign-up and activation, sign-in and
/// sign-out, forgotten password, confirmation of a new address, the town's terms.
enum AccountRoutes {
    static func register(_ table: inout RouteTable) {
        table.add("GET", AccountPaths.signUp, .anyone) { try SignUpHandlers.show($0) }
        table.add("POST", AccountPaths.signUp, .anyone) { try SignUpHandlers.submit($0) }
        table.add("GET", AccountPaths.signUpSent, .anyone) { context in
            .html(AccountViews.mailSent(context, title: "Vérifiez votre messagerie", text:
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
            .html(AccountViews.legal(context, title: context.tenant.legal.termsTitle, paragraphs: context.tenant.legal.termsParagraphs))
        }
        table.add("GET", AccountPaths.privacy, .anyone) { context in
            .html(AccountViews.legal(context, title: "Données personnelles", paragraphs: context.tenant.legal.privacyParagraphs))
        }
    }
}

/// Field validation shared by the account forms.
enum AccountValidation {
    static func names(lastName: String, firstNames: String, into errors: inout FieldErrors) {
        if lastName.isEmpty { errors.add("nom", "Indiquez votre nom.") } else if lastName.count > 100 { errors.add("nom", "Le nom ne peut pas dépasser 100 caractères.") }
        if firstNames.isEmpty { errors.add("prenoms", "Indiquez votre ou vos prénoms.") } else if firstNames.count > 150 { errors.add("prenoms", "Les prénoms ne peuvent pas dépasser 150 caractères.") }
    }

    static func newPassword(_ password: String, confirmation: String, policy: PasswordPolicy, email: String?,
                            field: String = "mot_de_passe", confirmationField: String = "confirmation", into errors: inout FieldErrors) {
        for problem in policy.problems(with: password, email: email) { errors.add(field, problem.frenchMessage) }
        if !password.isEmpty, password != confirmation { errors.add(confirmationField, "Les deux mots de passe ne sont pas identiques.") }
    }

    static func email(_ text: String, field: String = "courriel", into errors: inout FieldErrors) -> EmailAddress? {
        if text.isEmpty { errors.add(field, "Indiquez votre adresse électronique."); return nil }
        guard let email = EmailAddress(text) else {
            errors.add(field, "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).")
            return nil
        }
        return email
    }
}
