import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The town administrator's side of the team: role changes, deactivation (sessions end at
/// once) and reactivation, each in the audit log (`AuditPage`).
enum TeamPages {
    /// Runs an administration change; the town's last administrator stays.
    private static func change(_ context: RequestContext, member id: Int64, _ change: ChangeTeamMember.Change) throws -> HTTPResponse {
        let admin = try context.staff
        switch try ChangeTeamMember(town: context.town).run(member: id, change, by: admin, clientAddress: context.clientAddress, now: context.now) {
        case .lastAdministrator: return .redirect(to: StaffPaths.team + "?erreur=dernier-admin")
        case .changed: return .redirect(to: StaffPaths.team + "?ok=equipe")
        }
    }

    static func changeRole(_ context: RequestContext, member id: Int64) throws -> HTTPResponse {
        guard let role = StaffRole(rawValue: context.form.text("role")) else { throw RouteError.badRequest }
        return try change(context, member: id, .role(role))
    }

    static func deactivate(_ context: RequestContext, member id: Int64) throws -> HTTPResponse {
        try change(context, member: id, .deactivate)
    }

    static func reactivate(_ context: RequestContext, member id: Int64) throws -> HTTPResponse {
        try change(context, member: id, .reactivate)
    }

    /// The members list of the team page, with the admin's controls beside each but `me`'s own;
    /// `ok` and `error` are the codes a change redirects with.
    static func members(_ frame: StaffChrome, _ members: [StaffMember], me: Int64?, ok: String?, error: String?) -> Node {
        let notice: Node = switch error {
        case "dernier-admin": Forms.notice("La collectivité doit garder au moins un administrateur actif.", kind: "error")
        default: ok == "equipe" ? Forms.notice("L'équipe est mise à jour.") : .fragment([])
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
                            Forms.csrfField(frame.chrome.csrf),
                            .el("select", [.id("role-\(account.id)"), .name("role"), .aria("label", "Rôle de \(account.displayName)")], StaffRole.allCases.map { role in
                                .el("option", [.value(role.rawValue)] + (role == account.role ? [.selected] : []), [.text(role.frenchLabel)])
                            }),
                            .button([.type("submit"), .class("link-button")], [.text("Changer le rôle")]),
                        ])),
                        .form([.method("post"), .action(member.disabledAt == nil ? BackOfficePaths.staffDeactivate(account.id) : BackOfficePaths.staffReactivate(account.id)),
                               .class("inline")], [
                            Forms.csrfField(frame.chrome.csrf),
                            .button([.type("submit"), .class("link-button")], [.text(member.disabledAt == nil ? "Désactiver \(account.displayName)" : "Réactiver \(account.displayName)")]),
                        ]),
                    ]),
                ]
            }),
        ])
    }
}
