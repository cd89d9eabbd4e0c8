import Foundation
public import PortalCore
public import PortalStore

/// Turns a French text into an outbox row signed by the town: its name as sender, its service's
/// address as Reply-To, and its contacts at the bottom so a family can always reach a person.
public enum MailComposer {
    public static func mail(_ tenant: TenantConfig, to recipient: String, subject: String, paragraphs: [String]) -> OutgoingMail {
        var lines = ["Bonjour,", ""]
        for paragraph in paragraphs { lines += [paragraph, ""] }
        lines += ["Cordialement,", tenant.contact.service, tenant.name, "", "—",
                  "Ce message est envoyé automatiquement par le \(tenant.branding.portalTitle) de \(tenant.shortName) ; n'y répondez pas.",
                  "Pour nous joindre : \(tenant.contact.email)" + (tenant.contact.phone.map { " – \($0)" } ?? "")]
        return OutgoingMail(tenantID: tenant.id, fromName: "\(tenant.branding.portalTitle) \(tenant.shortName)",
                            replyTo: tenant.contact.email, recipient: recipient,
                            subject: "\(tenant.shortName) – \(subject)", body: lines.joined(separator: "\n"))
    }
}

/// The French e-mails of the account pages.
public enum AccountMails {
    public static func activation(_ tenant: TenantConfig, to email: String, link: String) -> OutgoingMail {
        MailComposer.mail(tenant, to: email, subject: "Activez votre compte", paragraphs: [
            "Vous venez de créer un compte sur le \(tenant.branding.portalTitle) de \(tenant.shortName).",
            "Pour l'activer, ouvrez ce lien (valable 48 heures, une seule fois) :\n\(link)",
            "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera activé.",
        ])
    }

    /// Sent instead of a second account when the address is already registered, so the sign-up
    /// page itself reveals nothing.
    public static func alreadyRegistered(_ tenant: TenantConfig, to email: String, signIn: String, forgotten: String) -> OutgoingMail {
        MailComposer.mail(tenant, to: email, subject: "Vous avez déjà un compte", paragraphs: [
            "Quelqu'un (peut-être vous) a voulu créer un compte avec cette adresse, qui en a déjà un.",
            "Pour vous connecter : \(signIn)",
            "Mot de passe oublié ? Choisissez-en un nouveau ici : \(forgotten)",
            "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
        ])
    }

    public static func reset(_ tenant: TenantConfig, to email: String, link: String) -> OutgoingMail {
        MailComposer.mail(tenant, to: email, subject: "Choisir un nouveau mot de passe", paragraphs: [
            "Une demande de nouveau mot de passe a été faite pour votre compte.",
            "Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, une seule fois) :\n\(link)",
            "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
        ])
    }

    public static func passwordChanged(_ tenant: TenantConfig, to email: String) -> OutgoingMail {
        MailComposer.mail(tenant, to: email, subject: "Votre mot de passe a été changé", paragraphs: [
            "Le mot de passe de votre compte vient d'être changé, et vos autres connexions ont été fermées.",
            "Si vous n'êtes pas à l'origine de ce changement, contactez le service sans attendre.",
        ])
    }

    public static func confirmNewEmail(_ tenant: TenantConfig, to email: String, link: String) -> OutgoingMail {
        MailComposer.mail(tenant, to: email, subject: "Confirmez votre nouvelle adresse", paragraphs: [
            "Vous avez demandé à utiliser cette adresse pour vous connecter au \(tenant.branding.portalTitle) de \(tenant.shortName).",
            "Pour confirmer, ouvrez ce lien (valable 24 heures, une seule fois) :\n\(link)",
            "Tant que vous n'avez pas confirmé, votre ancienne adresse reste celle de votre compte.",
        ])
    }

    public static func emailChangeRequested(_ tenant: TenantConfig, to oldEmail: String, newEmail: String) -> OutgoingMail {
        MailComposer.mail(tenant, to: oldEmail, subject: "Changement d'adresse demandé", paragraphs: [
            "Un changement de l'adresse de connexion de votre compte vers \(newEmail) a été demandé.",
            "Cette adresse-ci reste valable tant que la nouvelle n'a pas été confirmée.",
            "Si vous n'êtes pas à l'origine de cette demande, changez votre mot de passe et contactez le service.",
        ])
    }

    public static func staffInvitation(_ tenant: TenantConfig, to email: String, name: String, role: StaffRole, link: String) -> OutgoingMail {
        MailComposer.mail(tenant, to: email, subject: "Invitation à l'espace de gestion", paragraphs: [
            "\(name), vous êtes invité(e) à rejoindre l'espace de gestion du \(tenant.branding.portalTitle) de \(tenant.shortName) (rôle : \(role.frenchLabel)).",
            "Pour choisir votre mot de passe, ouvrez ce lien (valable 7 jours, une seule fois) :\n\(link)",
        ])
    }
}
