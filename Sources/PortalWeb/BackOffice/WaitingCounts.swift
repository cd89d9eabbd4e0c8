import PortalCore
import PortalFlows

/// One count of the dashboard: what waits for staff in one queue, with the link into it.
struct WaitingCount: Sendable {
    let label: String
    let path: String
    let roles: Set<StaffRole>
    /// The family tab the queue belongs to: a town without it has no such queue (nil: every town).
    var tab: PortalTab? = nil
    /// What the flow counts for it.
    let queue: WaitingQueue
}

/// What waits, for the dashboard. An area adds its queue with one line here and its count
/// in `WaitingQueue`.
enum WaitingCounts {
    static let registrationQueue = StaffBookingPaths.registrations
    static let bookingQueue = StaffBookingPaths.bookings
    static let messages = MessagingPaths.staffHome
    static let invoicing = StaffInvoicingPaths.home

    static let all: [WaitingCount] = [
        WaitingCount(label: "Pré-inscriptions à valider", path: registrationQueue, roles: BackOfficeRoles.caseworkers, queue: .registrations),
        WaitingCount(label: "Réservations à valider", path: StaffBookingPaths.bookings(.booking), roles: BackOfficeRoles.caseworkers, queue: .bookings),
        WaitingCount(label: "Demandes hors délai", path: StaffBookingPaths.bookings(.late), roles: BackOfficeRoles.caseworkers, queue: .lateBookings),
        WaitingCount(label: "Demandes d'annulation", path: StaffBookingPaths.bookings(.cancellation), roles: BackOfficeRoles.caseworkers, queue: .cancellations),
        WaitingCount(label: "Modifications de dossier", path: StaffDossierPaths.queue, roles: BackOfficeRoles.caseworkers, queue: .dossierChanges),
        WaitingCount(label: "Documents reçus", path: StaffPaths.documents, roles: [.admin, .agent], queue: .documents),
        WaitingCount(label: "Messages en attente de réponse", path: messages, roles: BackOfficeRoles.everyone, tab: .messagerie, queue: .messages),
    ]

    static func visible(to role: StaffRole, tenant: TenantConfig) -> [WaitingCount] {
        all.filter { $0.roles.contains(role) && ($0.tab.map(tenant.tabs.contains) ?? true) }
    }
}
