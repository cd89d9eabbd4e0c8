import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// `/gestion/invitation/<lien>`: the page where a new town's first administrator, invited by
/// `portal tenant create`, chooses a name and a password.
enum FirstAdministratorHandlers {
    static let path = RoutePath<String>(AdminInvitation.linkPath, "lien")

    static func register(_ table: inout RouteTable) {
        table.add("GET", path, .anyone) { context, token in
            let pending = try FirstAdministratorLink(town: context.town).load(token: token, now: context.now)
            guard let email = pending else { return .html(page(context.staffChrome, token: nil, values: (name: "", email: ""), errors: FieldErrors()), status: .gone) }
            return .html(page(context.staffChrome, token: token, values: (name: "", email: email ?? ""), errors: FieldErrors()))
        }
        table.add("POST", path, .anyone) { context, token in
            let name = context.form.text("nom"), typed = context.form.text("courriel")
            let outcome = try CreateFirstAdministrator(town: context.town).run(token: token, name: name, emailText: typed,
                                                                               password: context.form.value("mot_de_passe") ?? "",
                                                                               confirmation: context.form.value("confirmation") ?? "",
                                                                               ip: context.clientAddress, now: context.now)
            switch outcome {
            case .created: return .redirect(to: StaffPaths.signIn + "?ok=invitation")
            case .invalidLink(let errors): return .html(page(context.staffChrome, token: nil, values: (name, typed), errors: errors), status: .gone)
            case .refused(let errors):
                return .html(page(context.staffChrome, token: token, values: (name, typed), errors: errors), status: .unprocessableContent)
            }
        }
    }

    static func page(_ frame: StaffChrome, token: String?, values: (name: String, email: String), errors: FieldErrors) -> Node {
        guard let token else {
            return StaffViews.page(frame, title: "Invitation", content: [
                .h1([], ["Ce lien n'est plus valable"]),
                .p([], ["Le lien a déjà servi, a été remplacé ou a expiré. Demandez un nouveau lien à l'opérateur de la plateforme."]),
            ])
        }
        return StaffViews.page(frame, title: "Premier administrateur", content: [
            .h1([], [.span([.class("kicker")], ["Espace de gestion"]), "Créer le compte du premier administrateur"]),
            Forms.errorSummary(errors),
            Forms.form(action: path(token), csrf: frame.chrome.csrf, [
                Forms.field("nom", label: "Nom et prénom", value: values.name, autocomplete: "name", errors: errors),
                Forms.field("courriel", label: "Adresse électronique", type: "email", value: values.email, autocomplete: "email", errors: errors),
                Forms.newPassword("mot_de_passe", label: "Mot de passe", policy: frame.chrome.tenant.passwordPolicy, errors: errors),
                Forms.field("confirmation", label: "Confirmation du mot de passe", type: "password", autocomplete: "new-password", errors: errors),
                Forms.submit("Créer mon compte"),
            ]),
        ])
    }
}
