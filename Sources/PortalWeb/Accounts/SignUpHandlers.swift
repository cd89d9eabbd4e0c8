import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// Sign-up (seed 001, « Créer un compte ») and activation by an e-mailed link.
enum SignUpHandlers {
    static func show(_ context: RequestContext) throws -> HTTPResponse {
        .html(AccountViews.signUp(context, values: SignUpValues(), errors: FieldErrors(), stamp: try AnonymousForms.stamp(context)))
    }

    static func submit(_ context: RequestContext) throws -> HTTPResponse {
        let form = context.form
        let values = SignUpValues(lastName: form.text("nom"), firstNames: form.text("prenoms"), email: form.text("courriel"),
                                  subscriberCode: form.text("code_abonne"), termsAccepted: form.value("conditions") == "oui")
        let password = form.value("mot_de_passe") ?? "", confirmation = form.value("confirmation") ?? ""
        let tenant = context.tenant
        let outcome: FieldErrors? = try context.transaction { connection -> FieldErrors? in
            var errors = FieldErrors()
            switch try AnonymousForms.check(context, purpose: "signup", in: connection) {
            case .robot: return nil
            case .retry(let message), .throttled(let message):
                errors.add("nom", message)
                return errors
            case .human: break
            }
            AccountValidation.names(lastName: values.lastName, firstNames: values.firstNames, into: &errors)
            let email = AccountValidation.email(values.email, into: &errors)
            AccountValidation.newPassword(password, confirmation: confirmation, policy: tenant.passwordPolicy, email: email?.value, into: &errors)
            if !values.termsAccepted { errors.add("conditions", "Acceptez les conditions d'utilisation pour créer votre compte.") }
            var family: FamilyFile?
            if !values.subscriberCode.isEmpty {
                switch try SubscriberCodes.lookup(values.subscriberCode, key: "client:\(context.clientAddress)", now: context.now, in: connection) {
                case .found(let found): family = found
                case .refused(let message): errors.add("code_abonne", message)
                }
            }
            guard errors.isEmpty, let email else { return errors }
            guard let accountID = try AccountStore.create(email: email, password: password, lastName: values.lastName,
                                                          firstNames: values.firstNames, now: context.now, in: connection) else {
                try Outbox.enqueue(AccountMails.alreadyRegistered(tenant, to: email.value, signIn: context.baseURL + AccountPaths.signIn,
                                                                  forgotten: context.baseURL + AccountPaths.forgotten), now: context.now, in: connection)
                return nil
            }
            let token = try TokenStore.issue(.activation, kind: .family, principalID: accountID, now: context.now, in: connection)
            try Outbox.enqueue(AccountMails.activation(tenant, to: email.value, link: context.baseURL + AccountPaths.activation + "?jeton=" + token),
                               now: context.now, in: connection)
            if let family {
                try SubscriberCodes.subscribe(accountID: accountID, family: family, now: context.now, in: connection)
            }
            return nil
        }
        guard let errors = outcome else { return .redirect(to: AccountPaths.signUpSent) }
        return .html(AccountViews.signUp(context, values: values, errors: errors, stamp: try AnonymousForms.stamp(context)),
                     status: .unprocessableContent)
    }

    static func showActivation(_ context: RequestContext) throws -> HTTPResponse {
        let token = context.request.queryValue("jeton") ?? ""
        let valid = try context.transaction { try TokenStore.peek(token, purpose: .activation, now: context.now, in: $0) } != nil
        return .html(AccountViews.activation(context, token: valid ? token : nil), status: valid ? .ok : .gone)
    }

    static func activate(_ context: RequestContext) throws -> HTTPResponse {
        let activated = try context.transaction { connection -> Bool in
            guard let token = try TokenStore.consume(context.form.text("jeton"), purpose: .activation, now: context.now, in: connection),
                  token.kind == .family else { return false }
            try AccountStore.activate(id: token.principalID, now: context.now, in: connection)
            try SecurityEvents.record(.activation, principal: (.family, token.principalID), ip: context.clientAddress, now: context.now, in: connection)
            return true
        }
        guard activated else { return .html(AccountViews.activation(context, token: nil), status: .gone) }
        return .redirect(to: AccountPaths.signIn + "?ok=active")
    }

    static func showResend(_ context: RequestContext) throws -> HTTPResponse {
        .html(AccountViews.resendActivation(context, email: "", errors: FieldErrors(), stamp: try AnonymousForms.stamp(context)))
    }

    /// Same answer whatever the address: only an unactivated account gets a new link.
    static func resend(_ context: RequestContext) throws -> HTTPResponse {
        try AnonymousForms.mailLinkToAccount(context, purpose: "activation",
                                             page: { AccountViews.resendActivation(context, email: $0, errors: $1, stamp: $2) },
                                             sent: AccountPaths.signUpSent) { account, connection in
            guard !account.isActivated else { return }
            let token = try TokenStore.issue(.activation, kind: .family, principalID: account.id, now: context.now, in: connection)
            try Outbox.enqueue(AccountMails.activation(context.tenant, to: account.email,
                                                       link: context.baseURL + AccountPaths.activation + "?jeton=" + token),
                               now: context.now, in: connection)
        }
    }
}

struct SignUpValues {
    var lastName = ""
    var firstNames = ""
    var email = ""
    var subscriberCode = ""
    var termsAccepted = false
}
