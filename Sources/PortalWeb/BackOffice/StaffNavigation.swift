import PortalCore

/// One entry of the back-office menu, shown to the roles that may open it.
struct StaffNavigationItem: Sendable {
    let path: String
    let label: String
    let roles: Set<StaffRole>
    /// The family tab the pages belong to: a town without it has no such pages (nil: every town).
    var tab: PortalTab? = nil
}

/// The back-office menu shared by every `/gestion` page (`StaffViews.page`). An area adds its
/// pages with one line here, in the order staff meet them in a morning.
enum StaffNavigation {
    static let items: [StaffNavigationItem] = [
        StaffNavigationItem(path: StaffPaths.home, label: "Tableau de bord", roles: BackOfficeRoles.everyone),
        StaffNavigationItem(path: StaffDossierPaths.families, label: "Familles", roles: BackOfficeRoles.everyone),
        StaffNavigationItem(path: WaitingCounts.registrationQueue, label: "Pré-inscriptions", roles: BackOfficeRoles.caseworkers),
        StaffNavigationItem(path: WaitingCounts.bookingQueue, label: "Demandes de réservation", roles: BackOfficeRoles.caseworkers),
        StaffNavigationItem(path: StaffDossierPaths.queue, label: "Modifications de dossier", roles: BackOfficeRoles.caseworkers),
        StaffNavigationItem(path: StaffPaths.documents, label: "Documents reçus", roles: [.admin, .agent]),
        StaffNavigationItem(path: BackOfficePaths.attendance, label: "Pointage", roles: BackOfficeRoles.caseworkers),
        StaffNavigationItem(path: WaitingCounts.messages, label: "Messagerie", roles: BackOfficeRoles.everyone, tab: .messagerie),
        StaffNavigationItem(path: NewsPaths.staffList, label: "Actualités", roles: [.admin, .agent, .director]),
        StaffNavigationItem(path: TownDocumentPaths.staffList, label: "Documents publiés", roles: [.admin, .agent, .director], tab: .documents),
        StaffNavigationItem(path: WaitingCounts.invoicing, label: "Facturation", roles: [.admin, .billing]),
        StaffNavigationItem(path: BackOfficePaths.waitingLists, label: "Listes d'attente", roles: BackOfficeRoles.caseworkers),
        StaffNavigationItem(path: BackOfficePaths.simulator, label: "Simulateur de règles", roles: BackOfficeRoles.everyone),
        StaffNavigationItem(path: BackOfficePaths.exports, label: "Exports", roles: BackOfficeRoles.everyone),
        StaffNavigationItem(path: StaffPaths.team, label: "Équipe", roles: BackOfficeRoles.administrators),
        StaffNavigationItem(path: BackOfficePaths.audit, label: "Journal", roles: BackOfficeRoles.administrators),
        StaffNavigationItem(path: StaffPaths.account, label: "Mon compte", roles: BackOfficeRoles.everyone),
    ]

    static func items(for role: StaffRole, tenant: TenantConfig) -> [StaffNavigationItem] {
        items.filter { $0.roles.contains(role) && ($0.tab.map(tenant.tabs.contains) ?? true) }
    }
}
