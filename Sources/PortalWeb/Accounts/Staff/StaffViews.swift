import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore

/// Pages of the back-office frame: same town header, a staff menu instead of the family tabs.
enum StaffViews {
    static func page(_ context: RequestContext, title: String, content: [Node]) -> Node {
        var links: [StaffNavigationItem] = []
        if case .staff(let staff)? = context.principal { links = StaffNavigation.items(for: staff.role, tenant: context.tenant) }
        return Layout.page(tenant: context.tenant, title: "Gestion – \(title)", viewer: context.viewer, familyTabs: links.isEmpty, content: [
            .when(!links.isEmpty, .nav([.class("space-nav staff-nav"), .aria("label", "Gestion")], [
                .ul([], links.map { link in
                    .li([], [.a([.href(link.path)] + (context.request.path == link.path ? [.aria("current", "page")] : []), [.text(link.label)])])
                }),
            ])),
        ] + content)
    }

    static func signIn(_ context: RequestContext, email: String, message: String?) -> Node {
        let retour = context.form.value("retour") ?? context.request.queryValue("retour") ?? ""
        return page(context, title: "Connexion", content: [
            .h1([], [.span([.class("kicker")], ["Espace de gestion"]), "Connexion du personnel"]),
            Notices.banner(context.request),
            .when(message != nil, .div([.class("error-summary"), .role("alert")], [.p([], [.text(message ?? "")])])),
            Forms.form(action: StaffPaths.signIn, csrf: context.csrfToken, [
                .when(!retour.isEmpty, Forms.hidden("retour", ReturnPath.sanitized(retour, default: StaffPaths.home))),
                Forms.field("courriel", label: "Adresse électronique", type: "email", value: email, autocomplete: "email", errors: FieldErrors()),
                Forms.field("mot_de_passe", label: "Mot de passe", type: "password", autocomplete: "current-password", errors: FieldErrors()),
                .div([.class("actions")], [Forms.submit("Se connecter"), .a([.href(StaffPaths.forgotten)], ["Mot de passe oublié ?"])]),
            ]),
        ])
    }

    static func team(_ context: RequestContext, team: [StaffMember], values: InvitationValues, errors: FieldErrors) -> Node {
        page(context, title: "Équipe", content: [
            .h1([], ["Équipe"]),
            Notices.banner(context.request),
            Forms.errorSummary(errors),
            TeamPages.members(context, team),
            .h2([], ["Inviter une personne"]),
            Forms.form(action: StaffPaths.team, csrf: context.csrfToken, label: "Inviter une personne", [
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

    static func invitation(_ context: RequestContext, token: String?, staff: StaffAccount?, errors: FieldErrors) -> Node {
        guard let token, let staff else {
            return page(context, title: "Invitation", content: [
                .h1([], ["Cette invitation n'est plus valable"]),
                .p([], ["Le lien a déjà servi ou a expiré (il est valable 7 jours). Demandez une nouvelle invitation à un administrateur."]),
            ])
        }
        return page(context, title: "Invitation", content: [
            .h1([], ["Choisir votre mot de passe"]),
            .p([], [.text("Compte de gestion de \(staff.displayName) (\(staff.email)), rôle : \(staff.role.frenchLabel).")]),
            Forms.errorSummary(errors),
            Forms.form(action: StaffPaths.invitation, csrf: context.csrfToken, [
                Forms.hidden("jeton", token),
                .input([.type("text"), .name("identifiant"), .value(staff.email), .autocomplete("username"), Attribute("hidden", nil)]),
                Forms.newPassword("mot_de_passe", label: "Mot de passe", policy: context.tenant.passwordPolicy, errors: errors),
                Forms.field("confirmation", label: "Confirmation du mot de passe", type: "password", autocomplete: "new-password", errors: errors),
                Forms.submit("Enregistrer"),
            ]),
        ])
    }
}
