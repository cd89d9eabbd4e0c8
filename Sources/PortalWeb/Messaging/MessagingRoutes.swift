import HTTPServer
import PortalCore
import PortalStore

/// The Messagerie tab for families and the service inboxes under /gestion. Every route belongs
/// to the `messagerie` tab, so a town that has not enabled it answers 404 on all of them.
enum MessagingRoutes {
    /// The staff who read and answer families' messages; other pages that show messages ask too.
    static let staffRoles: Set<StaffRole> = Set(StaffRole.allCases)

    static func register(_ table: inout RouteTable) {
        table.add("GET", MessagingPaths.received, .family, tab: .messagerie) { try FamilyMessagingHandlers.listing($0, author: .staff) }
        table.add("GET", MessagingPaths.sent, .family, tab: .messagerie) { try FamilyMessagingHandlers.listing($0, author: .family) }
        table.add("GET", MessagingPaths.compose, .family, tab: .messagerie) { try FamilyMessagingHandlers.compose($0) }
        table.add("POST", MessagingPaths.compose, .family, tab: .messagerie) { try FamilyMessagingHandlers.send($0) }
        table.add("GET", MessagingPaths.thread, .family, tab: .messagerie) { try FamilyMessagingHandlers.thread($0, id: $1) }
        table.add("POST", MessagingPaths.thread, .family, tab: .messagerie) { try FamilyMessagingHandlers.reply($0, id: $1) }
        table.add("GET", MessagingPaths.attachment, .family, tab: .messagerie) { context, id in
            try AttachmentDownload.respond(context, id: id, accountID: try context.family.id)
        }

        let staff = Access.staff(staffRoles)
        table.add("GET", MessagingPaths.staffHome, staff, tab: .messagerie) { try StaffMessagingHandlers.home($0) }
        table.add("GET", MessagingPaths.staffService, staff, tab: .messagerie) { try StaffMessagingHandlers.service($0, code: $1) }
        table.add("GET", MessagingPaths.staffThread, staff, tab: .messagerie) { try StaffMessagingHandlers.thread($0, id: $1) }
        table.add("POST", MessagingPaths.staffThread, staff, tab: .messagerie) { try StaffMessagingHandlers.reply($0, id: $1) }
        table.add("POST", MessagingPaths.staffAssign, staff, tab: .messagerie) { try StaffMessagingHandlers.assign($0, id: $1) }
        table.add("POST", MessagingPaths.staffStatus, staff, tab: .messagerie) { try StaffMessagingHandlers.setStatus($0, id: $1) }
        table.add("GET", MessagingPaths.staffAttachment, staff, tab: .messagerie) { try AttachmentDownload.respond($0, id: $1, accountID: nil) }
    }
}
