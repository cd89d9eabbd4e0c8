public import Foundation
import PortalCore
import PortalStore
import Postgres

/// A new login address asked for from Mon compte (the password first): a link goes to the new
/// address, and the old one is told. Until the link is used the old address stays the account's.
public struct RequestEmailChange: Sendable {
    public let town: Town
    public let links: AccountLinks

    public init(town: Town, links: AccountLinks) {
        self.town = town
        self.links = links
    }

    /// Empty errors mean the link was sent.
    public func run(_ account: SignedInAccount, typed: String, password: String, ip: String, now: Date) throws -> FieldErrors {
        try town.transaction { connection in
            var errors = FieldErrors()
            let newEmail = AccountValidation.email(typed, field: "nouveau_courriel", into: &errors)
            if let newEmail, newEmail.value == account.email { errors.add("nouveau_courriel", "C'est déjà l'adresse de votre compte.") }
            try CurrentPassword.check(password, of: account, field: "mot_de_passe_courriel", ip: ip, now: now, into: &errors, in: connection)
            guard errors.isEmpty, let newEmail else { return errors }
            // Whether the new address is taken is only checked at confirmation: saying it here would reveal it.
            let token = try TokenStore.issue(.emailChange, kind: .family, principalID: account.id, newEmail: newEmail.value, now: now, in: connection)
            try Outbox.enqueue(AccountMails.confirmNewEmail(town.tenant, to: newEmail.value, link: town.url(links.confirmEmail + "?jeton=" + token)),
                               now: now, in: connection)
            try Outbox.enqueue(AccountMails.emailChangeRequested(town.tenant, to: account.email, newEmail: newEmail.value), now: now, in: connection)
            return errors
        }
    }
}

/// Confirmation of a new login address by the link sent to it.
public struct ConfirmEmailChange: Sendable {
    public enum Outcome: Sendable, Equatable {
        case done
        /// Used, expired, or naming no family account.
        case invalid
        /// Another account has taken the address meanwhile: nothing changed.
        case taken
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(token tokenText: String, ip: String, now: Date) throws -> Outcome {
        try town.transaction { connection in
            guard let token = try TokenStore.consume(tokenText, purpose: .emailChange, now: now, in: connection),
                  token.kind == .family, let newEmail = token.newEmail.flatMap(EmailAddress.init),
                  let account = try AccountStore.find(id: token.principalID, in: connection) else { return .invalid }
            guard try AccountStore.setEmail(id: account.id, email: newEmail, in: connection) else { return .taken }
            try SecurityEvents.record(.emailChange, principal: (.family, account.id), email: newEmail.value,
                                      ip: ip, detail: "ancienne adresse : \(account.email)", now: now, in: connection)
            return .done
        }
    }
}
