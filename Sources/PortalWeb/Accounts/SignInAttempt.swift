import Foundation
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// One try at signing in, with the CNIL's throttling per address and per client, the audit
/// trail, and session rotation. Shared by families and staff of a town; operators use the
/// platform tables the same way (`OperatorConsole`).
enum SignInAttempt {
    enum Outcome: Equatable {
        /// Signed in: the new session's cookie token.
        case signedIn(token: String)
        case wrongCredentials(throttleMessage: String?)
        case throttled(message: String)
        case notActivated
    }

    struct Found {
        let id: Int64
        let email: String
        let isActivated: Bool
    }

    static let wrongCredentialsMessage = "Adresse électronique ou mot de passe incorrect."

    static func run(_ context: RequestContext, kind: PrincipalKind, emailText: String, password: String,
                    authenticate: (EmailAddress, PostgresConnection) throws -> Found?) throws -> Outcome {
        let now = context.now
        let typed = String(emailText.lowercased().prefix(254))
        return try context.transaction { connection in
            let accountKey = "\(kind.rawValue):\(typed)", clientKey = "\(kind.rawValue):\(context.clientAddress)"
            var accountState = try ThrottleStore.state(.signInAccount, key: accountKey, in: connection)
            var clientState = try ThrottleStore.state(.signInClient, key: clientKey, in: connection)
            for decision in [ThrottleRule.account.decide(accountState, now: now), ThrottleRule.clientAddress.decide(clientState, now: now)] {
                if let message = decision.frenchMessage(now: now) { return .throttled(message: message) }
            }
            guard let email = EmailAddress(emailText), let found = try authenticate(email, connection) else {
                accountState = ThrottleRule.account.recordingFailure(accountState, now: now)
                clientState = ThrottleRule.clientAddress.recordingFailure(clientState, now: now)
                try ThrottleStore.save(accountState, .signInAccount, key: accountKey, in: connection)
                try ThrottleStore.save(clientState, .signInClient, key: clientKey, in: connection)
                try SecurityEvents.record(.signInFailure, email: typed, ip: context.clientAddress, detail: kind.rawValue, now: now, in: connection)
                let after = ThrottleRule.account.decide(accountState, now: now)
                if after != .allowed {
                    try SecurityEvents.record(.lockout, email: typed, ip: context.clientAddress, detail: kind.rawValue, now: now, in: connection)
                }
                return .wrongCredentials(throttleMessage: after.frenchMessage(now: now))
            }
            guard found.isActivated else { return .notActivated }
            try ThrottleStore.save(ThrottleRule.account.recordingSuccess(accountState), .signInAccount, key: accountKey, in: connection)
            try ThrottleStore.save(ThrottleRule.clientAddress.recordingSuccess(clientState), .signInClient, key: clientKey, in: connection)
            // Rotation: whatever session the browser had ends; the new one has a new token.
            if let old = context.sessionToken { try SessionStore.delete(token: old, in: connection) }
            let session = try SessionStore.create(kind: kind, principalID: found.id, ip: context.clientAddress, now: now,
                                                  lifetime: context.settings.sessionLifetime, in: connection)
            try SecurityEvents.record(.signIn, principal: (kind, found.id), email: found.email, ip: context.clientAddress, now: now, in: connection)
            return .signedIn(token: session.token)
        }
    }
}
