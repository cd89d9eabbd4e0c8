import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// What a back-office page shows around its content: the town's frame, the menu of the signed-in
/// member's role (none for anyone else), and the path the menu marks as the current page.
struct StaffChrome {
    let chrome: PageChrome
    let role: StaffRole?
    let path: String
}

extension RequestContext {
    var staffChrome: StaffChrome {
        let role: StaffRole? = if case .staff(let staff)? = principal { staff.role } else { nil }
        return StaffChrome(chrome: chrome, role: role, path: request.path)
    }
}

/// Pages of the back-office frame: same town header, a staff menu instead of the family tabs.
enum StaffViews {
    static func page(_ frame: StaffChrome, title: String, content: [Node]) -> Node {
        let links = frame.role.map { StaffNavigation.items(for: $0, tenant: frame.chrome.tenant) } ?? []
        // The family tabs, shown here only to whoever is not signed in as staff, carry no Messagerie badge.
        return Layout.page(tenant: frame.chrome.tenant, title: "Gestion – \(title)", viewer: frame.chrome.viewer, familyTabs: links.isEmpty, content: [
            .when(!links.isEmpty, .nav([.class("space-nav staff-nav"), .aria("label", "Gestion")], [
                .ul([], links.map { link in
                    .li([], [.a([.href(link.path)] + (frame.path == link.path ? [.aria("current", "page")] : []), [.text(link.label)])])
                }),
            ])),
        ] + content)
    }

    /// `returnPath` is where the form sends back to once signed in; `notice` the redirect's `ok` code.
    static func signIn(_ frame: StaffChrome, email: String, message: String?, returnPath retour: String, notice: String?) -> Node {
        page(frame, title: "Connexion", content: [
            .h1([], [.span([.class("kicker")], ["Espace de gestion"]), "Connexion du personnel"]),
            Notices.banner(notice),
            .when(message != nil, .div([.class("error-summary"), .role("alert")], [.p([], [.text(message ?? "")])])),
            Forms.form(action: StaffPaths.signIn, csrf: frame.chrome.csrf, [
                .when(!retour.isEmpty, Forms.hidden("retour", ReturnPath.sanitized(retour, default: StaffPaths.home))),
                Forms.field("courriel", label: "Adresse électronique", type: "email", value: email, autocomplete: "email", errors: FieldErrors()),
                Forms.field("mot_de_passe", label: "Mot de passe", type: "password", autocomplete: "current-password", errors: FieldErrors()),
                .div([.class("actions")], [Forms.submit("Se connecter"), .a([.href(StaffPaths.forgotten)], ["Mot de passe oublié ?"])]),
            ]),
        ])
    }

    /// `members` is the team's table as the back-office draws it (`TeamPages.members`).
    static func team(_ frame: StaffChrome, members: Node, values: InvitationValues, errors: FieldErrors, notice: String?) -> Node {
        page(frame, title: "Équipe", content: [
            .h1([], ["Équipe"]),
            Notices.banner(notice),
            Forms.errorSummary(errors),
            members,
            .h2([], ["Inviter une personne"]),
            Forms.form(action: StaffPaths.team, csrf: frame.chrome.csrf, label: "Inviter une personne", [
                Forms.field("nom", label: "Nom et prénom", value: values.name, autocomplete: "off", errors: errors),
                Forms.field("courriel", label: "Adresse électronique", type: "email", value: values.email, autocomplete: nil, errors: errors),
                .div([.class("field")], [
                    .label([.for(Forms.fieldID("role"))], ["Rôle"]),
                    .el("select", [.id(Forms.fieldID("role")), .name("role")], StaffRole.allCases.map { role in
                        .el("option", [.value(role.rawValue)] + (role.rawValue == values.role ? [.selected] : []), [.text(role.frenchLabel)])
                    }),
                ]),
                Forms.submit("Envoyer l'invitation"),
            ]),
        ])
    }

    static func invitation(_ frame: StaffChrome, token: String?, staff: StaffAccount?, errors: FieldErrors) -> Node {
        guard let token, let staff else {
            return page(frame, title: "Invitation", content: [
                .h1([], ["Cette invitation n'est plus valable"]),
                .p([], ["Le lien a déjà servi ou a expiré (il est valable 7 jours). Demandez une nouvelle invitation à un administrateur."]),
            ])
        }
        return page(frame, title: "Invitation", content: [
            .h1([], ["Choisir votre mot de passe"]),
            .p([], [.text("Compte de gestion de \(staff.displayName) (\(staff.email)), rôle : \(staff.role.frenchLabel).")]),
            Forms.errorSummary(errors),
            Forms.form(action: StaffPaths.invitation, csrf: frame.chrome.csrf, [
                Forms.hidden("jeton", token),
                .input([.type("text"), .name("identifiant"), .value(staff.email), .autocomplete("username"), Attribute("hidden", nil)]),
                Forms.newPassword("mot_de_passe", label: "Mot de passe", policy: frame.chrome.tenant.passwordPolicy, errors: errors),
                Forms.field("confirmation", label: "Confirmation du mot de passe", type: "password", autocomplete: "new-password", errors: errors),
                Forms.submit("Enregistrer"),
            ]),
        ])
    }
}
