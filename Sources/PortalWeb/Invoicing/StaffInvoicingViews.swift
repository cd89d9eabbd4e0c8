import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore

/// Back-office pages of billing.
enum StaffInvoicingViews {
    private static func page(_ chrome: PageChrome, title: String, notice: String?, _ content: [Node]) -> Node {
        Layout.page(chrome, title: "Gestion – \(title)", content: [
            .nav([.class("breadcrumb"), .aria("label", "Gestion")], [
                .a([.href(StaffPaths.home)], ["Gestion"]), " · ",
                .a([.href(StaffInvoicingPaths.home)], ["Facturation"]), " · ",
                .a([.href(StaffInvoicingPaths.unpaid)], ["Factures impayées"]),
            ]),
            InvoicingNotices.banner(notice),
        ] + content)
    }

    static func home(_ chrome: PageChrome, month: BillingMonth, notice: String?, error: String? = nil) -> Node {
        page(chrome, title: "Facturation", notice: notice, [
            .h1([], ["Facturation"]),
            .when(error != nil, .div([.class("error-summary"), .role("alert")], [.p([], [.text(error ?? "")])])),
            .form([.method("get"), .action(StaffInvoicingPaths.month), .class("form")], [
                .div([.class("field")], [
                    .label([.for("champ-mois")], ["Mois à facturer"]),
                    .p([.class("hint"), .id("champ-mois-aide")], ["Un aperçu par famille s'affiche d'abord ; rien n'est émis avant votre confirmation."]),
                    .input([.type("month"), .id("champ-mois"), .name("mois"), .value(month.iso), .required, .aria("describedby", "champ-mois-aide")]),
                ]),
                Forms.submit("Voir l'aperçu"),
            ]),
            .p([], [.a([.href(StaffInvoicingPaths.unpaid)], ["Voir les factures impayées"])]),
        ])
    }

