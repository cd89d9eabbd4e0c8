public import Foundation
public import PortalCore
public import PortalStore
import Postgres

extension PrincipalKind {
    /// The purpose of this kind of account's reset links.
    public var resetPurpose: TokenPurpose { self == .family ? .reset : .staffReset }
}

/// « Mot de passe oublié », for families and for staff alike: same answer whatever the address.
/// For staff, only an active member who has chosen a password gets a link (an invitee uses the
/// invitation's own link).
public struct RequestPasswordReset: Sendable {
    public let town: Town
    public let links: AccountLinks

    public init(town: Town, links: AccountLinks) {
        self.town = town
        self.links = links
    }

    /// Empty errors mean the page « Vérifiez votre messagerie » is shown.
    public func run(kind: PrincipalKind, typed: String, submission: AnonymousSubmission, now: Date) throws -> FieldErrors {
        try AnonymousFormCheck.mailLink(town: town, purpose: kind.resetPurpose.rawValue, typed: typed, submission: submission, now: now,
                                        find: { email, connection -> (id: Int64, email: String)? in try ResetAccounts.find(kind, email: email, in: connection) }) { account, connection in
            let token = try TokenStore.issue(kind.resetPurpose, kind: kind, principalID: account.id, now: now, in: connection)
            try Outbox.enqueue(AccountMails.reset(town.tenant, to: account.email, link: town.url(links.reset(kind) + "?jeton=" + token)),
                               now: now, in: connection)
        }
    }
}

/// The single-use reset link used: a new password, every session of the account ended, the
/// address told.
public struct ResetPassword: Sendable {
    public enum Outcome: Sendable, Equatable {
        case done
        case invalidToken
        case refused(FieldErrors)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(kind: PrincipalKind, token tokenText: String, password: String, confirmation: String, ip: String, now: Date) throws -> Outcome {
        let purpose = kind.resetPurpose
        return try town.transaction { connection in
            guard let token = try TokenStore.peek(tokenText, purpose: purpose, now: now, in: connection),
                  let account = try ResetAccounts.find(kind, id: token.principalID, in: connection) else { return .invalidToken }
            var errors = FieldErrors()
            AccountValidation.newPassword(password, confirmation: confirmation, policy: town.tenant.passwordPolicy, email: account.email, into: &errors)
            guard errors.isEmpty else { return .refused(errors) }
            guard try TokenStore.consume(tokenText, purpose: purpose, now: now, in: connection) != nil else { return .invalidToken }
            try ResetAccounts.setPassword(kind, id: account.id, password, now: now, in: connection)
            try SessionStore.deleteAll(kind: kind, principalID: account.id, in: connection)
            try SecurityEvents.record(.passwordReset, principal: (kind, account.id), email: account.email, ip: ip, now: now, in: connection)
            try Outbox.enqueue(AccountMails.passwordChanged(town.tenant, to: account.email), now: now, in: connection)
            return .done
        }
    }
}

/// The accounts a reset serves, by kind: the journey is the same, the tables differ.
enum ResetAccounts {
    static func find(_ kind: PrincipalKind, email: EmailAddress, in connection: PostgresConnection) throws -> (id: Int64, email: String)? {
        switch kind {
        case .family:
            return try AccountStore.find(email: email, in: connection).map { ($0.id, $0.email) }
        case .staff:
            guard let found = try StaffStore.find(email: email, in: connection), found.hasPassword else { return nil }
            return try find(kind, id: found.id, in: connection)
        }
    }

    static func find(_ kind: PrincipalKind, id: Int64, in connection: PostgresConnection) throws -> (id: Int64, email: String)? {
        switch kind {
        case .family: try AccountStore.find(id: id, in: connection).map { ($0.id, $0.email) }
        case .staff: try StaffStore.find(id: id, in: connection).map { ($0.id, $0.email) }
        }
    }

    static func setPassword(_ kind: PrincipalKind, id: Int64, _ password: String, now: Date, in connection: PostgresConnection) throws {
        switch kind {
        case .family:
            try AccountStore.setPassword(id: id, password: password, in: connection)
            // The link proves the mailbox, as activation would.
            try AccountStore.activate(id: id, now: now, in: connection)
        case .staff:
            try StaffStore.setPassword(id: id, password: password, in: connection)
        }
    }
}
