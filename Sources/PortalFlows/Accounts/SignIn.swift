public import Foundation
import PortalCore
public import PortalStore
import Postgres

/// One try at signing in, with the CNIL's throttling per address and per client, the audit
/// trail, and session rotation. Shared by families and staff of a town; operators use the
/// platform tables the same way (`OperatorSignIn`).
public struct SignIn: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Signed in: the new session's cookie token.
        case signedIn(token: String)
        case wrongCredentials(throttleMessage: String?)
        case throttled(message: String)
        case notActivated
    }

    public static let wrongCredentialsMessage = "Adresse électronique ou mot de passe incorrect."

    public let town: Town

    public init(town: Town) { self.town = town }

    /// `replacing` is the session the browser had, which ends whatever happens to the new one.
    public func run(kind: PrincipalKind, emailText: String, password: String, replacing oldSession: String?,
                    client: AccountClient, now: Date) throws -> Outcome {
        let typed = String(emailText.lowercased().prefix(254))
        return try town.transaction { connection in
            let accountKey = "\(kind.rawValue):\(typed)", clientKey = "\(kind.rawValue):\(client.address)"
            var accountState = try ThrottleStore.state(.signInAccount, key: accountKey, in: connection)
            var clientState = try ThrottleStore.state(.signInClient, key: clientKey, in: connection)
            for decision in [ThrottleRule.account.decide(accountState, now: now), ThrottleRule.clientAddress.decide(clientState, now: now)] {
                if let message = decision.frenchMessage(now: now) { return .throttled(message: message) }
            }
            guard let email = EmailAddress(emailText), let found = try authenticate(kind, email: email, password: password, in: connection) else {
                accountState = ThrottleRule.account.recordingFailure(accountState, now: now)
                clientState = ThrottleRule.clientAddress.recordingFailure(clientState, now: now)
                try ThrottleStore.save(accountState, .signInAccount, key: accountKey, in: connection)
                try ThrottleStore.save(clientState, .signInClient, key: clientKey, in: connection)
                try SecurityEvents.record(.signInFailure, email: typed, ip: client.address, detail: kind.rawValue, now: now, in: connection)
                let after = ThrottleRule.account.decide(accountState, now: now)
                if after != .allowed {
                    try SecurityEvents.record(.lockout, email: typed, ip: client.address, detail: kind.rawValue, now: now, in: connection)
                }
                return .wrongCredentials(throttleMessage: after.frenchMessage(now: now))
            }
            guard found.isActivated else { return .notActivated }
            try ThrottleStore.save(ThrottleRule.account.recordingSuccess(accountState), .signInAccount, key: accountKey, in: connection)
            try ThrottleStore.save(ThrottleRule.clientAddress.recordingSuccess(clientState), .signInClient, key: clientKey, in: connection)
            // Rotation: whatever session the browser had ends; the new one has a new token.
            if let oldSession { try SessionStore.delete(token: oldSession, in: connection) }
            let session = try SessionStore.create(kind: kind, principalID: found.id, ip: client.address, now: now,
                                                  lifetime: client.lifetime, in: connection)
            try SecurityEvents.record(.signIn, principal: (kind, found.id), email: found.email, ip: client.address, now: now, in: connection)
            return .signedIn(token: session.token)
        }
    }

    /// Staff accounts are active once they exist: an invitee has no password to match yet.
    private func authenticate(_ kind: PrincipalKind, email: EmailAddress, password: String,
                              in connection: PostgresConnection) throws -> (id: Int64, email: String, isActivated: Bool)? {
        switch kind {
        case .family: try AccountStore.authenticate(email: email, password: password, in: connection).map { ($0.id, $0.email, $0.isActivated) }
        case .staff: try StaffStore.authenticate(email: email, password: password, in: connection).map { ($0.id, $0.email, true) }
        }
    }
}

/// Sign-out of a family or a staff member: the session ends server-side and is audited.
public struct SignOut: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// `principal` is who the session was live for, nil when it named nobody any more.
    public func run(session token: String, principal: (kind: PrincipalKind, id: Int64, email: String)?, ip: String, now: Date) throws {
        try town.transaction { connection in
            try SessionStore.delete(token: token, in: connection)
            if let principal {
                try SecurityEvents.record(.signOut, principal: (principal.kind, principal.id), email: principal.email, ip: ip, now: now, in: connection)
            }
        }
    }
}
