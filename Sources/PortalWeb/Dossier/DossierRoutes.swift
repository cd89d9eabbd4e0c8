import HTTPServer
import PortalCore

/// « Mon dossier » for families and the family files under `/gestion` for staff. Health data
/// reaches only the roles of `HealthDataPolicy`, and each staff view of it is logged.
enum DossierRoutes {
    static let caseworkers = Access.staff([.admin, .agent, .director])

    static func register(_ table: inout RouteTable) {
        table.add("GET", DossierPaths.home, .family) { try FamilyDossierHandlers.landing($0) }
        table.add("GET", DossierPaths.home + "/:famille", .family) { try FamilyDossierHandlers.overview($0) }
        table.add("GET", DossierPaths.home + "/:famille/mes-donnees", .family) { try FamilyDossierHandlers.dataPage($0) }
        table.add("GET", DossierPaths.home + "/:famille/mes-donnees.json", .family) { try FamilyDossierHandlers.dataJSON($0) }
        table.add("GET", DossierPaths.home + "/:famille/:entite/:id", .family) { try FamilyDossierHandlers.editForm($0) }
        table.add("POST", DossierPaths.home + "/:famille/:entite/:id", .family) { try FamilyDossierHandlers.submit($0) }
        table.add("POST", DossierPaths.home + "/:famille/demandes/:id/retirer", .family) { try FamilyDossierHandlers.withdraw($0) }
        table.add("POST", DossierPaths.home + "/:famille/retrait/:entite/:id", .family) { try FamilyDossierHandlers.requestRemoval($0) }
        table.add("GET", DossierPaths.home + "/:famille/photos/:photo", .family) { try ChildPhotoHandlers.forFamily($0) }

        table.add("GET", StaffDossierPaths.families, .anyStaff) { try StaffDossierHandlers.search($0) }
        table.add("GET", StaffDossierPaths.newFamily, caseworkers) { try StaffDossierHandlers.newFamilyForm($0) }
        table.add("POST", StaffDossierPaths.newFamily, caseworkers) { try StaffDossierHandlers.createFamily($0) }
        table.add("GET", StaffDossierPaths.families + "/:id", .anyStaff) { try StaffDossierHandlers.familyPage($0) }
        table.add("GET", StaffDossierPaths.families + "/:id/courrier", caseworkers) { try StaffDossierHandlers.letter($0) }
        table.add("GET", StaffDossierPaths.families + "/:id/photos/:photo", .anyStaff) { try ChildPhotoHandlers.forStaff($0) }
        table.add("POST", StaffDossierPaths.families + "/:id/quotient", caseworkers) { try StaffDossierHandlers.setQuotient($0) }
        table.add("POST", StaffDossierPaths.families + "/:id/residence", caseworkers) { try StaffDossierHandlers.setResidency($0) }
        table.add("POST", StaffDossierPaths.families + "/:id/anonymiser", .staff([.admin])) { try StaffDossierHandlers.anonymise($0) }
        table.add("GET", StaffDossierPaths.queue, caseworkers) { try ChangeQueueHandlers.queue($0) }
        table.add("GET", StaffDossierPaths.queue + "/:id", caseworkers) { try ChangeQueueHandlers.show($0) }
        table.add("POST", StaffDossierPaths.queue + "/:id", caseworkers) { try ChangeQueueHandlers.decide($0) }
    }
}
