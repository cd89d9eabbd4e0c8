public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// The signed-in account a sensitive change is made for (address, password, other sessions).
public struct SignedInAccount: Sendable, Equatable {
    public let kind: PrincipalKind
    public let id: Int64
    public let email: String

    public init(kind: PrincipalKind, id: Int64, email: String) {
        self.kind = kind
        self.id = id
        self.email = email
    }
}

/// The current password asked again before a sensitive change, for families and staff alike.
/// Wrong ones count against the account like failed sign-ins, and are audited.
enum CurrentPassword {
    static func check(_ typed: String, of account: SignedInAccount, field: String, ip: String, now: Date,
                      into errors: inout FieldErrors, in connection: PostgresConnection) throws {
        let key = "\(account.kind.rawValue):\(account.id)"
        let state = try ThrottleStore.state(.passwordCheck, key: key, in: connection)
        if let message = ThrottleRule.account.decide(state, now: now).frenchMessage(now: now) {
            errors.add(field, message)
            return
        }
        let matches = switch account.kind {
        case .family: try AccountStore.passwordMatches(accountID: account.id, password: typed, in: connection)
        case .staff: try StaffStore.passwordMatches(staffID: account.id, password: typed, in: connection)
        }
        if matches {
            try ThrottleStore.save(ThrottleRule.account.recordingSuccess(state), .passwordCheck, key: key, in: connection)
        } else {
            try ThrottleStore.save(ThrottleRule.account.recordingFailure(state, now: now), .passwordCheck, key: key, in: connection)
            try SecurityEvents.record(.signInFailure, principal: (account.kind, account.id), email: account.email, ip: ip,
                                      detail: "mot de passe actuel erroné", now: now, in: connection)
            errors.add(field, "Le mot de passe actuel est incorrect.")
        }
    }
}

/// « Changer de mot de passe » from the signed-in account's page: the current one first, then
/// every session of the account ends, this one included, and the address is told.
public struct ChangePassword: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The new session's token for this browser.
        case changed(token: String)
        /// Nothing changed; the failed check's counters are kept.
        case refused(FieldErrors)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(_ account: SignedInAccount, current: String, new password: String, confirmation: String,
                    client: AccountClient, now: Date) throws -> Outcome {
        try town.transaction { connection in
            var errors = FieldErrors()
            try CurrentPassword.check(current, of: account, field: "mot_de_passe_actuel", ip: client.address, now: now, into: &errors, in: connection)
            AccountValidation.newPassword(password, confirmation: confirmation, policy: town.tenant.passwordPolicy, email: account.email,
                                          field: "nouveau_mot_de_passe", into: &errors)
            guard errors.isEmpty else { return .refused(errors) }
            switch account.kind {
            case .family: try AccountStore.setPassword(id: account.id, password: password, in: connection)
            case .staff: try StaffStore.setPassword(id: account.id, password: password, in: connection)
            }
            try SessionStore.deleteAll(kind: account.kind, principalID: account.id, in: connection)
            try SecurityEvents.record(.passwordChange, principal: (account.kind, account.id), email: account.email, ip: client.address,
                                      now: now, in: connection)
            try Outbox.enqueue(AccountMails.passwordChanged(town.tenant, to: account.email), now: now, in: connection)
            return .changed(token: try SessionStore.create(kind: account.kind, principalID: account.id, ip: client.address, now: now,
                                                           lifetime: client.lifetime, in: connection).token)
        }
    }
}

/// « Fermer les autres connexions »: every session of the account but this browser's ends,
/// once the password is typed again (ASVS 3.3.4).
public struct EndOtherSessions: Sendable {
    public enum Outcome: Sendable, Equatable {
        case ended(count: Int)
        case refused(FieldErrors)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    /// `field` is the form's password field, which an error names.
    public func run(_ account: SignedInAccount, password: String, field: String, keeping session: String?, ip: String,
                    now: Date) throws -> Outcome {
        try town.transaction { connection in
            var errors = FieldErrors()
            try CurrentPassword.check(password, of: account, field: field, ip: ip, now: now, into: &errors, in: connection)
            guard errors.isEmpty else { return .refused(errors) }
            let ended = try SessionStore.deleteAll(kind: account.kind, principalID: account.id, keeping: session, in: connection)
            try SecurityEvents.record(.otherSessionsEnded, principal: (account.kind, account.id), email: account.email, ip: ip,
                                      detail: "\(ended) connexion(s) fermée(s)", now: now, in: connection)
            return .ended(count: ended)
        }
    }
}

/// « Mes connexions »: the account's live sessions, this browser's marked.
public struct AccountSessions: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(kind: PrincipalKind, id: Int64, current: String?, lifetime: SessionLifetime, now: Date) throws -> [ActiveSession] {
        try town.transaction {
            try SessionStore.active(kind: kind, principalID: id, current: current, now: now, lifetime: lifetime, in: $0)
        }
    }
}
