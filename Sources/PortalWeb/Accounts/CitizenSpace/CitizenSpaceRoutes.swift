import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// « Mon espace citoyen »: Mon compte, Mes abonnements, Mes demandes, Mes documents.
/// Every route here is `.family`: the application has checked the session before.
enum CitizenSpaceRoutes {
    static func register(_ table: inout RouteTable) {
        table.add("GET", SpacePaths.home, .family) { context in .html(SpaceViews.home(context, account: try context.family)) }
        table.add("GET", SpacePaths.account, .family) { try AccountSettingsHandlers.show($0) }
        table.add("POST", SpacePaths.identity, .family) { try AccountSettingsHandlers.updateIdentity($0) }
        table.add("POST", SpacePaths.password, .family) { try AccountSettingsHandlers.changePassword($0) }
        table.add("POST", SpacePaths.email, .family) { try AccountSettingsHandlers.changeEmail($0) }
        table.add("POST", SpacePaths.connections, .family) { try AccountSettingsHandlers.endOtherSessions($0) }
        table.add("GET", SpacePaths.subscriptions, .family) { try SubscriptionHandlers.show($0) }
        table.add("POST", SpacePaths.subscriptions, .family) { try SubscriptionHandlers.subscribe($0) }
        table.add("GET", SpacePaths.requests, .family) { context in
            let account = try context.family
            let requests = try context.transaction { try Requests.list(visibleTo: account.id, in: $0) }
            return .html(SpaceViews.requests(context, requests: requests))
        }
        table.add("GET", SpacePaths.requests + "/:id", .family) { context in
            let account = try context.family
            guard let id = context.parameters["id"].flatMap(Int64.init),
                  let request = try context.transaction({ try Requests.find(id: id, visibleTo: account.id, in: $0) }) else { throw RouteError.notFound }
            return .html(SpaceViews.request(context, request))
        }
        table.add("GET", SpacePaths.documents, .family) { try DocumentHandlers.show($0) }
        table.add("POST", SpacePaths.documents, .family) { try DocumentHandlers.upload($0) }
        table.add("GET", SpacePaths.documents + "/:id", .family) { context in
            let account = try context.family
            return try DocumentHandlers.download(context, accountID: account.id)
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
    private static func page(_ context: RequestContext, account: FamilyAccount, forms: AccountForms) throws -> HTTPResponse {
        let sessions = try CurrentPassword.sessions(context, kind: .family, id: account.id)
        let failed = !(forms.identityErrors.isEmpty && forms.passwordErrors.isEmpty && forms.emailErrors.isEmpty && forms.connectionErrors.isEmpty)
        return .html(SpaceViews.account(context, account: account, forms: forms, sessions: sessions), status: failed ? .unprocessableContent : .ok)
    }

    static func endOtherSessions(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        var forms = AccountForms()
        guard try CurrentPassword.endOtherSessions(context, kind: .family, id: account.id, email: account.email, into: &forms.connectionErrors) != nil
        else { return try page(context, account: account, forms: forms) }
        return .redirect(to: SpacePaths.account + "?ok=connexions")
    }

    static func updateIdentity(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let lastName = context.form.text("nom"), firstNames = context.form.text("prenoms")
        var forms = AccountForms(lastName: lastName, firstNames: firstNames)
        AccountValidation.names(lastName: lastName, firstNames: firstNames, into: &forms.identityErrors)
        guard forms.identityErrors.isEmpty else { return try page(context, account: account, forms: forms) }
        try context.transaction { try AccountStore.updateIdentity(id: account.id, lastName: lastName, firstNames: firstNames, in: $0) }
        return .redirect(to: SpacePaths.account + "?ok=identite")
    }

    static func changePassword(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        var forms = AccountForms()
        let token = try CurrentPassword.change(context, kind: .family, id: account.id, email: account.email, into: &forms.passwordErrors)
        // The failed check's counters must be kept, so errors are shown after the commit.
        guard let token else { return try page(context, account: account, forms: forms) }
        var response = HTTPResponse.redirect(to: SpacePaths.account + "?ok=mot-de-passe")
        context.cookies.setSession(token, on: &response)
        return response
    }

    static func changeEmail(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let typed = context.form.text("nouveau_courriel")
        var forms = AccountForms(newEmail: typed)
        let sent: Bool = try context.transaction { connection in
            let newEmail = AccountValidation.email(typed, field: "nouveau_courriel", into: &forms.emailErrors)
            if let newEmail, newEmail.value == account.email { forms.emailErrors.add("nouveau_courriel", "C'est déjà l'adresse de votre compte.") }
            try CurrentPassword.check(context, kind: .family, id: account.id, email: account.email, field: "mot_de_passe_courriel",
                                      into: &forms.emailErrors, in: connection)
            guard forms.emailErrors.isEmpty, let newEmail else { return false }
            // Whether the new address is taken is only checked at confirmation: saying it here would reveal it.
            let token = try TokenStore.issue(.emailChange, kind: .family, principalID: account.id, newEmail: newEmail.value, now: context.now, in: connection)
            try Outbox.enqueue(AccountMails.confirmNewEmail(context.tenant, to: newEmail.value, link: context.baseURL + AccountPaths.confirmEmail + "?jeton=" + token),
                               now: context.now, in: connection)
            try Outbox.enqueue(AccountMails.emailChangeRequested(context.tenant, to: account.email, newEmail: newEmail.value), now: context.now, in: connection)
            return true
        }
        guard sent else { return try page(context, account: account, forms: forms) }
        return .redirect(to: SpacePaths.account + "?ok=courriel-envoye")
    }
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
        let account = try context.family
        let families = try context.transaction { try FamilyStore.subscriptions(accountID: account.id, in: $0) }
        return .html(SpaceViews.subscriptions(context, families: families, code: code, errors: errors),
                     status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    static func subscribe(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let code = context.form.text("code_abonne")
        var errors = FieldErrors()
        let linked: Bool? = try context.transaction { connection in
            guard !code.isEmpty else {
                errors.add("code_abonne", "Saisissez le code abonné donné par la collectivité.")
                return nil
            }
            switch try SubscriberCodes.lookup(code, key: "family:\(account.id)", now: context.now, in: connection) {
            case .refused(let message):
                errors.add("code_abonne", message)
                return nil
            case .found(let family):
                return try SubscriberCodes.subscribe(accountID: account.id, family: family, now: context.now, in: connection)
            }
        }
        guard let linked else { return try show(context, code: code, errors: errors) }
        return .redirect(to: SpacePaths.subscriptions + (linked ? "?ok=abonnement" : "?ok=deja-abonne"))
    }
}
