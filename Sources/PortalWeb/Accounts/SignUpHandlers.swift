import Foundation
import HTTPServer
import PortalCore
import PortalFlows

/// Sign-up (seed 001, « Créer un compte ») and activation by an e-mailed link.
enum SignUpHandlers {
    static func show(_ context: RequestContext) throws -> HTTPResponse {
        .html(AccountViews.signUp(context.chrome, values: SignUpValues(), errors: FieldErrors(), stamp: try AnonymousForms.stamp(context)))
    }

    static func submit(_ context: RequestContext) throws -> HTTPResponse {
        let form = context.form
        let values = SignUpValues(lastName: form.text("nom"), firstNames: form.text("prenoms"), email: form.text("courriel"),
                                  subscriberCode: form.text("code_abonne"), termsAccepted: form.value("conditions") == "oui")
        let outcome = try SignUp(town: context.town, links: .web).run(values, password: form.value("mot_de_passe") ?? "",
                                                                      confirmation: form.value("confirmation") ?? "",
                                                                      submission: context.anonymousSubmission, now: context.now)
        switch outcome {
        case .sent: return .redirect(to: AccountPaths.signUpSent)
        case .refused(let errors):
            return .html(AccountViews.signUp(context.chrome, values: values, errors: errors, stamp: try AnonymousForms.stamp(context)),
                         status: .unprocessableContent)
        }
    }

    static func showActivation(_ context: RequestContext) throws -> HTTPResponse {
        let token = context.request.queryValue("jeton") ?? ""
        let valid = try PendingAccountLink(town: context.town).load(token, purpose: .activation, now: context.now) != nil
        return .html(AccountViews.activation(context.chrome, token: valid ? token : nil), status: valid ? .ok : .gone)
    }

    static func activate(_ context: RequestContext) throws -> HTTPResponse {
        let activated = try ActivateAccount(town: context.town).run(token: context.form.text("jeton"), ip: context.clientAddress, now: context.now)
        guard activated else { return .html(AccountViews.activation(context.chrome, token: nil), status: .gone) }
        return .redirect(to: AccountPaths.signIn + "?ok=active")
    }

    static func showResend(_ context: RequestContext) throws -> HTTPResponse {
        .html(AccountViews.resendActivation(context.chrome, email: "", errors: FieldErrors(), stamp: try AnonymousForms.stamp(context)))
    }

    /// Same answer whatever the address: only an unactivated account gets a new link.
    static func resend(_ context: RequestContext) throws -> HTTPResponse {
        let typed = context.form.text("courriel")
        let errors = try ResendActivation(town: context.town, links: .web).run(typed: typed, submission: context.anonymousSubmission, now: context.now)
        guard errors.isEmpty else {
            return .html(AccountViews.resendActivation(context.chrome, email: typed, errors: errors, stamp: try AnonymousForms.stamp(context)),
                         status: .unprocessableContent)
        }
        return .redirect(to: AccountPaths.signUpSent)
    }
}
