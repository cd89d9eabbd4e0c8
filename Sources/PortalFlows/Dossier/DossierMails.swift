public import PortalCore
public import PortalStore

/// The e-mail a family receives when staff answer its dossier change request. Values are not
/// repeated (health data has no place in an e-mail): the field names and the answers only.
public enum DossierMails {
    public static func decision(_ tenant: TenantConfig, to email: String, outcome: DecisionOutcome, dossier: Family, link: String) -> OutgoingMail {
        var lines: [String] = []
        for change in outcome.accepted {
            lines.append("– \(label(change, dossier)) : acceptée")
        }
        for change in outcome.refused {
            if case .refused(let reason, _, _) = change.decision { lines.append("– \(label(change, dossier)) : refusée (\(reason))") }
        }
        let status = outcome.request.status
        return MailComposer.mail(tenant, to: email, subject: "Votre demande de modification du dossier : \(status.frenchLabel.lowercased())", paragraphs: [
            "Le service a répondu à votre demande de modification du dossier famille « \(dossier.name) » :",
            lines.joined(separator: "\n"),
            status == .pending ? "D'autres modifications de cette demande sont encore en cours de traitement." : "Votre demande est traitée.",
            "Consultez votre dossier : \(link)",
        ])
    }

    /// The note of the « Mes demandes » history line.
    public static func note(_ outcome: DecisionOutcome, dossier: Family) -> String {
        var parts: [String] = []
        if !outcome.accepted.isEmpty { parts.append("Acceptée : " + outcome.accepted.map { label($0, dossier) }.joined(separator: ", ")) }
        for change in outcome.refused {
            if case .refused(let reason, _, _) = change.decision { parts.append("Refusée : \(label(change, dossier)) (\(reason))") }
        }
        if outcome.request.status == .partiallyAccepted { parts.insert("Acceptée partiellement.", at: 0) }
        return parts.joined(separator: " ")
    }

    private static func label(_ change: FieldChange, _ dossier: Family) -> String {
        "\(change.target.field?.label ?? change.target.key) (\(dossier.recordName(change.target)))"
    }
}
