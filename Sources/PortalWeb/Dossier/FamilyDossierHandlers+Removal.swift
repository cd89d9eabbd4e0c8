import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

extension FamilyDossierHandlers {
    /// Asks staff to take a child or an authorised contact out of the file: a change request
    /// like the others, withdrawn or decided in the same places.
    static func requestRemoval(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let (familyID, notice): (Int64, String) = try context.transaction { connection in
            let dossier = try ownFile(context, lock: true, in: connection)
            guard let entity = context.parameters["entite"].flatMap(DossierPaths.entity), DossierField.removableEntities.contains(entity),
                  let id = context.parameters["id"].flatMap(Int64.init), dossier.contains(entity, id: id)
            else { throw RouteError.notFound }
            let pending = try ChangeRequestStore.pendingChanges(familyID: dossier.familyID, in: connection)
            let request: ChangeRequest
            do {
                request = try ChangeRequest.submit([ProposedChange(.removal(of: entity, id: id), FieldKind.yes)], to: dossier,
                                                   by: DossierActor(.family, id: account.id, name: account.displayName), at: context.now,
                                                   today: ParisTime.localDate(of: context.now), alreadyPending: Set(pending.keys))
            } catch {
                return (dossier.familyID, "retrait-en-attente")
            }
            _ = try ChangeRequestStore.insert(request, summary: request.summary(in: dossier), now: context.now, in: connection)
            return (dossier.familyID, "demande-retrait")
        }
        return .redirect(to: DossierPaths.family(familyID) + "?ok=\(notice)")
    }
}
