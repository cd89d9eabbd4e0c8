import HTTPServer
import PortalCore

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
        table.add("GET", MessagingPaths.threadPattern, .family, tab: .messagerie) { try FamilyMessagingHandlers.thread($0) }
        table.add("POST", MessagingPaths.threadPattern, .family, tab: .messagerie) { try FamilyMessagingHandlers.reply($0) }
        table.add("GET", MessagingPaths.attachmentPattern, .family, tab: .messagerie) { context in
            try AttachmentDownload.respond(context, accountID: try context.family.id)
        }

        let staff = Access.staff(staffRoles)
        table.add("GET", MessagingPaths.staffHome, staff, tab: .messagerie) { try StaffMessagingHandlers.home($0) }
        table.add("GET", MessagingPaths.staffServicePattern, staff, tab: .messagerie) { try StaffMessagingHandlers.service($0) }
        table.add("GET", MessagingPaths.staffThreadPattern, staff, tab: .messagerie) { try StaffMessagingHandlers.thread($0) }
        table.add("POST", MessagingPaths.staffThreadPattern, staff, tab: .messagerie) { try StaffMessagingHandlers.reply($0) }
        table.add("POST", MessagingPaths.staffAssignPattern, staff, tab: .messagerie) { try StaffMessagingHandlers.assign($0) }
        table.add("POST", MessagingPaths.staffStatusPattern, staff, tab: .messagerie) { try StaffMessagingHandlers.setStatus($0) }
        table.add("GET", MessagingPaths.staffAttachmentPattern, staff, tab: .messagerie) { try AttachmentDownload.respond($0, accountID: nil) }
    }
}
