import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// One count of the dashboard: what waits for staff in one queue, with the link into it.
struct WaitingCount: Sendable {
    let label: String
    let path: String
    let roles: Set<StaffRole>
    /// The family tab the queue belongs to: a town without it has no such queue (nil: every town).
    var tab: PortalTab? = nil
    let count: @Sendable (PostgresConnection) throws -> Int
}

/// What waits, for the dashboard. An area adds its queue with one line here.
enum WaitingCounts {
    static let registrationQueue = StaffBookingPaths.registrations
    static let bookingQueue = StaffBookingPaths.bookings
    static let messages = MessagingPaths.staffHome
    static let invoicing = StaffInvoicingPaths.home

    static let all: [WaitingCount] = [
        WaitingCount(label: "Pré-inscriptions à valider", path: registrationQueue, roles: BackOfficeRoles.caseworkers) {
            try $0.count("SELECT count(*)::int AS n FROM registrations WHERE status = 'pending'")
        },
        WaitingCount(label: "Réservations à valider", path: StaffBookingPaths.bookings(.booking), roles: BackOfficeRoles.caseworkers) {
            try $0.count("SELECT count(*)::int AS n FROM bookings WHERE status = 'pendingValidation' AND NOT late")
        },
        WaitingCount(label: "Demandes hors délai", path: StaffBookingPaths.bookings(.late), roles: BackOfficeRoles.caseworkers) {
            try $0.count("SELECT count(*)::int AS n FROM bookings WHERE status = 'pendingValidation' AND late")
        },
        WaitingCount(label: "Demandes d'annulation", path: StaffBookingPaths.bookings(.cancellation), roles: BackOfficeRoles.caseworkers) {
            try $0.count("SELECT count(*)::int AS n FROM bookings WHERE status = 'cancellationRequested'")
        },
        WaitingCount(label: "Modifications de dossier", path: StaffDossierPaths.queue, roles: BackOfficeRoles.caseworkers) {
            try ChangeRequestStore.queue(limit: 10_000, in: $0).count
        },
        WaitingCount(label: "Documents reçus", path: StaffPaths.documents, roles: [.admin, .agent]) {
            try DocumentReviewStore.pendingCount(in: $0)
        },
        WaitingCount(label: "Messages en attente de réponse", path: messages, roles: BackOfficeRoles.everyone, tab: .messagerie) {
            try $0.count("SELECT count(*)::int AS n FROM message_threads WHERE status = 'open' AND awaiting_reply_since IS NOT NULL")
        },
    ]

    static func visible(to role: StaffRole, tenant: TenantConfig) -> [WaitingCount] {
        all.filter { $0.roles.contains(role) && ($0.tab.map(tenant.tabs.contains) ?? true) }
    }
}

extension PostgresConnection {
    func count(_ sql: SQL) throws -> Int { try query(sql)[0].decode("n") }
}
