public import Foundation
import PortalCore
public import PortalStore
import Postgres

/// « Équipe »: the town's staff members.
public struct StaffTeamPage: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load() throws -> [StaffMember] {
        try town.transaction { try StaffAdministration.members(in: $0) }
    }
}

/// An admin invites a person to the back-office: the account exists without a password until the
/// mailed link is used; the invitation is audited.
public struct InviteStaff: Sendable {
    public let town: Town
    public let links: AccountLinks

    public init(town: Town, links: AccountLinks) {
        self.town = town
        self.links = links
    }

    /// Empty errors mean invited.
    public func run(by admin: StaffAccount, name: String, emailText: String, roleText: String, ip: String, now: Date) throws -> FieldErrors {
        var errors = FieldErrors()
        if name.isEmpty || name.count > 150 { errors.add("nom", "Indiquez le nom de la personne (150 caractères au plus).") }
        let email = AccountValidation.email(emailText, into: &errors)
        let role = StaffRole(rawValue: roleText)
        if role == nil { errors.add("role", "Choisissez un rôle.") }
        return try town.transaction { connection in
            guard errors.isEmpty, let email, let role else { return errors }
            guard let id = try StaffStore.invite(email: email, displayName: name, role: role, now: now, in: connection) else {
                errors.add("courriel", "Cette adresse a déjà un compte de gestion dans la collectivité.")
                return errors
            }
            let token = try TokenStore.issue(.staffInvitation, kind: .staff, principalID: id, now: now, in: connection)
            try Outbox.enqueue(AccountMails.staffInvitation(town.tenant, to: email.value, name: name, role: role,
                                                            link: town.url(links.staffInvitation + "?jeton=" + token)), now: now, in: connection)
            try SecurityEvents.record(.staffInvitation, principal: (.staff, admin.id), email: email.value, ip: ip,
                                      detail: role.rawValue, now: now, in: connection)
            try StaffAudit.record(StaffActor(id: admin.id, name: admin.displayName), action: "staff.invite", target: "staff/\(id)",
                                  detail: "\(name) <\(email.value)>, \(role.frenchLabel)", ip: ip, now: now, in: connection)
            return errors
        }
    }
}

/// The invitation link's page: the invited member, while the link is good.
public struct StaffInvitationPage: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(token: String, now: Date) throws -> StaffAccount? {
        try town.transaction { connection -> StaffAccount? in
            guard let found = try TokenStore.peek(token, purpose: .staffInvitation, now: now, in: connection) else { return nil }
            return try StaffStore.find(id: found.principalID, in: connection)
        }
    }
}

/// The invitee chooses a password with the link; it is then used up.
public struct AcceptStaffInvitation: Sendable {
    public enum Outcome: Sendable, Equatable {
        case done
        case invalid
        case refused(StaffAccount, FieldErrors)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(token tokenText: String, password: String, confirmation: String, ip: String, now: Date) throws -> Outcome {
        try town.transaction { connection in
            guard let token = try TokenStore.peek(tokenText, purpose: .staffInvitation, now: now, in: connection),
                  let staff = try StaffStore.find(id: token.principalID, in: connection) else { return .invalid }
            var errors = FieldErrors()
            AccountValidation.newPassword(password, confirmation: confirmation, policy: town.tenant.passwordPolicy, email: staff.email, into: &errors)
            guard errors.isEmpty else { return .refused(staff, errors) }
            guard try TokenStore.consume(tokenText, purpose: .staffInvitation, now: now, in: connection) != nil else { return .invalid }
            try StaffStore.setPassword(id: staff.id, password: password, in: connection)
            try SessionStore.deleteAll(kind: .staff, principalID: staff.id, in: connection)
            try SecurityEvents.record(.passwordChange, principal: (.staff, staff.id), email: staff.email, ip: ip, now: now, in: connection)
            return .done
        }
    }
}

/// The first administrator of a new town, invited by `portal tenant create`: whether the link
/// is good, and the address it was sent to when the operator gave one.
public struct FirstAdministratorLink: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// nil when the link is not good; `.some(nil)` when it is and names no address.
    public func load(token: String, now: Date) throws -> String?? {
        try town.transaction { try FirstAdministrator.pending(tenantID: town.tenant.id, token: token, now: now, in: $0) }
    }
}

/// The first administrator chooses a name, an address and a password with the link.
public struct CreateFirstAdministrator: Sendable {
    public enum Outcome: Sendable, Equatable {
        case created
        case invalidLink(FieldErrors)
        case refused(FieldErrors)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(token: String, name: String, emailText: String, password: String, confirmation: String, ip: String,
                    now: Date) throws -> Outcome {
        var errors = FieldErrors()
        if name.isEmpty || name.count > 150 { errors.add("nom", "Indiquez votre nom (150 caractères au plus).") }
        let email = AccountValidation.email(emailText, into: &errors)
        AccountValidation.newPassword(password, confirmation: confirmation, policy: town.tenant.passwordPolicy, email: email?.value, into: &errors)
        let outcome: FirstAdministrator.Outcome? = try town.transaction { connection in
            guard errors.isEmpty, let email else { return nil }
            let outcome = try FirstAdministrator.accept(tenantID: town.tenant.id, token: token, email: email, displayName: name,
                                                        password: password, now: now, in: connection)
            if case .created(let id) = outcome {
                try SecurityEvents.record(.passwordChange, principal: (.staff, id), email: email.value, ip: ip,
                                          detail: "premier administrateur", now: now, in: connection)
            }
            return outcome
        }
        switch outcome {
        case .created?: return .created
        case .invalidLink?: return .invalidLink(errors)
        case .emailTaken?:
            errors.add("courriel", "Cette adresse a déjà un compte de gestion dans la collectivité.")
            return .refused(errors)
        case nil: return .refused(errors)
        }
    }
}
