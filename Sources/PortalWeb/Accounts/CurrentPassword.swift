import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// The current password asked again before a sensitive change (address, password, ending the
/// other sessions), for families and staff alike. Wrong ones count against the account like
/// failed sign-ins, and are audited.
enum CurrentPassword {
    static func check(_ context: RequestContext, kind: PrincipalKind, id: Int64, email: String, field: String,
                      into errors: inout FieldErrors, in connection: PostgresConnection) throws {
        let key = "\(kind.rawValue):\(id)"
        let state = try ThrottleStore.state(.passwordCheck, key: key, in: connection)
        if let message = ThrottleRule.account.decide(state, now: context.now).frenchMessage(now: context.now) {
            errors.add(field, message)
            return
        }
        let typed = context.form.value(field) ?? ""
        let matches = switch kind {
        case .family: try AccountStore.passwordMatches(accountID: id, password: typed, in: connection)
        case .staff: try StaffStore.passwordMatches(staffID: id, password: typed, in: connection)
        }
        if matches {
            try ThrottleStore.save(ThrottleRule.account.recordingSuccess(state), .passwordCheck, key: key, in: connection)
        } else {
            try ThrottleStore.save(ThrottleRule.account.recordingFailure(state, now: context.now), .passwordCheck, key: key, in: connection)
            try SecurityEvents.record(.signInFailure, principal: (kind, id), email: email, ip: context.clientAddress,
                                      detail: "mot de passe actuel erroné", now: context.now, in: connection)
            errors.add(field, "Le mot de passe actuel est incorrect.")
        }
    }

    /// « Changer de mot de passe » from the signed-in account's page: the current one first, then
    /// every session of the account ends, this one included, and the address is told. Returns
    /// the new session's token for this browser; nil with `errors` filled when refused.
    static func change(_ context: RequestContext, kind: PrincipalKind, id: Int64, email: String,
                       into errors: inout FieldErrors) throws -> String? {
        let password = context.form.value("nouveau_mot_de_passe") ?? "", confirmation = context.form.value("confirmation") ?? ""
        return try context.transaction { connection in
            try check(context, kind: kind, id: id, email: email, field: "mot_de_passe_actuel", into: &errors, in: connection)
            AccountValidation.newPassword(password, confirmation: confirmation, policy: context.tenant.passwordPolicy, email: email,
                                          field: "nouveau_mot_de_passe", into: &errors)
            guard errors.isEmpty else { return nil }
            switch kind {
            case .family: try AccountStore.setPassword(id: id, password: password, in: connection)
            case .staff: try StaffStore.setPassword(id: id, password: password, in: connection)
            }
            try SessionStore.deleteAll(kind: kind, principalID: id, in: connection)
            try SecurityEvents.record(.passwordChange, principal: (kind, id), email: email, ip: context.clientAddress, now: context.now, in: connection)
            try Outbox.enqueue(AccountMails.passwordChanged(context.tenant, to: email), now: context.now, in: connection)
            return try SessionStore.create(kind: kind, principalID: id, ip: context.clientAddress, now: context.now,
                                           lifetime: context.settings.sessionLifetime, in: connection).token
        }
    }

    /// The « Mot de passe » section of a « Mon compte » page, with the fields `change` reads; the
    /// hidden address lets a password manager file the new password under the right account.
    static func changeSection(_ context: RequestContext, action: String, email: String, errors: FieldErrors) -> Node {
        .section([.aria("labelledby", "mdp-titre")], [
            .h2([.id("mdp-titre")], ["Mot de passe"]),
            Forms.form(action: action, csrf: context.csrfToken, label: "Changer de mot de passe", [
                .input([.type("text"), .name("identifiant"), .value(email), .autocomplete("username"), Attribute("hidden", nil),
                        .aria("hidden", "true"), Attribute("tabindex", "-1")]),
                Forms.field("mot_de_passe_actuel", label: "Mot de passe actuel", type: "password", autocomplete: "current-password", errors: errors),
                Forms.newPassword("nouveau_mot_de_passe", label: "Nouveau mot de passe", policy: context.tenant.passwordPolicy, errors: errors),
                Forms.field("confirmation", label: "Confirmation du nouveau mot de passe", type: "password", autocomplete: "new-password",
                            errors: errors),
                Forms.submit("Changer de mot de passe"),
            ]),
        ])
    }

    /// « Fermer les autres connexions »: every session of the account but this browser's ends,
    /// once the password is typed again (ASVS 3.3.4). Nil when it was not.
    static func endOtherSessions(_ context: RequestContext, kind: PrincipalKind, id: Int64, email: String,
                                 into errors: inout FieldErrors) throws -> Int? {
        try context.transaction { connection -> Int? in
            try check(context, kind: kind, id: id, email: email, field: SessionViews.passwordField, into: &errors, in: connection)
            guard errors.isEmpty else { return nil }
            let ended = try SessionStore.deleteAll(kind: kind, principalID: id, keeping: context.sessionToken, in: connection)
            try SecurityEvents.record(.otherSessionsEnded, principal: (kind, id), email: email, ip: context.clientAddress,
                                      detail: "\(ended) connexion(s) fermée(s)", now: context.now, in: connection)
            return ended
        }
    }

    static func sessions(_ context: RequestContext, kind: PrincipalKind, id: Int64) throws -> [ActiveSession] {
        try context.transaction {
            try SessionStore.active(kind: kind, principalID: id, current: context.sessionToken, now: context.now,
                                    lifetime: context.settings.sessionLifetime, in: $0)
        }
    }
}
