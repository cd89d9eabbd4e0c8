import Foundation
import PortalCore
import PortalStore
import Postgres

extension DecisionQueue {
    /// Dossier change requests: the whole request accepted or refused from the list; a request
    /// whose fields changed since it was sent, or that holds health data the agent may not
    /// read, is left for its own page, where fields are decided one by one.
    public static let dossierChanges = DecisionQueue(
        code: "dossier", itemNoun: "Demande",
        filters: { _, _ in [QueueFilter(name: "sante", label: "Données de santé", options: [("", "Toutes les demandes"), ("oui", "Avec données de santé"), ("non", "Sans données de santé")])] },
        load: { filters, _, connection in
            try ChangeRequestStore.queue(in: connection)
                .filter { item in
                    switch filters["sante"] {
                    case "oui": item.touchesHealth
                    case "non": !item.touchesHealth
                    default: true
                    }
                }
                .map { item in
                    QueueItem(id: item.id, who: item.familyName, summary: "\(item.pendingFields) champ\(item.pendingFields > 1 ? "s" : "") à valider – \(item.submittedBy)",
                              submittedAt: item.submittedAt, subject: .changeRequest(item.id), tags: item.touchesHealth ? ["Santé"] : [])
                }
        },
        decide: { id, verdict, reason, context, connection in
            guard let stored = try ChangeRequestStore.find(id: id, lock: true, in: connection),
                  let dossier = try DossierStore.load(familyID: stored.request.familyID, lock: true, in: connection) else {
                return .problem("introuvable.")
            }
            let request = stored.request
            guard request.isOpen else { return .alreadyDecided }
            if !HealthDataPolicy.mayView(context.staff.role), request.pendingTargets.contains(where: { $0.entity == .health }) {
                return .problem("elle contient des données de santé : la décision revient à la direction ou à un administrateur.")
            }
            let actor = DossierActor(.staff, id: context.staff.id, name: context.staff.displayName)
            let decided: DecisionOutcome
            do {
                decided = try request.decidingAll(verdict == .accepted ? .accept : .refuse(reason: reason), by: actor, at: context.now, against: dossier)
            } catch let problem as DecisionProblem {
                return .problem("\(problem.frenchMessage) Ouvrez la demande pour décider champ par champ.")
            }
            let mail = try DossierChangeEffects(town: context.town).saveDecision(decided, stored: stored, dossier: dossier, by: actor,
                                                                                  now: context.now, in: connection)
            return .decided(summary: dossier.name, mails: mail.map { [$0] } ?? [])
        })
}
