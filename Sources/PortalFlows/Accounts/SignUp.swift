public import Foundation
import PortalCore
import PortalStore
import Postgres

/// What « Créer un compte » sent, as typed (the passwords are never shown back).
public struct SignUpValues: Sendable, Equatable {
    public var lastName = ""
    public var firstNames = ""
    public var email = ""
    public var subscriberCode = ""
    public var termsAccepted = false

    public init(lastName: String = "", firstNames: String = "", email: String = "", subscriberCode: String = "", termsAccepted: Bool = false) {
        self.lastName = lastName
        self.firstNames = firstNames
        self.email = email
        self.subscriberCode = subscriberCode
        self.termsAccepted = termsAccepted
    }
}

/// Sign-up (seed 001, « Créer un compte »): the account is created unactivated and an activation
/// link is mailed; an address already registered is told so by mail only, so the answer is the
/// same and cannot be used to enumerate accounts. A valid code abonné links its family at once.
public struct SignUp: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Mailed (or a robot, answered alike).
        case sent
        case refused(FieldErrors)
    }

    public let town: Town
    public let links: AccountLinks

    public init(town: Town, links: AccountLinks) {
        self.town = town
        self.links = links
    }

    public func run(_ values: SignUpValues, password: String, confirmation: String, submission: AnonymousSubmission, now: Date) throws -> Outcome {
        let tenant = town.tenant
        return try town.transaction { connection in
            var errors = FieldErrors()
            switch try AnonymousFormCheck.check(submission, purpose: "signup", now: now, in: connection) {
            case .robot: return .sent
            case .retry(let message), .throttled(let message):
                errors.add("nom", message)
                return .refused(errors)
            case .human: break
            }
            AccountValidation.names(lastName: values.lastName, firstNames: values.firstNames, into: &errors)
            let email = AccountValidation.email(values.email, into: &errors)
            AccountValidation.newPassword(password, confirmation: confirmation, policy: tenant.passwordPolicy, email: email?.value, into: &errors)
            if !values.termsAccepted { errors.add("conditions", "Acceptez les conditions d'utilisation pour créer votre compte.") }
            var family: FamilySummary?
            if !values.subscriberCode.isEmpty {
                switch try SubscriberCodes.lookup(values.subscriberCode, key: "client:\(submission.clientAddress)", now: now, in: connection) {
                case .found(let found): family = found
                case .refused(let message): errors.add("code_abonne", message)
                }
            }
            guard errors.isEmpty, let email else { return .refused(errors) }
            guard let accountID = try AccountStore.create(email: email, password: password, lastName: values.lastName,
                                                          firstNames: values.firstNames, now: now, in: connection) else {
                try Outbox.enqueue(AccountMails.alreadyRegistered(tenant, to: email.value, signIn: town.url(links.signIn),
                                                                  forgotten: town.url(links.forgotten)), now: now, in: connection)
                return .sent
            }
            let token = try TokenStore.issue(.activation, kind: .family, principalID: accountID, now: now, in: connection)
            try Outbox.enqueue(AccountMails.activation(tenant, to: email.value, link: town.url(links.activation + "?jeton=" + token)),
                               now: now, in: connection)
            if let family {
                try SubscriberCodes.subscribe(accountID: accountID, family: family, now: now, in: connection)
            }
            return .sent
        }
    }
}

/// The activation link used: the account may sign in from now on.
public struct ActivateAccount: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// False when the link has been used, has expired or names no family account.
    public func run(token: String, ip: String, now: Date) throws -> Bool {
        try town.transaction { connection -> Bool in
            guard let token = try TokenStore.consume(token, purpose: .activation, now: now, in: connection), token.kind == .family else { return false }
            try AccountStore.activate(id: token.principalID, now: now, in: connection)
            try SecurityEvents.record(.activation, principal: (.family, token.principalID), ip: ip, now: now, in: connection)
            return true
        }
    }
}

/// « Recevoir un nouveau lien d'activation »: same answer whatever the address; only an
/// unactivated account gets a new link.
public struct ResendActivation: Sendable {
    public let town: Town
    public let links: AccountLinks

    public init(town: Town, links: AccountLinks) {
        self.town = town
        self.links = links
    }

    /// Empty errors mean the page « Vérifiez votre messagerie » is shown.
    public func run(typed: String, submission: AnonymousSubmission, now: Date) throws -> FieldErrors {
        try AnonymousFormCheck.mailLink(town: town, purpose: "activation", typed: typed, submission: submission, now: now,
                                        find: { try AccountStore.find(email: $0, in: $1) }) { account, connection in
            guard !account.isActivated else { return }
            let token = try TokenStore.issue(.activation, kind: .family, principalID: account.id, now: now, in: connection)
            try Outbox.enqueue(AccountMails.activation(town.tenant, to: account.email, link: town.url(links.activation + "?jeton=" + token)),
                               now: now, in: connection)
        }
    }
}

/// Codes abonné are secrets a town hands to a family: wrong guesses are throttled per account
/// (or per client address before the account exists) like passwords.
enum SubscriberCodes {
    enum Lookup {
        case found(FamilySummary)
        case refused(message: String)
    }

    static func lookup(_ code: String, key: String, now: Date, in connection: PostgresConnection) throws -> Lookup {
        let state = try ThrottleStore.state(.subscriberCode, key: key, in: connection)
        if let message = ThrottleRule.subscriberCode.decide(state, now: now).frenchMessage(now: now) { return .refused(message: message) }
        if let family = try FamilyStore.find(subscriberCode: code, in: connection) {
            try ThrottleStore.save(ThrottleRule.subscriberCode.recordingSuccess(state), .subscriberCode, key: key, in: connection)
            return .found(family)
        }
        let after = ThrottleRule.subscriberCode.recordingFailure(state, now: now)
        try ThrottleStore.save(after, .subscriberCode, key: key, in: connection)
        let wait = ThrottleRule.subscriberCode.decide(after, now: now).frenchMessage(now: now)
        return .refused(message: "Ce code abonné n'est pas reconnu : vérifiez-le sur le courrier de la collectivité." + (wait.map { " " + $0 } ?? ""))
    }

    /// Links at once and writes it to « Mes demandes »; false when the link already existed.
    @discardableResult
    static func subscribe(accountID: Int64, family: FamilySummary, now: Date, in connection: PostgresConnection) throws -> Bool {
        guard try FamilyStore.subscribe(accountID: accountID, familyID: family.id, now: now, in: connection) else { return false }
        try Requests.record(.subscription, summary: "Abonnement au dossier « \(family.name) »", accountID: accountID,
                            status: .accepted, note: "Code abonné reconnu : dossier lié au compte.", actor: .system, now: now, in: connection)
        return true
    }
}

/// Mes abonnements: linking a family file with its code abonné, active at once.
public struct SubscribeWithCode: Sendable {
    public enum Outcome: Sendable, Equatable {
        case linked
        case alreadyLinked
        case refused(FieldErrors)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(accountID: Int64, code: String, now: Date) throws -> Outcome {
        try town.transaction { connection in
            var errors = FieldErrors()
            guard !code.isEmpty else {
                errors.add("code_abonne", "Saisissez le code abonné donné par la collectivité.")
                return .refused(errors)
            }
            switch try SubscriberCodes.lookup(code, key: "family:\(accountID)", now: now, in: connection) {
            case .refused(let message):
                errors.add("code_abonne", message)
                return .refused(errors)
            case .found(let family):
                return try SubscriberCodes.subscribe(accountID: accountID, family: family, now: now, in: connection) ? .linked : .alreadyLinked
            }
        }
    }
}