    static func preview(_ chrome: PageChrome, month: BillingMonth, previews: [InvoicingRun.FamilyPreview], notice: String?) -> Node {
        let toIssue = previews.filter { !$0.alreadyInvoiced && !$0.draft.isEmpty }
        let total = toIssue.total(\.draft.total)
        return page(chrome, title: "Facturation de \(month.label)", notice: notice, [
            .h1([], [.text("Facturation de \(month.label)")]),
            previews.isEmpty ? .p([], ["Aucune prestation à facturer jusqu'à la fin de ce mois."]) : .div([.class("table-wrap")], [.el("table", [], [
                .el("thead", [], [.el("tr", [], ["Famille", "Lignes", "Montant", "État"].map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
                .el("tbody", [], previews.map { preview in
                    .el("tr", [], [
                        .el("th", [Attribute("scope", "row")], [
                            .text(preview.profile.name),
                            .when(!preview.draft.lines.isEmpty, .el("details", [], [
                                .el("summary", [], ["Détail"]),
                                .ul([], preview.draft.lines.map { line in
                                    .li([], [.text("\(FrenchDateFormat.numeric(line.day)) – \(line.childName) – \(line.activityLabel), \(line.unitLabel) (\(line.tariffLabel)) : \(line.amount.french)")])
                                }),
                            ])),
                        ]),
                        .el("td", [], [.text(String(preview.draft.lines.count))]),
                        .el("td", [], [.text(preview.draft.total.french)]),
                        .el("td", [], [.text(preview.alreadyInvoiced ? "déjà facturée ce mois-ci (reporté au mois suivant)"
                                             : preview.draft.isEmpty ? "rien à facturer (\(preview.draft.skipped.count) en attente)" : "à émettre")]),
                    ])
                }),
            ])]),
            .when(!toIssue.isEmpty, Forms.form(action: StaffInvoicingPaths.month, csrf: chrome.csrf, label: "Émettre les factures", [
                Forms.hidden("mois", month.iso),
                .p([], [.text("\(toIssue.count) facture(s) pour un total de \(total.french). Une fois émise, une facture ne se modifie plus : seul un avoir la corrige.")]),
                Forms.submit("Émettre les factures de \(month.label)"),
            ])),
        ])
    }

    static func unpaid(_ chrome: PageChrome, summaries: [InvoiceSummary], notice: String?) -> Node {
        page(chrome, title: "Factures impayées", notice: notice, [
            .h1([], ["Factures impayées"]),
            summaries.isEmpty ? .p([], ["Aucune facture impayée."]) : .div([.class("table-wrap")], [.el("table", [], [
                .el("thead", [], [.el("tr", [], ["Facture", "Famille", "Échéance", "Reste à payer", "État"].map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
                .el("tbody", [], summaries.map { summary in
                    .el("tr", [], [
                        .el("th", [Attribute("scope", "row")], [.a([.href(StaffInvoicingPaths.invoice(summary.document.id))], [.text(summary.document.number.description)])]),
                        .el("td", [], [.text(summary.document.familyName)]),
                        .el("td", [], [.text(FrenchDateFormat.numeric(summary.document.dueOn))]),
                        .el("td", [], [.text(summary.remaining.french)]),
                        .el("td", [], [FamilyInvoicingViews.status(summary)]),
                    ])
                }),
            ])]),
        ])
    }

    /// `today` is the default day a desk payment was received.
    static func invoice(_ chrome: PageChrome, summary: InvoiceSummary, values: [String: String], error: String?, today: LocalDate,
                        notice: String?) -> Node {
        let document = summary.document
        return page(chrome, title: document.title, notice: notice, [
            .h1([], [.span([.class("kicker")], [.text(document.familyName)]), .text(document.title)]),
            .p([], [FamilyInvoicingViews.status(summary)]),
            .when(error != nil, .div([.class("error-summary"), .role("alert")], [.p([], [.text(error ?? "")])])),
            InvoiceDetail.facts(document, summary: summary),
            InvoiceDetail.lines(document),
            .p([], [.a([.class("button secondary"), .href(StaffInvoicingPaths.pdf(document.id))], ["Télécharger le PDF"])]),
            .when(document.kind == .invoice && summary.remaining.cents > 0, .section([.aria("labelledby", "paiement")], [
                .h2([.id("paiement")], ["Enregistrer un paiement"]),
                Forms.form(action: StaffInvoicingPaths.payment(document.id), csrf: chrome.csrf, [
                    select("moyen", label: "Moyen de paiement", options: PaymentMethod.recordedByStaff.map { ($0.rawValue, $0.label) }, selected: values["moyen"]),
                    Forms.field("montant", label: "Montant (€)", value: values["montant"] ?? summary.remaining.frenchDigits, autocomplete: nil,
                                errors: FieldErrors(), extra: [Attribute("inputmode", "decimal")]),
                    Forms.field("date", label: "Reçu le", type: "date", value: values["date"] ?? today.iso, autocomplete: nil, errors: FieldErrors()),
                    Forms.field("reference", label: "Référence (n° de chèque, de CESU…)", value: values["reference"] ?? "", autocomplete: nil,
                                errors: FieldErrors(), required: false),
                    Forms.submit("Enregistrer le paiement"),
                ]),
            ])),
            .when(document.kind == .invoice && !document.lines.isEmpty, .section([.aria("labelledby", "avoir")], [
                .h2([.id("avoir")], ["Émettre un avoir"]),
                .p([], ["Une facture émise ne se modifie pas : un avoir crédite tout ou partie d'une ligne, avec un motif que la famille lira."]),
                Forms.form(action: StaffInvoicingPaths.creditNote(document.id), csrf: chrome.csrf, [
                    select("ligne", label: "Ligne à créditer", options: document.lines.enumerated().map { index, line in
                        (String(index + 1), "\(index + 1). \(FrenchDateFormat.numeric(line.day)) \(line.childName) – \(line.unitLabel) (\(line.amount.french))")
                    }, selected: values["ligne"]),
                    Forms.field("montant_avoir", label: "Montant à créditer (€)", value: values["montant_avoir"] ?? "", autocomplete: nil,
                                errors: FieldErrors(), extra: [Attribute("inputmode", "decimal")]),
                    Forms.field("motif", label: "Motif", value: values["motif"] ?? "", autocomplete: nil, errors: FieldErrors()),
                    Forms.submit("Émettre l'avoir", secondary: true),
                ]),
            ])),
        ])
    }

    private static func select(_ name: String, label: String, options: [(String, String)], selected: String?) -> Node {
        let id = Forms.fieldID(name)
        return .div([.class("field")], [
            .label([.for(id)], [.text(label)]),
            .el("select", [.id(id), .name(name), .required], options.map { option in
                .el("option", [.value(option.0)] + (option.0 == selected ? [.selected] : []), [.text(option.1)])
            }),
        ])
    }
}
