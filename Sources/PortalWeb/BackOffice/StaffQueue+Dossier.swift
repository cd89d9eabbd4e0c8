import PortalCore
import PortalFlows

extension StaffQueue {
    /// Dossier change requests (`DecisionQueue.dossierChanges`); a request left for its own page
    /// is decided there, field by field.
    static let dossierChanges = StaffQueue(queue: .dossierChanges, title: "Demandes de modification du dossier", path: StaffDossierPaths.queue,
                                           roles: [.admin, .agent, .director], banner: { DossierNotices.banner($0) })
}
