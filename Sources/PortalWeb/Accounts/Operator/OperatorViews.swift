import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore

/// What an operator console page shows around its content: who is signed in, and the token its
/// forms carry.
struct OperatorChrome {
    let signedIn: Operator?
    let csrf: String
}

/// The operator console's pages: a plain frame, no town's branding.
enum OperatorViews {
    static func page(title: String, chrome: OperatorChrome, content: [Node]) -> Node {
        PageFrame.document(title: "\(title) – Console des opérateurs", body: [
            PageFrame.skipLink,
            .header([.class("site-header")], [
                .a([.class("brand"), .href(OperatorConsole.homePath)], [.span([.class("brand-town")], ["Console des opérateurs"])]),
                .when(chrome.signedIn != nil, .nav([.class("account-bar"), .aria("label", "Compte")], [
                    .span([.class("who")], [.text(chrome.signedIn?.displayName ?? "")]),
                    Layout.signOut(action: OperatorConsole.signOutPath, csrf: chrome.csrf),
                ])),
            ]),
            .main([.id("contenu")], content),
        ])
    }

    static func signIn(_ chrome: OperatorChrome, email: String, message: String?) -> Node {
        page(title: "Connexion", chrome: chrome, content: [
            .h1([], ["Connexion des opérateurs"]),
            .when(message != nil, .div([.class("error-summary"), .role("alert")], [.p([], [.text(message ?? "")])])),
            Forms.form(action: OperatorConsole.signInPath, csrf: chrome.csrf, [
                Forms.field("courriel", label: "Adresse électronique", type: "email", value: email, autocomplete: "email", errors: FieldErrors()),
                Forms.field("mot_de_passe", label: "Mot de passe", type: "password", autocomplete: "current-password", errors: FieldErrors()),
                Forms.submit("Se connecter"),
            ]),
        ])
    }

    static func dashboard(_ chrome: OperatorChrome, tenants: [OperatorConsoleData.TenantHealth],
                          failures: [OperatorConsoleData.OutboxFailure], unreadableClusters: [String],
                          fileProblems: [String]) -> Node {
        page(title: "Tableau de bord", chrome: chrome, content: [
            .h1([], ["Collectivités hébergées"]),
            table(headers: ["Collectivité", "Adresses", "Cluster", "Schéma", "Familles", "Dernière activité", "État"],
                  rows: tenants.map { town in
                      [.strong([], [.text(town.overview.id)]),
                       .fragment(town.hosts.enumerated().map { $0.offset == 0 ? .text($0.element) : .fragment([.br, .text($0.element)]) }),
                       .text(town.overview.cluster),
                       .text(town.overview.schemaVersion ?? "non migré"),
                       .text(String(town.overview.families)),
                       .text(town.overview.lastActivity.map(FrenchDateFormat.shortWithTime) ?? "—"),
                       status(town)]
                  }),
            .h2([], ["Courriels en échec"]),
            .when(!unreadableClusters.isEmpty, .p([.class("error-summary"), .role("alert")], [
                .text("Clusters illisibles : \(unreadableClusters.joined(separator: ", "))"),
            ])),
            failures.isEmpty ? .p([], ["Aucun courriel en échec."]) :
                table(headers: ["Créé", "Collectivité", "Cluster", "Objet", "Essais", "Prochain essai", "Dernière erreur"],
                      rows: failures.map { row in
                          [.text(FrenchDateFormat.shortWithTime(row.failure.createdAt)), .text(row.failure.tenantID ?? "plateforme"),
                           .text(row.cluster), .text(row.failure.subject), .text(String(row.failure.attempts)),
                           .text(FrenchDateFormat.shortWithTime(row.failure.nextAttemptAt)), .text(row.failure.lastError)]
                      }),
            .h2([], ["Fichiers de collectivité"]),
            fileProblems.isEmpty ? .p([], ["Tous les fichiers de tenants/ sont valides et servis."]) :
                .ul([.class("file-problems")], fileProblems.map { .li([], [.el("code", [], [.text($0)])]) }),
        ])
    }

    private static func status(_ town: OperatorConsoleData.TenantHealth) -> Node {
        if let problem = town.overview.problem { return .text("Injoignable : \(problem)") }
        if town.overview.suspended { return .text("Suspendue") }
        if !town.overview.registered { return .text("Non créée (portal tenant create)") }
        if !town.overview.hasFile { return .text("Sans fichier") }
        return .text(town.healthy ? "En service" : "Migration en retard (portal migrate)")
    }

    private static func table(headers: [String], rows: [[Node]]) -> Node {
        .div([.class("table-wrap")], [.el("table", [], [
            .el("thead", [], [.el("tr", [], headers.map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
            .el("tbody", [], rows.map { cells in .el("tr", [], cells.map { .el("td", [], [$0]) }) }),
        ])])
    }
}
