import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

extension AccountLinks {
    /// The account e-mails' links, printed from the declared paths.
    static let web = AccountLinks(signIn: AccountPaths.signIn, forgotten: AccountPaths.forgotten, activation: AccountPaths.activation,
                                  confirmEmail: AccountPaths.confirmEmail, staffInvitation: StaffPaths.invitation,
                                  reset: { $0 == .family ? AccountPaths.reset : StaffPaths.reset })
}

extension RequestContext {
    /// This request's client and the session lifetime a new session gets.
    var accountClient: AccountClient { AccountClient(address: clientAddress, lifetime: settings.sessionLifetime) }

    /// What an anonymous form sent for the anti-robot checks (`AnonymousForms.fields`).
    var anonymousSubmission: AnonymousSubmission {
        AnonymousSubmission(honeypot: form.value(Forms.honeypotName) ?? "", stamp: form.text(Forms.stampName),
                            clientAddress: clientAddress, minimumSeconds: settings.minimumFormSeconds)
    }

    /// Where the sign-in form sends back to once signed in, as the form or the link carried it.
    var signInReturnPath: String { form.value("retour") ?? request.queryValue("retour") ?? "" }

    /// The `ok` code of the redirect that led here (`Notices`).
    var noticeCode: String? { request.queryValue("ok") }
}
