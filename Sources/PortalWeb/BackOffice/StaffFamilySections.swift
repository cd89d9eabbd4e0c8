import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore

/// The sections the family page (`/gestion/familles/:id`) shows after the family file, so the
/// file, bookings, requests, invoices and messages are on one page; a section the agent may not
/// see returns nil and is left out.
enum StaffFamilySections {
    typealias Section = @Sendable (_ tenant: TenantConfig, _ overview: FamilyOverview) -> Node?

    static let all: [Section] = [bookings, requests, invoices, messages]

    static func render(_ tenant: TenantConfig, _ overview: FamilyOverview) -> [Node] {
        all.compactMap { $0(tenant, overview) }
    }

    /// The last month and the next two, with attendance marks.
    static let bookings: Section = { tenant, overview in
        let rows = overview.bookings
        return .section([.aria("labelledby", "reservations-titre")], [
            .h2([.id("reservations-titre")], ["Réservations (un mois avant, deux mois après aujourd'hui)"]),
            rows.isEmpty ? .p([], ["Aucune réservation sur cette période."]) : DashboardPage.table(
                caption: "Réservations de la famille", header: ["Jour", "Enfant", "Activité", "Statut", "Pointage"],
                rows: rows.map { row in
                    let name = ActivityNames.label(tenant, activity: row.activity, unit: row.unit)
                    return [.text(FrenchDateFormat.short(row.day)), .text(row.childName), .text("\(name.activity) – \(name.unit)"),
                            .text(ExportDocuments.statusLabel(row.status) + (row.walkIn ? " (ajouté sur place)" : "")),
                            .text(row.mark?.frenchLabel ?? "—")]
                }),
        ])
    }

    /// Dossier changes are left out: the family file lists them already, health fields masked
    /// for the roles that may not read them, which a summary line could not do.
    static let requests: Section = { _, overview in
        let requests = overview.requests
        return .section([.aria("labelledby", "demandes-titre")], [
            .h2([.id("demandes-titre")], ["Autres demandes de la famille"]),
            requests.isEmpty ? .p([], ["Aucune demande."]) : DashboardPage.table(
                caption: "Demandes de la famille", header: ["Envoyée le", "Type", "Objet", "Statut"],
                rows: requests.map { request in
                    [.text(FrenchDateFormat.shortWithTime(request.createdAt)), .text(request.kindLabel), .text(request.summary), .text(request.status.frenchLabel)]
                }),
        ])
    }

    /// Only when the family has invoices, and for the roles of the invoicing pages.
    static let invoices: Section = { _, overview in
        guard let invoices = overview.invoices else { return nil }
        return .section([.aria("labelledby", "factures-titre")], [
            .h2([.id("factures-titre")], ["Factures"]),
            DashboardPage.table(caption: "Factures de la famille", header: ["N°", "Émise le", "Montant", "Reste à payer", "État"],
                                rows: invoices.map { invoice in
                [.a([.href(StaffInvoicingPaths.invoice(invoice.document.id))], [.text("\(invoice.document.kind.label) \(invoice.document.number)")]),
                 .text(FrenchDateFormat.short(invoice.document.issuedOn)), .text(invoice.document.total.french), .text(invoice.remaining.french),
                 .text(invoice.state?.label ?? "—")]
            }),
        ])
    }

    /// Where the town has the Messagerie and the agent's role reads it: each thread links to it.
    static let messages: Section = { tenant, overview in
        guard let threads = overview.threads else { return nil }
        return .section([.aria("labelledby", "messages-titre")], [
            .h2([.id("messages-titre")], ["Messages"]),
            threads.isEmpty ? .p([], ["Aucun message de la famille."]) : DashboardPage.table(
                caption: "Conversations de la famille, la plus récente d'abord", header: ["Dernier message", "Service", "Objet", "Écrit par", "Statut"],
                rows: threads.map { thread in
                    [.text(FrenchDateFormat.shortWithTime(thread.lastMessageAt)), .text(tenant.messaging.label(of: thread.serviceCode)),
                     .a([.href(MessagingPaths.staffThread(thread.id))], [.text(thread.subject)]), .text(thread.accountName),
                     .text(thread.awaitingReply ? "En attente de réponse" : thread.status.frenchLabel)]
                }),
        ])
    }
}
