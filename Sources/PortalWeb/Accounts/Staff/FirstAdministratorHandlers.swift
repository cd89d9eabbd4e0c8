import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// `/gestion/invitation/<lien>`: the page where a new town's first administrator, invited by
/// `portal tenant create`, chooses a name and a password.
enum FirstAdministratorHandlers {
    static let pattern = AdminInvitation.linkPath + ":lien"

    static func register(_ table: inout RouteTable) {
        table.add("GET", pattern, .anyone) { context in
            let token = context.parameters["lien"] ?? ""
            let pending = try context.transaction { try FirstAdministrator.pending(tenantID: context.tenant.id, token: token, now: context.now, in: $0) }
            guard let email = pending else { return .html(page(context, token: nil, values: (name: "", email: ""), errors: FieldErrors()), status: .gone) }
            return .html(page(context, token: token, values: (name: "", email: email ?? ""), errors: FieldErrors()))
        }
        table.add("POST", pattern, .anyone) { context in
            let token = context.parameters["lien"] ?? ""
            let name = context.form.text("nom"), typed = context.form.text("courriel")
            let password = context.form.value("mot_de_passe") ?? "", confirmation = context.form.value("confirmation") ?? ""
            var errors = FieldErrors()
            if name.isEmpty || name.count > 150 { errors.add("nom", "Indiquez votre nom (150 caractères au plus).") }
            let email = AccountValidation.email(typed, into: &errors)
            AccountValidation.newPassword(password, confirmation: confirmation, policy: context.tenant.passwordPolicy, email: email?.value, into: &errors)
            let outcome: FirstAdministrator.Outcome? = try context.transaction { connection in
                guard errors.isEmpty, let email else { return nil }
                let outcome = try FirstAdministrator.accept(tenantID: context.tenant.id, token: token, email: email, displayName: name,
                                                            password: password, now: context.now, in: connection)
                if case .created(let id) = outcome {
                    try SecurityEvents.record(.passwordChange, principal: (.staff, id), email: email.value, ip: context.clientAddress,
                                              detail: "premier administrateur", now: context.now, in: connection)
                }
                return outcome
            }
            switch outcome {
            case .created?: return .redirect(to: StaffPaths.signIn + "?ok=invitation")
            case .invalidLink?: return .html(page(context, token: nil, values: (name, typed), errors: errors), status: .gone)
            case .emailTaken?:
                errors.add("courriel", "Cette adresse a déjà un compte de gestion dans la collectivité.")
                return .html(page(context, token: token, values: (name, typed), errors: errors), status: .unprocessableContent)
            case nil:
                return .html(page(context, token: token, values: (name, typed), errors: errors), status: .unprocessableContent)
            }
        }
    }

    static func page(_ context: RequestContext, token: String?, values: (name: String, email: String), errors: FieldErrors) -> Node {
        guard let token else {
            return StaffViews.page(context, title: "Invitation", content: [
                .h1([], ["Ce lien n'est plus valable"]),
                .p([], ["Le lien a déjà servi, a été remplacé ou a expiré. Demandez un nouveau lien à l'opérateur de la plateforme."]),
            ])
        }
        return StaffViews.page(context, title: "Premier administrateur", content: [
            .h1([], [.span([.class("kicker")], ["Espace de gestion"]), "Créer le compte du premier administrateur"]),
            Forms.errorSummary(errors),
            Forms.form(action: AdminInvitation.linkPath + token, csrf: context.csrfToken, [
                Forms.field("nom", label: "Nom et prénom", value: values.name, autocomplete: "name", errors: errors),
                Forms.field("courriel", label: "Adresse électronique", type: "email", value: values.email, autocomplete: "email", errors: errors),
                Forms.newPassword("mot_de_passe", label: "Mot de passe", policy: context.tenant.passwordPolicy, errors: errors),
                Forms.field("confirmation", label: "Confirmation du mot de passe", type: "password", autocomplete: "new-password", errors: errors),
                Forms.submit("Créer mon compte"),
            ]),
        ])
    }
}
