public import PortalCore
public import PortalStore

/// The French e-mails of bookings: the recap after « Valider » (a table like seed 004's: day,
/// child, activity, booking or cancellation, amount, tariff), answers to pré-inscriptions and
/// to requests, and a place freed on a waiting list.
public enum BookingMails {
    public static func recap(_ tenant: TenantConfig, to email: String, confirmation: Confirmation, childName: (Int64) -> String, link: String) -> OutgoingMail {
        let applied = confirmation.lines.filter { $0.outcome != nil }
        let refused = confirmation.lines.filter { $0.outcome == nil }
        var rows = [["Jour", "Enfant", "Activité", "Opération", "Montant", "Tarif"]]
        for line in applied {
            let labels = tenant.labels(of: line.line.slot)
            let billed = line.outcome != .waitingList
            rows.append([FrenchDateFormat.short(line.line.slot.date), childName(line.line.slot.childID), "\(labels.activity) – \(labels.unit)",
                         (line.line.action == .book ? "Réservation" : "Annulation") + status(line),
                         billed ? line.decision.amount.french : "—", billed ? line.decision.tariff.label : "—"])
        }
        var paragraphs = ["Votre panier a été validé : réservation n° \(confirmation.id).",
                          applied.isEmpty ? "Aucune ligne n'a pu être appliquée." : textTable(rows),
                          "Total : \(confirmation.total.french)"]
        if !refused.isEmpty {
            paragraphs.append("Lignes non appliquées :\n" + refused.map { line in
                "– \(FrenchDateFormat.short(line.line.slot.date)), \(childName(line.line.slot.childID)) : \(line.decision.message)"
            }.joined(separator: "\n"))
        }
        paragraphs.append("Votre planning : \(link)")
        return MailComposer.mail(tenant, to: email, subject: "Récapitulatif de votre réservation n° \(confirmation.id)", paragraphs: paragraphs)
    }

    private static func status(_ line: ConfirmedLine) -> String {
        if line.draw?.collected == true { return " (en attente du tirage au sort du \(FrenchDateFormat.longWithTime(line.draw!.at)))" }
        return switch line.outcome {
        case .pendingValidation?: " (demande en attente de validation)"
        case .waitingList?: " (liste d'attente)"
        case .cancellationRequested?: " (demande d'annulation)"
        default: ""
        }
    }

    /// Columns padded to their widest cell, so the table reads in a plain-text mail.
    public static func textTable(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in cell + String(repeating: " ", count: widths[column] - cell.count) }
                .joined(separator: " | ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }

    public static func registration(_ tenant: TenantConfig, to email: String, childName: String, activity: String, period: String,
                             accepted: Bool, reason: String?, link: String) -> OutgoingMail {
        MailComposer.mail(tenant, to: email, subject: accepted ? "Pré-inscription acceptée" : "Pré-inscription refusée", paragraphs: [
            accepted
                ? "La pré-inscription de \(childName) à « \(activity) » pour l'\(period) est acceptée : vous pouvez réserver ses jours."
                : "La pré-inscription de \(childName) à « \(activity) » pour l'\(period) est refusée.",
            reason.map { "Motif : \($0)" } ?? "",
            "Vos inscriptions : \(link)",
        ].filter { !$0.isEmpty })
    }

    public static func answer(_ tenant: TenantConfig, to email: String, slot: SlotKey, childName: String, change: BookingChange, accepted: Bool,
                       note: String?, link: String) -> OutgoingMail {
        let labels = tenant.labels(of: slot)
        let what = change.from == .cancellationRequested ? "d'annulation" : "de réservation"
        let verdict = accepted ? "acceptée" : "refusée"
        return MailComposer.mail(tenant, to: email, subject: "Votre demande \(what) est \(verdict)", paragraphs: [
            "Votre demande \(what) pour \(childName), « \(labels.activity) – \(labels.unit) » le \(FrenchDateFormat.long(slot.date)), est \(verdict).",
            note.map { "Message du service : \($0)" } ?? "",
            "Votre planning : \(link)",
        ].filter { !$0.isEmpty })
    }

    /// The outcome of the draws held for a family's requests, with where the seed is published.
    public static func drawOutcome(_ tenant: TenantConfig, to email: String, lines: [String], planning: String, published: String) -> OutgoingMail {
        MailComposer.mail(tenant, to: email, subject: "Résultat du tirage au sort des réservations", paragraphs: [
            "Les demandes reçues dans les premières minutes de l'ouverture des réservations ont été départagées par tirage au sort.",
            lines.map { "– \($0)" }.joined(separator: "\n"),
            "Votre planning : \(planning)",
            "Les graines du tirage et les classements sont publiés, avec la façon de refaire le tirage : \(published)",
        ])
    }

    public static func promotion(_ tenant: TenantConfig, to email: String, notice: PromotionNotice, childName: String, link: String) -> OutgoingMail {
        let labels = tenant.labels(of: notice.slot)
        return MailComposer.mail(tenant, to: email, subject: "Liste d'attente : une place s'est libérée", paragraphs: [
            "\(childName), « \(labels.activity) – \(labels.unit) » le \(FrenchDateFormat.long(notice.slot.date)) : \(notice.message)",
            "Votre planning : \(link)",
        ])
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
