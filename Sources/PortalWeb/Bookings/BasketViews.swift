import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore

/// The panier: each line judged as « Valider » would judge it now, with its tariff and cost,
/// the total and the late surcharges; then the summary of a confirmation.
enum BasketViews {
    static func render(_ chrome: PageChrome, family: BookingFamily, recap: BasketRecap, conflicts: [BasketConflict], message: String?) -> Node {
        let tenant = chrome.tenant
        let late = recap.lines.filter { $0.decision.allowed && [.lateSurcharge, .lateCancellation].contains($0.decision.tariff) }
            .reduce(Money.zero) { $0 + $1.decision.amount }
        var pricingNotes: [String] = []
        for line in recap.lines where line.decision.allowed {
            if let note = line.decision.pricingNote, !pricingNotes.contains(note) { pricingNotes.append(note) }
        }
        let rows: [[Node]] = recap.lines.map { line in
            let labels = tenant.labels(of: line.line.slot)
            let decision = line.decision
            let remark: Node = decision.allowed
                ? .text(decision.needsValidation ? "Soumis à validation du service. \(decision.message)" : decision.message)
                : .span([.class("refusal")], [.text("Ne sera pas appliqué : \(decision.message)")])
            return [
                .text(line.dateLabel), .text(line.childName), .text("\(labels.activity) – \(labels.unit)"), .text(line.actionLabel),
                .text(decision.allowed ? decision.tariff.label : "—"),
                .text(decision.allowed ? decision.amount.french : "—"),
                remark,
                .button([.type("submit"), .class("link-button"), .name("creneau"), .value(BookingSupport.encode(line.line)),
                         Attribute("formaction", BookingPaths.basketRemove)],
                        [.text("Retirer"), .span([.class("visually-hidden")], [.text(" : \(line.dateLabel), \(line.childName), \(labels.unit)")])]),
            ]
        }
        return Layout.page(chrome, title: "Mon panier", currentTab: .planning, content: [
            BookingViews.styles,
            .h1([], [.span([.class("kicker")], [.text(family.file.name)]), "Mon panier"]),
            BookingNotices.banner(message),
            recap.lines.isEmpty
                ? .p([], ["Votre panier est vide."])
                : .form([.method("post"), .action(BookingPaths.basketConfirm), .class("form basket"), .aria("label", "Panier")], [
                    Forms.csrfField(chrome.csrf),
                    Forms.hidden("famille", String(family.id)),
                    .when(!conflicts.isEmpty, .div([.class("error-summary"), .role("alert")], [
                        .h2([], ["À vérifier avant de valider"]),
                        .ul([], conflicts.map { .li([], [.text($0.message)]) }),
                    ])),
                    BookingViews.table(caption: "Lignes du panier", headers: ["Date", "Enfant", "Activité", "Opération", "Tarif", "Coût", "Remarque", "Action"], rows: rows),
                    .p([.class("total")], [.text("Total : \(recap.total.french)")]),
                    .fragment(pricingNotes.map { .p([.class("pricing-note")], [.text($0.prefix(1).uppercased() + $0.dropFirst() + ".")]) }),
                    .when(late.cents > 0, .p([], [.text("dont majorations et annulations hors délai : \(late.french)")])),
                    .when(!recap.refused.isEmpty, .p([.class("hint")], [.text("\(recap.refused.count) ligne(s) ne seront pas appliquées ; les autres le seront.")])),
                    .p([.class("hint")], ["Chaque ligne est vérifiée à nouveau au moment de valider ; une place complète entre-temps vous place sur liste d'attente."]),
                    Forms.submit("Valider"),
                ]),
            .p([], [.a([.href(BookingPaths.planning(family: family.id))], ["Retour au planning"])]),
        ])
    }

    static func confirmation(_ chrome: PageChrome, family: BookingFamily, confirmation: StoredConfirmation) -> Node {
        let tenant = chrome.tenant
        let rows: [[Node]] = confirmation.lines.map { line in
            let labels = tenant.labels(of: line.slot)
            return [
                .text(FrenchDateFormat.short(line.slot.date)), .text(family.childName(line.slot.childID)),
                .text("\(labels.activity) – \(labels.unit)"), .text(line.action == .book ? "Réservation" : "Annulation"),
                line.outcome == nil ? .span([.class("refusal")], [.text("Refusée : \(line.message)")]) : .text(line.message),
                .text(line.outcome == nil ? "—" : line.amount.french),
            ]
        }
        return Layout.page(chrome, title: "Réservation n° \(confirmation.id)", currentTab: .planning, content: [
            BookingViews.styles,
            .h1([], [.span([.class("kicker")], [.text(family.file.name)]), .text("Réservation n° \(confirmation.id)")]),
            Forms.notice("Votre panier a été validé le \(FrenchDateFormat.longWithTime(confirmation.confirmedAt)). Un récapitulatif vous est envoyé par courriel."),
            BookingViews.table(caption: "Lignes validées", headers: ["Date", "Enfant", "Activité", "Opération", "Résultat", "Montant"], rows: rows),
            .p([.class("total")], [.text("Total : \(confirmation.total.french)")]),
            .p([], [.a([.class("button"), .href(BookingPaths.planning(family: family.id))], ["Retour au planning"])]),
        ])
    }
}
