import HTML
import PortalCore
import PortalFlows
import PortalStore

/// « Mes connexions »: the account's live sessions (when, from where), and the form that ends
/// all but this one once the password is typed again. Shared by Mon compte and the staff's.
enum SessionViews {
    static let passwordField = "mot_de_passe_connexions"

    static func section(_ chrome: PageChrome, sessions: [ActiveSession], action: String, errors: FieldErrors) -> Node {
        .section([.aria("labelledby", "connexions-titre")], [
            .h2([.id("connexions-titre")], ["Mes connexions"]),
            .p([], ["Les appareils connectés à votre compte en ce moment. Si vous n'en reconnaissez pas un, fermez les autres connexions puis changez de mot de passe."]),
            .ul([.class("sessions")], sessions.map { session in
                .li([], [
                    .strong([], [.text(session.isCurrent ? "Cet appareil" : "Autre appareil")]),
                    .text(" – connecté le \(FrenchDateFormat.longWithTime(session.createdAt)), dernière activité le \(FrenchDateFormat.longWithTime(session.lastSeenAt))"),
                    .when(!session.ip.isEmpty, .text(", adresse \(session.ip)")),
                ])
            }),
            .when(sessions.contains { !$0.isCurrent }, Forms.form(action: action, csrf: chrome.csrf, label: "Fermer les autres connexions", [
                Forms.field(passwordField, label: "Mot de passe actuel", type: "password", autocomplete: "current-password", errors: errors),
                Forms.submit("Fermer les autres connexions", secondary: true),
            ])),
        ])
    }
}
