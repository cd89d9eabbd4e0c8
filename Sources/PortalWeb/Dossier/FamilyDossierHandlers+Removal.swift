import HTTPServer
import PortalCore
import PortalFlows

extension FamilyDossierHandlers {
    /// Asks staff to take a child or an authorised contact out of the file: a change request
    /// like the others, withdrawn or decided in the same places.
    static func requestRemoval(_ context: RequestContext, familyID: Int64, entity: DossierEntity, recordID: Int64) throws -> HTTPResponse {
        switch try RequestRecordRemoval(town: context.town).run(familyID: familyID, entity: entity, recordID: recordID,
                                                                account: try context.family, now: context.now) {
        case .requested(let familyID): return .redirect(to: DossierPaths.family(familyID) + "?ok=demande-retrait")
        case .alreadyPending(let familyID): return .redirect(to: DossierPaths.family(familyID) + "?ok=retrait-en-attente")
        }
    }
}
