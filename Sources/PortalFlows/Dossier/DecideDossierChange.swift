public import Foundation
public import PortalCore
public import PortalStore
public import Postgres

/// One dossier change request as staff review it; opening one that touches health data is a
/// logged view of it for the roles that may read it.
public struct DossierChangeReview: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(requestID id: Int64, staff: StaffAccount, ip: String, now: Date) throws -> (request: ChangeRequest, dossier: Family) {
        try town.transaction { connection in
            guard let stored = try ChangeRequestStore.find(id: id, in: connection),
                  let dossier = try DossierStore.load(familyID: stored.request.familyID, in: connection) else { throw FlowError.notFound }
            if HealthDataPolicy.mayView(staff.role), stored.request.changes.contains(where: { $0.target.entity == .health }) {
                try FamilyFileAccess.logHealthView(by: staff, familyID: dossier.familyID, purpose: "Demande de modification n° \(stored.request.id ?? 0)",
                                                   ip: ip, now: now, in: connection)
            }
            return (stored.request, dossier)
        }
    }
}

/// What staff answered on a request's page: the whole request at once (`whole` = accepter |
/// refuser, with `reason`), or per change position a choice and its reason, and the positions
/// of stale changes accepted anyway.
public struct DossierChangeAnswers: Sendable, Equatable {
    public var whole: String
    public var reason: String
    public var choices: [Int: String]
    public var reasons: [Int: String]
    public var confirmed: Set<Int>

    public init(whole: String, reason: String, choices: [Int: String] = [:], reasons: [Int: String] = [:], confirmed: Set<Int> = []) {
        self.whole = whole
        self.reason = reason
        self.choices = choices
        self.reasons = reasons
        self.confirmed = confirmed
    }
}

/// Staff accept or refuse each field of a dossier change request, or the whole request, with a
/// reason: the file and the request are saved together, recorded in « Mes demandes » and the
/// audit log, and the family gets an e-mail through the outbox in the same transaction.
public struct DecideDossierChange: Sendable {
    public enum Outcome: Sendable {
        case decided
        /// Nothing was saved: the request's page is shown again with this message.
        case problem(request: ChangeRequest, dossier: Family, message: String)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(requestID id: Int64, answers form: DossierChangeAnswers, staff: StaffAccount, ip: String, now: Date) throws -> Outcome {
        let actor = DossierActor(.staff, id: staff.id, name: staff.displayName)
        let staffActor = StaffActor(id: staff.id, name: staff.displayName)
        return try town.transaction { connection in
            guard let stored = try ChangeRequestStore.find(id: id, lock: true, in: connection),
                  let dossier = try DossierStore.load(familyID: stored.request.familyID, lock: true, in: connection) else { throw FlowError.notFound }
            let request = stored.request
            var answers: [FieldTarget: StaffAnswer] = [:]
            var acknowledged: Set<FieldTarget> = []
            for (position, change) in request.changes.enumerated() where change.isPending {
                let choice = form.whole.isEmpty ? form.choices[position] ?? "" : form.whole
                let reason = form.whole.isEmpty ? form.reasons[position] ?? "" : form.reason
                switch choice {
                case "accepter": answers[change.target] = .accept
                case "refuser": answers[change.target] = .refuse(reason: reason)
                default: break
                }
                if form.confirmed.contains(position) { acknowledged.insert(change.target) }
            }
            // Health values are decided only by those who may read them.
            if !HealthDataPolicy.mayView(staff.role), answers.keys.contains(where: { $0.entity == .health }) { throw FlowError.forbidden }
            let decided: DecisionOutcome
            do {
                decided = try request.deciding(answers, by: actor, at: now, against: dossier, acknowledgingStale: acknowledged)
            } catch let problem as DecisionProblem {
                return .problem(request: request, dossier: dossier, message: problem.frenchMessage)
            }
            let mail = try DossierChangeEffects(town: town).saveDecision(decided, stored: stored, dossier: dossier, by: actor, now: now, in: connection)
            try StaffAudit.record(staffActor, action: "dossier.decide", target: "dossier/\(request.id ?? 0)",
                                  detail: DossierMails.note(decided, dossier: dossier), ip: ip, now: now, in: connection)
            if !decided.request.isOpen {
                try QueueDecisions.record(queue: DecisionQueue.dossierChanges.code, itemID: request.id ?? 0, verdict: decided.request.status == .refused ? .refused : .accepted,
                                          reason: "", by: staffActor, now: now, in: connection)
            }
            if let mail { try Outbox.enqueue(mail, now: now, in: connection) }
            return .decided
        }
    }
}

/// What every decision on a dossier change request does, whether taken on the request's page
/// or for the whole request from the staff queue: the file and the request saved together
/// (the note in « Mes demandes »), other requests on a removed record refused, photos no
/// request names any more deleted.
public struct DossierChangeEffects: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// The family's e-mail about the decision, for the caller to send with its own effects; nil
    /// when the account that asked no longer exists.
    public func saveDecision(_ decided: DecisionOutcome, stored: StoredChangeRequest, dossier: Family, by actor: DossierActor, now: Date,
                             in connection: PostgresConnection) throws -> OutgoingMail? {
        try DossierStore.save(decided.dossier, previous: dossier, in: connection)
        try ChangeRequestStore.update(decided.request, previous: stored, now: now, note: DossierMails.note(decided, dossier: dossier), in: connection)
        try ChangeRequestStore.refusePending(onRemoved: decided.accepted.map(\.target), in: dossier, by: actor, now: now, in: connection)
        try ChildPhotoStore.prune(familyID: dossier.familyID, in: connection)
        return try AccountStore.find(id: stored.request.submittedBy.id, in: connection).map { account in
            DossierMails.decision(town.tenant, to: account.email, outcome: decided, dossier: dossier,
                                  link: town.url(town.links.dossier(family: dossier.familyID)))
        }
    }
}
