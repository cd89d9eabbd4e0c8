import HTML
import PortalCore
import PortalFlows

/// The « Mot de passe » section of a « Mon compte » page (families and staff), with the fields
/// `ChangePassword` is given; the hidden address lets a password manager file the new password
/// under the right account.
enum PasswordViews {
    static func changeSection(_ chrome: PageChrome, action: String, email: String, errors: FieldErrors) -> Node {
        .section([.aria("labelledby", "mdp-titre")], [
            .h2([.id("mdp-titre")], ["Mot de passe"]),
            Forms.form(action: action, csrf: chrome.csrf, label: "Changer de mot de passe", [
                .input([.type("text"), .name("identifiant"), .value(email), .autocomplete("username"), Attribute("hidden", nil),
                        .aria("hidden", "true"), Attribute("tabindex", "-1")]),
                Forms.field("mot_de_passe_actuel", label: "Mot de passe actuel", type: "password", autocomplete: "current-password", errors: errors),
                Forms.newPassword("nouveau_mot_de_passe", label: "Nouveau mot de passe", policy: chrome.tenant.passwordPolicy, errors: errors),
                Forms.field("confirmation", label: "Confirmation du nouveau mot de passe", type: "password", autocomplete: "new-password",
                            errors: errors),
                Forms.submit("Changer de mot de passe"),
            ]),
        ])
    }
}
