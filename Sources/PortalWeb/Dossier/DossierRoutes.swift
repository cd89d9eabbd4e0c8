import HTTPServer
import PortalCore

/// « Mon dossier » for families and the family files under `/gestion` for staff. Health data
/// reaches only the roles of `HealthDataPolicy`, and each staff view of it is logged.
enum DossierRoutes {
    static let caseworkers = Access.staff([.admin, .agent, .director])

    static func register(_ table: inout RouteTable) {
        table.add("GET", DossierPaths.home, .family) { try FamilyDossierHandlers.landing($0) }
        table.add("GET", DossierPaths.family, .family) { try FamilyDossierHandlers.overview($0, familyID: $1) }
        table.add("GET", DossierPaths.data, .family) { try FamilyDossierHandlers.dataPage($0, familyID: $1) }
        table.add("GET", DossierPaths.dataJSON, .family) { try FamilyDossierHandlers.dataJSON($0, familyID: $1) }
        table.add("GET", DossierPaths.recordForm, .family) { try FamilyDossierHandlers.editForm($0, familyID: $1, entity: $2, record: $3) }
        table.add("POST", DossierPaths.recordForm, .family) { try FamilyDossierHandlers.submit($0, familyID: $1, entity: $2, record: $3) }
        table.add("POST", DossierPaths.withdrawal, .family) { try FamilyDossierHandlers.withdraw($0, familyID: $1, requestID: $2) }
        table.add("POST", DossierPaths.removal, .family) { try FamilyDossierHandlers.requestRemoval($0, familyID: $1, entity: $2, recordID: $3) }
        table.add("GET", DossierPaths.photo, .family) { try ChildPhotoHandlers.forFamily($0, familyID: $1, reference: $2) }

        table.add("GET", StaffDossierPaths.families, .anyStaff) { try StaffDossierHandlers.search($0) }
        table.add("GET", StaffDossierPaths.newFamily, caseworkers) { try StaffDossierHandlers.newFamilyForm($0) }
        table.add("POST", StaffDossierPaths.newFamily, caseworkers) { try StaffDossierHandlers.createFamily($0) }
        table.add("GET", StaffDossierPaths.family, .anyStaff) { try StaffDossierHandlers.familyPage($0, familyID: $1) }
        table.add("GET", StaffDossierPaths.letter, caseworkers) { try StaffDossierHandlers.letter($0, familyID: $1) }
        table.add("GET", StaffDossierPaths.photo, .anyStaff) { try ChildPhotoHandlers.forStaff($0, familyID: $1, reference: $2) }
        table.add("POST", StaffDossierPaths.quotient, caseworkers) { try StaffDossierHandlers.setQuotient($0, familyID: $1) }
        table.add("POST", StaffDossierPaths.residency, caseworkers) { try StaffDossierHandlers.setResidency($0, familyID: $1) }
        table.add("POST", StaffDossierPaths.anonymise, .staff([.admin])) { try StaffDossierHandlers.anonymise($0, familyID: $1) }
        table.add("GET", StaffDossierPaths.request, caseworkers) { try ChangeQueueHandlers.show($0, requestID: $1) }
        table.add("POST", StaffDossierPaths.request, caseworkers) { try ChangeQueueHandlers.decide($0, requestID: $1) }
    }
}
