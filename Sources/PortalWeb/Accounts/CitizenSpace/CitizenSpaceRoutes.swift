import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// « Mon espace citoyen »: Mon compte, Mes abonnements, Mes demandes, Mes documents.
/// Every route here is `.family`: the application has checked the session before.
enum CitizenSpaceRoutes {
    static func register(_ table: inout RouteTable) {
        table.add("GET", SpacePaths.home, .family) { context in .html(SpaceViews.home(context.chrome, account: try context.family)) }
        table.add("GET", SpacePaths.account, .family) { try AccountSettingsHandlers.show($0) }
        table.add("POST", SpacePaths.identity, .family) { try AccountSettingsHandlers.updateIdentity($0) }
        table.add("POST", SpacePaths.password, .family) { try AccountSettingsHandlers.changePassword($0) }
        table.add("POST", SpacePaths.email, .family) { try AccountSettingsHandlers.changeEmail($0) }
        table.add("POST", SpacePaths.connections, .family) { try AccountSettingsHandlers.endOtherSessions($0) }
        table.add("GET", SpacePaths.subscriptions, .family) { try SubscriptionHandlers.show($0) }
        table.add("POST", SpacePaths.subscriptions, .family) { try SubscriptionHandlers.subscribe($0) }
        table.add("GET", SpacePaths.requests, .family) { context in
            let requests = try FamilyRequestsPage(town: context.town).list(accountID: try context.family.id)
            return .html(SpaceViews.requests(context.chrome, requests: requests))
        }
        table.add("GET", SpacePaths.request, .family) { context, id in
            let request = try FamilyRequestsPage(town: context.town).request(id, accountID: try context.family.id)
            return .html(SpaceViews.request(context.chrome, request))
        }
        table.add("GET", SpacePaths.documents, .family) { try DocumentHandlers.show($0) }
        table.add("POST", SpacePaths.documents, .family) { try DocumentHandlers.upload($0) }
        table.add("GET", SpacePaths.document, .family) { context, id in
            let account = try context.family
            return try DocumentHandlers.download(context, id: id, accountID: account.id)
        }
    }
}

/// Mon compte: identity, password (needs the current one), login address (needs the password,
/// confirmed by a link to the new address), and the account's connections.
enum AccountSettingsHandlers {
    static func show(_ context: RequestContext) throws -> HTTPResponse {
        try page(context, account: try context.family, forms: AccountForms())
    }

    /// The page with the forms as they were sent back, 422 when one has errors.
    private static func page(_ context: RequestContext, account: Account, forms: AccountForms) throws -> HTTPResponse {
        let sessions = try AccountSessions(town: context.town).load(kind: .family, id: account.id, current: context.sessionToken,
                                                                    lifetime: context.settings.sessionLifetime, now: context.now)
        let failed = !(forms.identityErrors.isEmpty && forms.passwordErrors.isEmpty && forms.emailErrors.isEmpty && forms.connectionErrors.isEmpty)
        return .html(SpaceViews.account(context.chrome, account: account, forms: forms, sessions: sessions, notice: context.noticeCode),
                     status: failed ? .unprocessableContent : .ok)
    }

    static func endOtherSessions(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let outcome = try EndOtherSessions(town: context.town).run(account.signedIn, password: context.form.value(SessionViews.passwordField) ?? "",
                                                                   field: SessionViews.passwordField, keeping: context.sessionToken,
                                                                   ip: context.clientAddress, now: context.now)
        switch outcome {
        case .ended: return .redirect(to: SpacePaths.account + "?ok=connexions")
        case .refused(let errors): return try page(context, account: account, forms: AccountForms(connectionErrors: errors))
        }
    }

    static func updateIdentity(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let lastName = context.form.text("nom"), firstNames = context.form.text("prenoms")
        let errors = try UpdateIdentity(town: context.town).run(accountID: account.id, lastName: lastName, firstNames: firstNames)
        guard errors.isEmpty else {
            return try page(context, account: account, forms: AccountForms(lastName: lastName, firstNames: firstNames, identityErrors: errors))
        }
        return .redirect(to: SpacePaths.account + "?ok=identite")
    }

    static func changePassword(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let outcome = try ChangePassword(town: context.town).run(account.signedIn, current: context.form.value("mot_de_passe_actuel") ?? "",
                                                                 new: context.form.value("nouveau_mot_de_passe") ?? "",
                                                                 confirmation: context.form.value("confirmation") ?? "",
                                                                 client: context.accountClient, now: context.now)
        switch outcome {
        case .refused(let errors):
            // The failed check's counters are kept: the flow committed before the errors are shown.
            return try page(context, account: account, forms: AccountForms(passwordErrors: errors))
        case .changed(let token):
            var response = HTTPResponse.redirect(to: SpacePaths.account + "?ok=mot-de-passe")
            context.cookies.setSession(token, on: &response)
            return response
        }
    }

    static func changeEmail(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let typed = context.form.text("nouveau_courriel")
        let errors = try RequestEmailChange(town: context.town, links: .web).run(account.signedIn, typed: typed,
                                                                                 password: context.form.value("mot_de_passe_courriel") ?? "",
                                                                                 ip: context.clientAddress, now: context.now)
        guard errors.isEmpty else { return try page(context, account: account, forms: AccountForms(newEmail: typed, emailErrors: errors)) }
        return .redirect(to: SpacePaths.account + "?ok=courriel-envoye")
    }
}

extension Account {
    /// This account as the password-guarded flows name it.
    var signedIn: SignedInAccount { SignedInAccount(kind: .family, id: id, email: email) }
}

/// What the three forms of Mon compte show back after a failed try.
struct AccountForms {
    var lastName: String?
    var firstNames: String?
    var newEmail = ""
    var identityErrors = FieldErrors()
    var passwordErrors = FieldErrors()
    var emailErrors = FieldErrors()
    var connectionErrors = FieldErrors()
}

/// Mes abonnements: linking a family file with its code abonné, active at once.
enum SubscriptionHandlers {
    static func show(_ context: RequestContext, code: String = "", errors: FieldErrors = FieldErrors()) throws -> HTTPResponse {
        let families = try SubscriptionsPage(town: context.town).load(accountID: try context.family.id)
        return .html(SpaceViews.subscriptions(context.chrome, families: families, code: code, errors: errors, notice: context.noticeCode),
                     status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    static func subscribe(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let code = context.form.text("code_abonne")
        switch try SubscribeWithCode(town: context.town).run(accountID: account.id, code: code, now: context.now) {
        case .refused(let errors): return try show(context, code: code, errors: errors)
        case .linked: return .redirect(to: SpacePaths.subscriptions + "?ok=abonnement")
        case .alreadyLinked: return .redirect(to: SpacePaths.subscriptions + "?ok=deja-abonne")
        }
    }
}
