public import Foundation
public import PortalCore
public import PortalStore

/// The e-mails of the Messagerie: a receipt for each message a family sends, and a notice of
/// each answer. The text of the messages stays on the portal, behind the family's sign-in.
public enum MessagingMails {
    public static func sent(_ tenant: TenantConfig, to email: String, serviceLabel: String, subject: String, at instant: Date, link: String) -> OutgoingMail {
        MailComposer.mail(tenant, to: email, subject: "Votre message a bien été envoyé", paragraphs: [
            "Votre message « \(subject) » a bien été transmis au service « \(serviceLabel) » le \(FrenchDateFormat.longWithTime(instant)).",
            "Vous recevrez un e-mail dès que le service vous aura répondu.",
            "Suivre la conversation : \(link)",
        ])
    }

    public static func replied(_ tenant: TenantConfig, to email: String, serviceLabel: String, subject: String, link: String) -> OutgoingMail {
        MailComposer.mail(tenant, to: email, subject: "Réponse à votre message « \(subject) »", paragraphs: [
            "Le service « \(serviceLabel) » a répondu à votre message « \(subject) ».",
            "Pour lire la réponse, connectez-vous à votre portail : \(link)",
        ])
    }
}

extension MessagingConfig {
    /// The label of a service code; a code the tenant file no longer lists is shown as is.
    public func label(of code: String) -> String {
        services.first { $0.code == code }?.label ?? code
    }
}
