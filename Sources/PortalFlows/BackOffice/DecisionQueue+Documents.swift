import Foundation
import PortalCore
import PortalStore
import Postgres

extension DecisionQueue {
    /// Justificatifs sent by families: each is accepted or refused once, the sender told why.
    public static let documents = DecisionQueue(
        code: DocumentReviewStore.queue, itemNoun: "Document", feminine: false,
        load: { _, _, connection in
            try DocumentReviewStore.pending(in: connection).map { document in
                QueueItem(id: document.id, who: "\(document.senderName) <\(document.senderEmail)>", summary: document.title,
                          submittedAt: document.uploadedAt, subject: .document(document.id))
            }
        },
        decide: { id, verdict, reason, context, connection in
            guard let document = try DocumentReviewStore.review(id: id, verdict: verdict, reason: reason, now: context.now, in: connection) else {
                let exists = try !connection.query("SELECT 1 AS one FROM account_documents WHERE id = \(id)").isEmpty
                return exists ? .alreadyDecided : .problem("introuvable.")
            }
            let mail = MailComposer.mail(context.tenant, to: document.senderEmail,
                                         subject: "Votre justificatif « \(document.title) » a été \(verdict.frenchStem)", paragraphs: [
                verdict == .accepted ? "Le service a accepté le justificatif « \(document.title) » envoyé le \(FrenchDateFormat.longWithTime(document.uploadedAt))."
                    : "Le service a refusé le justificatif « \(document.title) » envoyé le \(FrenchDateFormat.longWithTime(document.uploadedAt)) : \(reason)",
                verdict == .accepted ? "Vous n'avez rien d'autre à faire." : "Vous pouvez envoyer un nouveau document depuis votre espace : \(context.town.url(context.town.links.documents()))",
            ])
            return .decided(summary: "\(document.title) de \(document.senderName)", mails: [mail])
        })
}
