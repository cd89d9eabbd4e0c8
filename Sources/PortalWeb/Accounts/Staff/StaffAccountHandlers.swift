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
        let sessions = try AccountSessions(town: context.town).load(kind: .staff, id: staff.id, current: context.sessionToken,
                                                                    lifetime: context.settings.sessionLifetime, now: context.now)
        let failed = !(passwordErrors.isEmpty && connectionErrors.isEmpty)
        return .html(view(context.staffChrome, staff: staff, sessions: sessions, passwordErrors: passwordErrors, connectionErrors: connectionErrors,
                          notice: context.noticeCode), status: failed ? .unprocessableContent : .ok)
    }

    static func changePassword(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        let outcome = try ChangePassword(town: context.town).run(staff.signedIn, current: context.form.value("mot_de_passe_actuel") ?? "",
                                                                 new: context.form.value("nouveau_mot_de_passe") ?? "",
                                                                 confirmation: context.form.value("confirmation") ?? "",
                                                                 client: context.accountClient, now: context.now)
        switch outcome {
        case .refused(let errors):
            // The failed check's counters are kept: the flow committed before the errors are shown.
            return try page(context, passwordErrors: errors, connectionErrors: FieldErrors())
        case .changed(let token):
            var response = HTTPResponse.redirect(to: StaffPaths.account + "?ok=mot-de-passe")
            context.cookies.setSession(token, on: &response)
            return response
        }
    }

    static func endOtherSessions(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        let outcome = try EndOtherSessions(town: context.town).run(staff.signedIn, password: context.form.value(SessionViews.passwordField) ?? "",
                                                                   field: SessionViews.passwordField, keeping: context.sessionToken,
                                                                   ip: context.clientAddress, now: context.now)
        switch outcome {
        case .ended: return .redirect(to: StaffPaths.account + "?ok=connexions")
        case .refused(let errors): return try page(context, passwordErrors: FieldErrors(), connectionErrors: errors)
        }
    }

    static func view(_ frame: StaffChrome, staff: StaffAccount, sessions: [ActiveSession],
                     passwordErrors: FieldErrors, connectionErrors: FieldErrors, notice: String?) -> Node {
        var all = FieldErrors()
        for item in passwordErrors.items + connectionErrors.items { all.add(item.field, item.message) }
        return StaffViews.page(frame, title: "Mon compte", content: [
            .h1([], ["Mon compte"]),
            Notices.banner(notice),
            Forms.errorSummary(all),
            .p([], [.text("\(staff.displayName) – \(staff.role.frenchLabel) – "), .strong([], [.text(staff.email)])]),
            PasswordViews.changeSection(frame.chrome, action: StaffPaths.password, email: staff.email, errors: passwordErrors),
            SessionViews.section(frame.chrome, sessions: sessions, action: StaffPaths.connections, errors: connectionErrors),
        ])
    }
}

extension StaffAccount {
    /// This member as the password-guarded flows name them.
    var signedIn: SignedInAccount { SignedInAccount(kind: .staff, id: id, email: email) }
}
