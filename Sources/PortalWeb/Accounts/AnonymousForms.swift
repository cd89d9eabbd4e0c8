import HTML
import HTTPServer
import Foundation
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// The anti-robot checks of anonymous forms, without any third-party service: a honeypot field,
/// a signed display time (too fast is a robot, too old has expired), and a per-client allowance.
enum AnonymousForms {
    enum Verdict: Equatable {
        case human
        /// The honeypot was filled: answer as if all went well, do nothing.
        case robot
        /// Sent too fast or with a stale or forged stamp: show the form again.
        case retry(message: String)
        case throttled(message: String)
    }

    static let maximumAge: TimeInterval = 24 * 3600
    /// Sign-ups, reset and activation requests from one client address: generous, because a
    /// France services desk helps many families from one address.
    static let perClient = ThrottleRule(freeFailures: 30, firstDelay: .seconds(60), maximumDelay: .seconds(3600), failuresPerDay: 200)

    static func check(_ context: RequestContext, purpose: String, in connection: PostgresConnection) throws -> Verdict {
        if !(context.form.value(Forms.honeypotName) ?? "").isEmpty { return .robot }
        let issued = try FormStamps.issuedAt(context.form.text(Forms.stampName), in: connection)
        guard let issued, context.now.timeIntervalSince(issued) >= context.settings.minimumFormSeconds,
              context.now.timeIntervalSince(issued) <= maximumAge else {
            return .retry(message: "Le formulaire a été envoyé trop vite ou a expiré : vérifiez-le puis envoyez-le à nouveau.")
        }
        let key = "\(purpose):\(context.clientAddress)"
        let state = try ThrottleStore.state(.anonymousForm, key: key, in: connection)
        if let message = perClient.decide(state, now: context.now).frenchMessage(now: context.now) { return .throttled(message: message) }
        // Every submission counts: the allowance is of forms sent, not only of failures.
        try ThrottleStore.save(perClient.recordingFailure(state, now: context.now), .anonymousForm, key: key, in: connection)
        return .human
    }

    /// The forms that take only an e-mail address and mail a link to its account: the answer is the
    /// same whether or not such an account exists, so they cannot be used to enumerate accounts.
    static func mailLinkToAccount(_ context: RequestContext, purpose: String,
                                  page: (_ typed: String, FieldErrors, _ stamp: String) -> Node, sent: String,
                                  send: (FamilyAccount, PostgresConnection) throws -> Void) throws -> HTTPResponse {
        try mailLink(context, purpose: purpose, page: page, sent: sent, find: { try AccountStore.find(email: $0, in: $1) }, send: send)
    }

    /// `mailLinkToAccount` for any kind of account `find` looks up (families, staff).
    static func mailLink<Account>(_ context: RequestContext, purpose: String,
                                  page: (_ typed: String, FieldErrors, _ stamp: String) -> Node, sent: String,
                                  find: (EmailAddress, PostgresConnection) throws -> Account?,
                                  send: (Account, PostgresConnection) throws -> Void) throws -> HTTPResponse {
        let typed = context.form.text("courriel")
        let errors: FieldErrors = try context.transaction { connection in
            var errors = FieldErrors()
            switch try check(context, purpose: purpose, in: connection) {
            case .robot: return errors
            case .retry(let message), .throttled(let message):
                errors.add("courriel", message)
                return errors
            case .human: break
            }
            guard let email = AccountValidation.email(typed, into: &errors) else { return errors }
            if let account = try find(email, connection) { try send(account, connection) }
            return errors
        }
        guard errors.isEmpty else {
            return .html(page(typed, errors, try stamp(context)), status: .unprocessableContent)
        }
        return .redirect(to: sent)
    }

    static func stamp(_ context: RequestContext) throws -> String {
        try context.transaction { try FormStamps.issue(now: context.now, in: $0) }
    }

    static func fields(stamp: String) -> Node {
        .fragment([Forms.honeypot(), Forms.hidden(Forms.stampName, stamp)])
    }
}
