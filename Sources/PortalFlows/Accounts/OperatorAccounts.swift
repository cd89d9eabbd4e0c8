public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// The operators' sessions live in the platform schema, not in a town's: these flows work on
/// the platform database (`TenantDatabase.platformTransaction`) rather than on a `Town`.
public struct OperatorSessionLookup: Sendable {
    public let database: TenantDatabase

    public init(database: TenantDatabase) { self.database = database }

    /// The signed-in operator and the session's form token; nil when the session is over or its
    /// operator is disabled.
    public func resolve(token: String, lifetime: SessionLifetime, now: Date) throws -> (signedIn: Operator, csrfToken: String)? {
        try database.platformTransaction { connection in
            guard let session = try OperatorStore.resolveSession(token: token, now: now, lifetime: lifetime, in: connection),
                  let signedIn = try OperatorStore.find(id: session.operatorID, in: connection) else { return nil }
            return (signedIn, session.csrfToken)
        }
    }
}

/// An operator's try at signing in: throttled per address and per client like a town's sign-in,
/// the browser's former session ended.
public struct OperatorSignIn: Sendable {
    public enum Outcome: Sendable, Equatable {
        case signedIn(token: String)
        case refused(message: String)
    }

    public let database: TenantDatabase

    public init(database: TenantDatabase) { self.database = database }

    public func run(emailText typed: String, password: String, replacing oldSession: String?, client: AccountClient, now: Date) throws -> Outcome {
        let key = "operator:" + String(typed.lowercased().prefix(254)), clientKey = "operator:" + client.address
        return try database.platformTransaction { connection in
            var state = try ThrottleStore.state(.signInAccount, key: key, table: .platform, in: connection)
            var clientState = try ThrottleStore.state(.signInClient, key: clientKey, table: .platform, in: connection)
            for decision in [ThrottleRule.account.decide(state, now: now), ThrottleRule.clientAddress.decide(clientState, now: now)] {
                if let message = decision.frenchMessage(now: now) { return .refused(message: message) }
            }
            guard let email = EmailAddress(typed), let found = try OperatorStore.authenticate(email: email, password: password, in: connection) else {
                state = ThrottleRule.account.recordingFailure(state, now: now)
                clientState = ThrottleRule.clientAddress.recordingFailure(clientState, now: now)
                try ThrottleStore.save(state, .signInAccount, key: key, table: .platform, in: connection)
                try ThrottleStore.save(clientState, .signInClient, key: clientKey, table: .platform, in: connection)
                let wait = ThrottleRule.account.decide(state, now: now).frenchMessage(now: now)
                return .refused(message: SignIn.wrongCredentialsMessage + (wait.map { " " + $0 } ?? ""))
            }
            try ThrottleStore.save(ThrottleRule.account.recordingSuccess(state), .signInAccount, key: key, table: .platform, in: connection)
            if let oldSession { try OperatorStore.deleteSession(token: oldSession, in: connection) }
            return .signedIn(token: try OperatorStore.createSession(operatorID: found.id, ip: client.address, now: now,
                                                                    lifetime: client.lifetime, in: connection).token)
        }
    }
}

/// An operator's sign-out: the session ends server-side.
public struct OperatorSignOut: Sendable {
    public let database: TenantDatabase

    public init(database: TenantDatabase) { self.database = database }

    public func run(session token: String) throws {
        try database.platformTransaction { try OperatorStore.deleteSession(token: token, in: $0) }
    }
}
