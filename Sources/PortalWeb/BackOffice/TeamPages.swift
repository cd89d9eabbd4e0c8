import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalStore
import Postgres

/// The town administrator's side of the team: role changes, deactivation (sessions end at
/// once) and reactivation, each in the audit log, which this area also shows.
enum TeamPages {
    static func memberID(_ context: RequestContext) throws -> Int64 {
        guard let id = context.parameters["id"].flatMap(Int64.init) else { throw RouteError.notFound }
        return id
    }

    /// Runs an administration change with its audit line; the town's last administrator stays.
    private static func change(_ context: RequestContext, action: String, detail: String,
                               _ body: (Int64, PostgresConnection) throws -> Void) throws -> HTTPResponse {
        let admin = try context.staff
        let id = try memberID(context)
        do {
            try context.transaction { connection in
                try body(id, connection)
                try StaffAudit.record(StaffActor(id: admin.id, name: admin.displayName), action: action, target: "staff/\(id)", detail: detail,
                                      ip: context.clientAddress, now: context.now, in: connection)
            }
        } catch StaffAdministrationError.lastAdministrator {
            return .redirect(to: StaffPaths.team + "?erreur=dernier-admin")
        } catch StaffAdministrationError.unknownStaff {
            throw RouteError.notFound
        }
        return .redirect(to: StaffPaths.team + "?ok=equipe")
    }

    static func changeRole(_ context: RequestContext) throws -> HTTPResponse {
        guard let role = StaffRole(rawValue: context.form.text("role")) else { throw RouteError.badRequest }
        return try change(context, action: "staff.role", detail: "nouveau rôle : \(role.frenchLabel)") { id, connection in
            _ = try StaffAdministration.setRole(id: id, role: role, in: connection)
        }
    }

    static func deactivate(_ context: RequestContext) throws -> HTTPResponse {
        try change(context, action: "staff.deactivate", detail: "compte désactivé") { id, connection in
            try StaffAdministration.deactivate(id: id, now: context.now, in: connection)
        }
    }

    static func reactivate(_ context: RequestContext) throws -> HTTPResponse {
        try change(context, action: "staff.reactivate", detail: "compte réactivé") { id, connection in
            try StaffAdministration.reactivate(id: id, in: connection)
        }
    }

    static func audit(_ context: RequestContext) throws -> HTTPResponse {
        let chosen = context.request.queryValue("agent").flatMap(Int64.init)
        let (entries, members) = try context.transaction { connection in
            (try StaffAudit.list(staffID: chosen, limit: 300, in: connection), try StaffAdministration.members(in: connection))
        }
        return .html(StaffViews.page(context, title: "Journal", content: [
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
        ]).render())
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

    /// The members list of the team page, with the admin's controls beside each.
    static func members(_ context: RequestContext, _ members: [StaffMember]) -> Node {
        let me: Int64? = if case .staff(let staff)? = context.principal { staff.id } else { nil }
        let notice: Node = switch context.request.queryValue("erreur") {
        case "dernier-admin": Forms.notice("La collectivité doit garder au moins un administrateur actif.", kind: "error")
        default: context.request.queryValue("ok") == "equipe" ? Forms.notice("L'équipe est mise à jour.") : .fragment([])
        }
        return .fragment([
            notice,
            DashboardPage.table(caption: "Comptes de gestion", header: ["Nom", "Adresse", "Rôle", "État", "Actions"], rows: members.map { member in
                let account = member.account
                let state = member.disabledAt.map { "Désactivé le \(FrenchDateFormat.shortWithTime($0))" } ?? (account.hasPassword ? "Actif" : "Invitation en attente")
                return [
                    .text(account.displayName), .text(account.email), .text(account.role.frenchLabel), .text(state),
                    account.id == me ? .text("(vous)") : .fragment([
                        .when(member.disabledAt == nil, .form([.method("post"), .action(BackOfficePaths.staffRole(account.id)), .class("inline")], [
                            Forms.csrfField(context.csrfToken),
                            .el("select", [.id("role-\(account.id)"), .name("role"), .aria("label", "Rôle de \(account.displayName)")], StaffRole.allCases.map { role in
                                .el("option", [.value(role.rawValue)] + (role == account.role ? [.selected] : []), [.text(role.frenchLabel)])
                            }),
                            .button([.type("submit"), .class("link-button")], [.text("Changer le rôle")]),
                        ])),
                        .form([.method("post"), .action(member.disabledAt == nil ? BackOfficePaths.staffDeactivate(account.id) : BackOfficePaths.staffReactivate(account.id)),
                               .class("inline")], [
                            Forms.csrfField(context.csrfToken),
                            .button([.type("submit"), .class("link-button")], [.text(member.disabledAt == nil ? "Désactiver \(account.displayName)" : "Réactiver \(account.displayName)")]),
                        ]),
                    ]),
                ]
            }),
        ])
    }
}
