import Foundation
public import PortalCore
public import PortalStore

/// Field validation shared by the account forms.
public enum AccountValidation {
    public static func names(lastName: String, firstNames: String, into errors: inout FieldErrors) {
        if lastName.isEmpty { errors.add("nom", "Indiquez votre nom.") } else if lastName.count > 100 { errors.add("nom", "Le nom ne peut pas dépasser 100 caractères.") }
        if firstNames.isEmpty { errors.add("prenoms", "Indiquez votre ou vos prénoms.") } else if firstNames.count > 150 { errors.add("prenoms", "Les prénoms ne peuvent pas dépasser 150 caractères.") }
    }

    public static func newPassword(_ password: String, confirmation: String, policy: PasswordPolicy, email: String?,
                                   field: String = "mot_de_passe", confirmationField: String = "confirmation",
                                   into errors: inout FieldErrors) {
        for problem in policy.problems(with: password, email: email) { errors.add(field, problem.frenchMessage) }
        if !password.isEmpty, password != confirmation { errors.add(confirmationField, "Les deux mots de passe ne sont pas identiques.") }
    }

    public static func email(_ text: String, field: String = "courriel", into errors: inout FieldErrors) -> EmailAddress? {
        if text.isEmpty { errors.add(field, "Indiquez votre adresse électronique."); return nil }
        guard let email = EmailAddress(text) else {
            errors.add(field, "Cette adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).")
            return nil
        }
        return email
    }
}

/// The pages the account e-mails link to. The web layer fills it from its declared paths, so a
/// link in an e-mail cannot drift from the route it names.
public struct AccountLinks: Sendable {
    public let signIn: String
    public let forgotten: String
    public let activation: String
    public let confirmEmail: String
    public let staffInvitation: String
    /// Where a reset link of each kind of account leads.
    public let reset: @Sendable (PrincipalKind) -> String

    public init(signIn: String, forgotten: String, activation: String, confirmEmail: String, staffInvitation: String,
                reset: @escaping @Sendable (PrincipalKind) -> String) {
        self.signIn = signIn
        self.forgotten = forgotten
        self.activation = activation
        self.confirmEmail = confirmEmail
        self.staffInvitation = staffInvitation
        self.reset = reset
    }
}

/// Who acts, from where: what the audit trail and the sessions record of a request.
public struct AccountClient: Sendable, Equatable {
    public let address: String
    public let lifetime: SessionLifetime

    public init(address: String, lifetime: SessionLifetime) {
        self.address = address
        self.lifetime = lifetime
    }
}
