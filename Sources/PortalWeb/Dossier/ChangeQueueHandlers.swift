import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// The queue of dossier change requests: staff accept or refuse each field, or the whole
/// request, with a reason; the file and the request are saved together and the family gets
/// an e-mail through the outbox in the same transaction.
enum ChangeQueueHandlers {
    private static func requestID(_ context: RequestContext) throws -> Int64 {
        guard let id = context.parameters["id"].flatMap(Int64.init) else { throw RouteError.notFound }
        return id
    }

    static func show(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        let (stored, dossier) = try context.transaction { connection -> (StoredChangeRequest, FamilyDossier) in
            guard let stored = try ChangeRequestStore.find(id: requestID(context), in: connection),
                  let dossier = try DossierStore.load(familyID: stored.request.familyID, in: connection) else { throw RouteError.notFound }
            if HealthDataPolicy.mayView(staff.role), stored.request.changes.contains(where: { $0.target.entity == .health }) {
                try StaffDossierHandlers.logHealthView(context, staff: staff, familyID: dossier.familyID, childID: nil,
                                                       purpose: "Demande de modification n° \(stored.request.id ?? 0)", in: connection)
            }
            return (stored, dossier)
        }
        return .html(StaffDossierViews.request(context, stored.request, dossier: dossier, role: staff.role, problem: nil))
    }

    /// Form: `tout` = accepter | refuser with `motif`, or per change `d<position>` = accepter |
    /// refuser with `motif<position>`, and `confirme<position>` to accept a stale change.
    static func decide(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        let actor = DossierActor(.staff, id: staff.id, name: staff.displayName)
        enum Outcome { case done, problem(ChangeRequest, FamilyDossier, String) }
        let outcome: Outcome = try context.transaction { connection in
            guard let stored = try ChangeRequestStore.find(id: requestID(context), lock: true, in: connection),
                  let dossier = try DossierStore.load(familyID: stored.request.familyID, lock: true, in: connection) else { throw RouteError.notFound }
            let request = stored.request
            var answers: [FieldTarget: StaffAnswer] = [:]
            var acknowledged: Set<FieldTarget> = []
            let whole = context.form.text("tout")
            for (position, change) in request.changes.enumerated() where change.isPending {
                let choice = whole.isEmpty ? context.form.text("d\(position)") : whole
                let reason = whole.isEmpty ? context.form.text("motif\(position)") : context.form.text("motif")
                switch choice {
                case "accepter": answers[change.target] = .accept
                case "refuser": answers[change.target] = .refuse(reason: reason)
                default: break
                }
                if context.form.text("confirme\(position)") == "oui" { acknowledged.insert(change.target) }
            }
            // Health values are decided only by those who may read them.
            if !HealthDataPolicy.mayView(staff.role), answers.keys.contains(where: { $0.entity == .health }) { throw RouteError.forbidden }
            let decided: DecisionOutcome
            do {
                decided = try request.deciding(answers, by: actor, at: context.now, against: dossier, acknowledgingStale: acknowledged)
            } catch let problem as DecisionProblem {
                return .problem(request, dossier, problem.frenchMessage)
            }
            try DossierStore.save(decided.dossier, previous: dossier, in: connection)
            try ChangeRequestStore.update(decided.request, previous: stored, now: context.now,
                                          note: DossierMails.note(decided, dossier: dossier), in: connection)
            try ChangeRequestStore.refusePending(onRemoved: decided.accepted.map(\.target), in: dossier, by: actor, now: context.now, in: connection)
            try ChildPhotoStore.prune(familyID: dossier.familyID, in: connection)
            try StaffAudit.record(StaffActor(id: staff.id, name: staff.displayName), action: "dossier.decide", target: "dossier/\(request.id ?? 0)",
                                  detail: DossierMails.note(decided, dossier: dossier), ip: context.clientAddress, now: context.now, in: connection)
            if !decided.request.isOpen {
                try QueueDecisions.record(queue: StaffQueue.dossierChanges.code, itemID: request.id ?? 0, verdict: decided.request.status == .refused ? .refused : .accepted,
                                          reason: "", by: StaffActor(id: staff.id, name: staff.displayName), now: context.now, in: connection)
            }
            if let account = try AccountStore.find(id: request.submittedBy.id, in: connection) {
                try Outbox.enqueue(DossierMails.decision(context.tenant, to: account.email, outcome: decided, dossier: dossier,
                                                         link: context.baseURL + DossierPaths.family(dossier.familyID)),
                                   now: context.now, in: connection)
            }
            return .done
        }
        switch outcome {
        case .done:
            return .redirect(to: StaffDossierPaths.queue + "?ok=decision")
        case .problem(let request, let dossier, let message):
            return .html(StaffDossierViews.request(context, request, dossier: dossier, role: staff.role, problem: message),
                         status: .unprocessableContent)
        }
    }
}
