import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// `/gestion/journal`: every staff action, newest first, for the town's administrators.
enum AuditPage {
    static func audit(_ context: RequestContext) throws -> HTTPResponse {
        let chosen = context.request.queryValue("agent").flatMap(Int64.init)
        let (entries, members) = try StaffAuditLog(town: context.town).load(staffID: chosen, limit: 300)
        return .html(page(context.staffChrome, entries: entries, members: members, chosen: chosen))
    }

    /// `chosen` is the member the list is filtered on, if any.
    static func page(_ frame: StaffChrome, entries: [StaffAuditEntry], members: [StaffMember], chosen: Int64?) -> Node {
        StaffViews.page(frame, title: "Journal", content: [
            .h1([], ["Journal des actions du personnel"]),
            .form([.method("get"), .action(BackOfficePaths.audit), .class("filters"), .aria("label", "Filtrer le journal")], [
                .div([.class("field")], [
                    .label([.for("filtre-agent")], ["Personne"]),
                    .el("select", [.id("filtre-agent"), .name("agent")], [.el("option", [.value("")], ["Tout le personnel"])] + members.map { member in
                        .el("option", [.value(String(member.account.id))] + (member.account.id == chosen ? [.selected] : []), [.text(member.account.displayName)])
                    }),
                ]),
                Forms.submit("Filtrer", secondary: true),
            ]),
            .p([], ["Les 300 dernières actions, de la plus récente à la plus ancienne."]),
            entries.isEmpty ? .p([], ["Aucune action enregistrée."]) : DashboardPage.table(
                caption: "Actions du personnel", header: ["Quand", "Qui", "Action", "Objet", "Détail", "Adresse"],
                rows: entries.map { entry in
                    [.text(FrenchDateFormat.shortWithTime(entry.at)), .text(entry.staffName), .text(actionLabel(entry.action)), .text(entry.target),
                     .text(entry.detail), .text(entry.ip)]
                }),
        ])
    }

    static func actionLabel(_ code: String) -> String {
        switch code {
        case "attendance.mark": "Pointage"
        case "attendance.walk_in": "Enfant ajouté sur place"
        case "waiting_list.promote": "Promotion de liste d'attente"
        case "staff.role": "Changement de rôle"
        case "staff.deactivate": "Désactivation d'un compte"
        case "staff.reactivate": "Réactivation d'un compte"
        case "staff.invite": "Invitation"
        case "export.bookings": "Export des réservations"
        case "export.attendance": "Export du pointage"
        case "dossier.decide": "Décision sur une modification de dossier"
        case "dossier.create": "Création d'un dossier famille"
        case "dossier.quotient": "Quotient familial"
        case "dossier.residency": "Domiciliation"
        case "dossier.anonymise": "Anonymisation d'un dossier"
        default:
            if code.hasPrefix("queue."), code.hasSuffix(".accepted") { "Acceptation (\(code.dropFirst(6).dropLast(9)))" }
            else if code.hasPrefix("queue."), code.hasSuffix(".refused") { "Refus (\(code.dropFirst(6).dropLast(8)))" }
            else { code }
        }
    }
}
