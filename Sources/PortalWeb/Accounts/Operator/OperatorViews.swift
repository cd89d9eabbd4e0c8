import Foundation
import HTML
import PortalCore
import PortalStore

/// The operator console's pages: a plain frame, no town's branding.
enum OperatorViews {
    static func page(title: String, context: OperatorConsole.Context, content: [Node]) -> Node {
        .fragment([
            .doctype,
            .el("html", [.lang("fr")], [
                .el("head", [], [
                    .meta([Attribute("charset", "utf-8")]),
                    .meta([.name("viewport"), Attribute("content", "width=device-width, initial-scale=1")]),
                    .el("title", [], [.text("\(title) – Console des opérateurs")]),
                    .link([.rel("stylesheet"), .href(AssetPaths.stylesheet)]),
                ]),
                .el("body", [], [
                    .a([.class("skip"), .href("#contenu")], ["Aller au contenu"]),
                    .header([.class("site-header")], [
                        .a([.class("brand"), .href(OperatorConsole.homePath)], [.span([.class("brand-town")], ["Console des opérateurs"])]),
                        .when(context.signedIn != nil, .nav([.class("account-bar"), .aria("label", "Compte")], [
                            .span([.class("who")], [.text(context.signedIn?.displayName ?? "")]),
                            Layout.signOut(action: OperatorConsole.signOutPath, csrf: context.csrfToken),
                        ])),
                    ]),
                    .main([.id("contenu")], content),
                ]),
            ]),
        ])
    }

    static func signIn(_ context: OperatorConsole.Context, email: String, message: String?) -> Node {
        page(title: "Connexion", context: context, content: [
            .h1([], ["Connexion des opérateurs"]),
            .when(message != nil, .div([.class("error-summary"), .role("alert")], [.p([], [.text(message ?? "")])])),
            Forms.form(action: OperatorConsole.signInPath, csrf: context.csrfToken, [
                Forms.field("courriel", label: "Adresse électronique", type: "email", value: email, autocomplete: "email", errors: FieldErrors()),
                Forms.field("mot_de_passe", label: "Mot de passe", type: "password", autocomplete: "current-password", errors: FieldErrors()),
                Forms.submit("Se connecter"),
            ]),
        ])
    }

    static func dashboard(_ context: OperatorConsole.Context, tenants: [TenantConfig], failures: [OutboxMessage]) -> Node {
        page(title: "Tableau de bord", context: context, content: [
            .h1([], ["Collectivités hébergées"]),
            .ul([], tenants.map { .li([], [.strong([], [.text($0.shortName)]), .text(" – \($0.name) (\($0.id))")]) }),
            .h2([], ["Courriels en échec"]),
            failures.isEmpty ? .p([], ["Aucun courriel en échec."]) : .div([.class("table-wrap")], [.el("table", [], [
                .el("thead", [], [.el("tr", [], ["Créé", "Collectivité", "Destinataire", "Objet", "Essais", "Dernière erreur"].map {
                    .el("th", [Attribute("scope", "col")], [.text($0)])
                })]),
                .el("tbody", [], failures.map { message in
                    .el("tr", [], [
                        .el("td", [], [.text(FrenchDateFormat.shortWithTime(message.createdAt))]),
                        .el("td", [], [.text(message.mail.tenantID ?? "")]),
                        .el("td", [], [.text(message.mail.recipient)]),
                        .el("td", [], [.text(message.mail.subject)]),
                        .el("td", [], [.text(String(message.attempts))]),
                        .el("td", [], [.text(message.lastError ?? "")]),
                    ])
                }),
            ])]),
        ])
    }
}
