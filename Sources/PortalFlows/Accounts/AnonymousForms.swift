public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// What an anonymous form sent for its anti-robot checks, as the web layer read it.
public struct AnonymousSubmission: Sendable, Equatable {
    /// The honeypot field, which only a robot fills.
    public let honeypot: String
    /// The signed display time the form carried.
    public let stamp: String
    public let clientAddress: String
    /// Sent sooner than this after display is a robot.
    public let minimumSeconds: TimeInterval

    public init(honeypot: String, stamp: String, clientAddress: String, minimumSeconds: TimeInterval) {
        self.honeypot = honeypot
        self.stamp = stamp
        self.clientAddress = clientAddress
        self.minimumSeconds = minimumSeconds
    }
}

/// The anti-robot checks of anonymous forms, without any third-party service: a honeypot field,
/// a signed display time (too fast is a robot, too old has expired), and a per-client allowance.
enum AnonymousFormCheck {
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

    static func check(_ submission: AnonymousSubmission, purpose: String, now: Date, in connection: PostgresConnection) throws -> Verdict {
        if !submission.honeypot.isEmpty { return .robot }
        let issued = try FormStamps.issuedAt(submission.stamp, in: connection)
        guard let issued, now.timeIntervalSince(issued) >= submission.minimumSeconds, now.timeIntervalSince(issued) <= maximumAge else {
            return .retry(message: "Le formulaire a été envoyé trop vite ou a expiré : vérifiez-le puis envoyez-le à nouveau.")
        }
        let key = "\(purpose):\(submission.clientAddress)"
        let state = try ThrottleStore.state(.anonymousForm, key: key, in: connection)
        if let message = perClient.decide(state, now: now).frenchMessage(now: now) { return .throttled(message: message) }
        // Every submission counts: the allowance is of forms sent, not only of failures.
        try ThrottleStore.save(perClient.recordingFailure(state, now: now), .anonymousForm, key: key, in: connection)
        return .human
    }

    /// The forms that take only an e-mail address and mail a link to an account: the answer is the
    /// same whether or not such an account exists, so they cannot be used to enumerate accounts.
    /// Empty errors mean « sent » (or a robot, answered alike).
    static func mailLink<Account>(town: Town, purpose: String, typed: String, submission: AnonymousSubmission, now: Date,
                                  find: (EmailAddress, PostgresConnection) throws -> Account?,
                                  send: (Account, PostgresConnection) throws -> Void) throws -> FieldErrors {
        try town.transaction { connection in
            var errors = FieldErrors()
            switch try check(submission, purpose: purpose, now: now, in: connection) {
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
    }
}

/// The signed display time an anonymous form carries (`AnonymousSubmission.stamp`).
public struct IssueFormStamp: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(now: Date) throws -> String {
        try town.transaction { try FormStamps.issue(now: now, in: $0) }
    }
}

/// Whether an e-mailed link (activation, reset, new address, invitation) is still good, without
/// using it: the page that asks to confirm shows its form only then.
public struct PendingAccountLink: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(_ token: String, purpose: TokenPurpose, now: Date) throws -> AccountToken? {
        try town.transaction { try TokenStore.peek(token, purpose: purpose, now: now, in: $0) }
    }
}
