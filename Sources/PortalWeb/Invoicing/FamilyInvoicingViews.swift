import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore

/// The family's pages under « Facturation ».
enum FamilyInvoicingViews {
    static func choose(_ chrome: PageChrome, families: [FamilySummary]) -> Node {
        Layout.page(chrome, title: "Facturation", currentTab: .facturation, content: [
            .h1([], ["Facturation"]),
            families.isEmpty
                ? .p([.class("notice")], [
                    "Votre compte n'est lié à aucun dossier famille. Saisissez le code abonné reçu de la collectivité dans ",
                    .a([.href(SpacePaths.subscriptions)], ["Mes abonnements"]), ".",
                ])
                : .ul([.class("plain-list")], families.map { family in
                    .li([], [.a([.href(InvoicingPaths.family(family.id))], [.text(family.name)])])
                }),
        ])
    }

    static func account(_ chrome: PageChrome, family: FamilySummary, summaries: [InvoiceSummary], history: AccountHistory) -> Node {
        let invoices = summaries.filter { $0.document.kind == .invoice }
        let toPay = invoices.filter { $0.state != .paid }
        return Layout.page(chrome, title: "Facturation", currentTab: .facturation, content: [
            .h1([], [.span([.class("kicker")], [.text(family.name)]), "Facturation"]),
            .p([.class("balance")], [
                .text(history.balance.cents > 0 ? "Reste à payer sur votre compte : " : "Solde de votre compte : "),
                .strong([], [.text(history.balance.cents < 0 ? "\((-history.balance).french) en votre faveur" : history.balance.french)]),
            ]),
            .section([.aria("labelledby", "factures")], [
                .h2([.id("factures")], ["Mes factures"]),
                summaries.isEmpty ? .p([], ["Aucune facture pour le moment."]) : .div([.class("table-wrap")], [.el("table", [], [
                    .el("caption", [.class("visually-hidden")], ["Factures et avoirs, du plus récent au plus ancien"]),
                    .el("thead", [], [.el("tr", [], ["Numéro", "Période", "Montant", "État"].map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
                    .el("tbody", [], summaries.map { summary in
                        .el("tr", [], [
                            .el("th", [Attribute("scope", "row")], [.a([.href(InvoicingPaths.invoice(family.id, summary.document.id))],
                                                                       [.text(summary.document.title)])]),
                            .el("td", [], [.text(summary.document.month.label)]),
                            .el("td", [], [.text(summary.document.total.french)]),
                            .el("td", [], [status(summary)]),
                        ])
                    }),
                ])]),
                .when(!toPay.isEmpty && chrome.tenant.payment != nil,
                      .p([.class("hint")], ["Ouvrez une facture pour la payer en ligne par carte bancaire (PayFiP, service sécurisé de la DGFiP)."])),
            ]),
            .section([.aria("labelledby", "historique")], [
                .h2([.id("historique")], ["Historique de mon compte"]),
                history.entries.isEmpty ? .p([], ["Aucun mouvement."]) : .div([.class("table-wrap")], [.el("table", [], [
                    .el("thead", [], [.el("tr", [], ["Date", "Opération", "Montant", "Solde"].map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
                    .el("tbody", [], history.entries.reversed().map { entry in
                        .el("tr", [], [
                            .el("td", [], [.text(FrenchDateFormat.numeric(entry.date))]),
                            .el("td", [], [.text(entry.label)]),
                            .el("td", [], [.text(entry.signedAmount.french)]),
                            .el("td", [], [.text(entry.balanceAfter.french)]),
                        ])
                    }),
                ])]),
            ]),
        ])
    }

    static func status(_ summary: InvoiceSummary) -> Node {
        guard let state = summary.state else { return .span([.class("status")], ["avoir"]) }
        return .span([.class("status state-\(state.rawValue)")], [.text(state.label)])
    }

    static func invoice(_ chrome: PageChrome, family: FamilySummary, summary: InvoiceSummary) -> Node {
        let document = summary.document
        return Layout.page(chrome, title: document.title, currentTab: .facturation, content: [
            .nav([.class("breadcrumb"), .aria("label", "Fil d'Ariane")], [.a([.href(InvoicingPaths.family(family.id))], ["Facturation"])]),
            .h1([], [.text(document.title)]),
            .p([], [status(summary)]),
            InvoiceDetail.facts(document, summary: summary),
            InvoiceDetail.lines(document),
            .when(document.kind == .invoice && summary.remaining.cents > 0 && chrome.tenant.payment != nil,
                  Forms.form(action: InvoicingPaths.pay(family.id, document.id), csrf: chrome.csrf, label: "Paiement en ligne", [
                      .p([], [.text("Reste à payer : \(summary.remaining.french). Vous allez être dirigé vers PayFiP, le service de paiement sécurisé de la DGFiP.")]),
                      Forms.submit("Payer \(summary.remaining.french) en ligne"),
                  ])),
            .when(document.kind == .invoice, .section([.aria("labelledby", "reglement")], [
                .h2([.id("reglement")], ["Règlement"]),
                .ul([], InvoicePDF.instructions(document, tenant: chrome.tenant).map { .li([], [.text($0)]) }),
            ])),
            .p([], [.a([.class("button secondary"), .href(InvoicingPaths.pdf(family.id, document.id))], [.text("Télécharger le PDF")])]),
        ])
    }

    static func leaving(_ chrome: PageChrome, family: FamilySummary, attempt: OnlinePaymentStore.Attempt, url: String) -> Node {
        Layout.page(chrome, title: "Paiement en ligne", currentTab: .facturation, content: [
            .h1([], ["Paiement en ligne"]),
            .el("dl", [.class("summary")], [
                .el("dt", [], ["Facture"]), .el("dd", [], [.text(attempt.invoiceNumber.description)]),
                .el("dt", [], ["Montant"]), .el("dd", [], [.text(attempt.payment.amount.french)]),
                .el("dt", [], ["Référence du paiement"]), .el("dd", [], [.text(attempt.payment.refdet)]),
            ]),
            .p([], ["Le paiement se fait sur PayFiP, le service de paiement sécurisé de la DGFiP. Vous reviendrez ensuite sur le portail."]),
            .p([], [.a([.class("button"), .href(url), .id("vers-payfip")], ["Continuer vers PayFiP"])]),
            .p([], [.a([.href(InvoicingPaths.invoice(family.id, attempt.invoiceID))], ["Revenir à la facture"])]),
        ])
    }

    static func paymentReturn(_ chrome: PageChrome, family: FamilySummary, attempt: OnlinePaymentStore.Attempt) -> Node {
        let (title, text): (String, String) = switch attempt.payment.status {
        case .paid: ("Paiement enregistré", "Merci : votre paiement de \(attempt.payment.amount.french) est enregistré sur la facture \(attempt.invoiceNumber).")
        case .pending: ("Paiement en cours de confirmation", "PayFiP ne nous a pas encore confirmé votre paiement. Cette page se met à jour dès qu'il le fait : rechargez-la dans quelques instants.")
        case .refused: ("Paiement refusé", "Le paiement a été refusé : aucune somme n'a été prélevée. Vous pouvez réessayer ou payer auprès du service.")
        case .abandoned: ("Paiement abandonné", "Vous avez quitté la page de paiement : aucune somme n'a été prélevée.")
        }
        return Layout.page(chrome, title: title, currentTab: .facturation, content: [
            .h1([], [.text(title)]),
            .div([.class(attempt.payment.status == .paid ? "flash success" : "flash info"), .role("status")], [.p([], [.text(text)])]),
            .p([], [.a([.class("button"), .href(InvoicingPaths.invoice(family.id, attempt.invoiceID))], [.text("Voir la facture \(attempt.invoiceNumber)")])]),
            .p([], [.a([.href(InvoicingPaths.family(family.id))], ["Retour à la facturation"])]),
        ])
    }
}

/// Blocks shared by the family's and the staff's invoice pages.
enum InvoiceDetail {
    static func facts(_ document: InvoiceDocument, summary: InvoiceSummary) -> Node {
        var rows: [(String, String)] = [
            ("Période", document.month.label),
            ("Émise le", FrenchDateFormat.numeric(document.issuedOn)),
        ]
        if document.kind == .invoice {
            rows += [("À régler avant le", FrenchDateFormat.numeric(document.dueOn)), ("Montant", document.total.french),
                     ("Déjà réglé ou crédité", summary.settled.french), ("Reste à payer", summary.remaining.french)]
        } else {
            rows += [("Montant de l'avoir", document.total.french), ("Corrige la facture", document.corrects?.description ?? ""),
                     ("Motif", document.reason ?? "")]
        }
        return .el("dl", [.class("summary")], rows.flatMap { [.el("dt", [], [.text($0.0)]), .el("dd", [], [.text($0.1)])] })
    }

    static func lines(_ document: InvoiceDocument) -> Node {
        .div([.class("table-wrap")], [.el("table", [], [
            .el("thead", [], [.el("tr", [], ["N°", "Date", "Enfant", "Activité", "Unité", "Tarif", "Montant"].map {
                .el("th", [Attribute("scope", "col")], [.text($0)])
            })]),
            .el("tbody", [], document.lines.enumerated().map { index, line in
                .el("tr", [], [
                    .el("td", [], [.text(String(index + 1))]),
                    .el("td", [], [.text(FrenchDateFormat.numeric(line.day))]),
                    .el("td", [], [.text(line.childName)]),
                    .el("td", [], [.text(line.activityLabel)]),
                    .el("td", [], [.text(line.unitLabel)]),
                    .el("td", [], [.text(line.tariffLabel)]),
                    .el("td", [], [.text(line.amount.french)]),
                ])
            }),
            .el("tfoot", [], [.el("tr", [], [
                .el("th", [Attribute("scope", "row"), Attribute("colspan", "6")], ["Total"]),
                .el("td", [], [.strong([], [.text(document.total.french)])]),
            ])]),
        ])])
    }
}
