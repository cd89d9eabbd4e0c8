import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// « Mon compte » of a staff member: their password (the current one first; the other sessions
/// end and the address is told) and their connections.
enum StaffAccountHandlers {
    static func register(_ table: inout RouteTable) {
        table.add("GET", StaffPaths.account, .anyStaff) { try page($0, passwordErrors: FieldErrors(), connectionErrors: FieldErrors()) }
        table.add("POST", StaffPaths.password, .anyStaff) { try changePassword($0) }
        table.add("POST", StaffPaths.connections, .anyStaff) { try endOtherSessions($0) }
    }

    private static func page(_ context: RequestContext, passwordErrors: FieldErrors, connectionErrors: FieldErrors) throws -> HTTPResponse {
        let staff = try context.staff
        let sessions = try CurrentPassword.sessions(context, kind: .staff, id: staff.id)
        let failed = !(passwordErrors.isEmpty && connectionErrors.isEmpty)
        return .html(view(context, staff: staff, sessions: sessions, passwordErrors: passwordErrors, connectionErrors: connectionErrors),
                     status: failed ? .unprocessableContent : .ok)
    }

    static func changePassword(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        var errors = FieldErrors()
        let token = try CurrentPassword.change(context, kind: .staff, id: staff.id, email: staff.email, into: &errors)
        // The failed check's counters must be kept, so errors are shown after the commit.
        guard let token else { return try page(context, passwordErrors: errors, connectionErrors: FieldErrors()) }
        var response = HTTPResponse.redirect(to: StaffPaths.account + "?ok=mot-de-passe")
        context.cookies.setSession(token, on: &response)
        return response
    }

    static func endOtherSessions(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        var errors = FieldErrors()
        guard try CurrentPassword.endOtherSessions(context, kind: .staff, id: staff.id, email: staff.email, into: &errors) != nil
        else { return try page(context, passwordErrors: FieldErrors(), connectionErrors: errors) }
        return .redirect(to: StaffPaths.account + "?ok=connexions")
    }

    static func view(_ context: RequestContext, staff: StaffAccount, sessions: [ActiveSession],
                     passwordErrors: FieldErrors, connectionErrors: FieldErrors) -> Node {
        var all = FieldErrors()
        for item in passwordErrors.items + connectionErrors.items { all.add(item.field, item.message) }
        return StaffViews.page(context, title: "Mon compte", content: [
            .h1([], ["Mon compte"]),
            Notices.banner(context.request),
            Forms.errorSummary(all),
            .p([], [.text("\(staff.displayName) – \(staff.role.frenchLabel) – "), .strong([], [.text(staff.email)])]),
            CurrentPassword.changeSection(context, action: StaffPaths.password, email: staff.email, errors: passwordErrors),
            SessionViews.section(context, sessions: sessions, action: StaffPaths.connections, errors: connectionErrors),
        ])
    }
}
