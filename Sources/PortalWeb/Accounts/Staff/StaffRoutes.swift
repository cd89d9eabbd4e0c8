import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The town's back-office under `/gestion`: staff sign-in, a landing page the back-office
/// fills later, received family documents, and the team (invitations) for admins.
enum StaffRoutes {
    static func register(_ table: inout RouteTable) {
        table.add("GET", StaffPaths.signIn, .anyone) { context in
            .html(StaffViews.signIn(context.staffChrome, email: "", message: nil, returnPath: context.signInReturnPath, notice: context.noticeCode))
        }
        table.add("POST", StaffPaths.signIn, .anyone) { try signIn($0) }
        table.add("POST", StaffPaths.signOut, .anyone) { try SignInHandlers.signOut($0, then: StaffPaths.signIn + "?ok=deconnecte") }
        table.add("GET", StaffPaths.home, .anyStaff) { try DashboardPage.show($0) }
        table.add("GET", StaffPaths.document, .staff([.admin, .agent])) { try DocumentHandlers.download($0, id: $1, accountID: nil) }
        table.add("GET", StaffPaths.team, .staff([.admin])) { context in
            .html(teamPage(context, team: try StaffTeamPage(town: context.town).load(), values: InvitationValues(), errors: FieldErrors()))
        }
        table.add("POST", StaffPaths.team, .staff([.admin])) { try invite($0) }
        table.add("GET", StaffPaths.invitation, .anyone) { try showInvitation($0) }
        table.add("POST", StaffPaths.invitation, .anyone) { try acceptInvitation($0) }
        PasswordResetHandlers.register(&table, for: .staff)
    }

    static func signIn(_ context: RequestContext) throws -> HTTPResponse {
        let typed = context.form.text("courriel")
        let outcome = try SignIn(town: context.town).run(kind: .staff, emailText: typed, password: context.form.value("mot_de_passe") ?? "",
                                                         replacing: context.sessionToken, client: context.accountClient, now: context.now)
        func page(_ message: String) -> Node {
            StaffViews.signIn(context.staffChrome, email: typed, message: message, returnPath: context.signInReturnPath, notice: context.noticeCode)
        }
        switch outcome {
        case .signedIn(let token):
            var response = HTTPResponse.redirect(to: ReturnPath.sanitized(context.form.value("retour"), default: StaffPaths.home))
            context.cookies.setSession(token, on: &response)
            return response
        case .wrongCredentials(let throttle):
            return .html(page(SignIn.wrongCredentialsMessage + (throttle.map { " " + $0 } ?? "")), status: throttle == nil ? .unauthorized : .tooManyRequests)
        case .throttled(let message):
            return .html(page(message), status: .tooManyRequests)
        case .notActivated:
            return .html(page(SignIn.wrongCredentialsMessage), status: .unauthorized)
        }
    }

    private static func teamPage(_ context: RequestContext, team: [StaffMember], values: InvitationValues, errors: FieldErrors) -> Node {
        let me: Int64? = if case .staff(let staff)? = context.principal { staff.id } else { nil }
        let members = TeamPages.members(context.staffChrome, team, me: me, ok: context.request.queryValue("ok"), error: context.request.queryValue("erreur"))
        return StaffViews.team(context.staffChrome, members: members, values: values, errors: errors, notice: context.noticeCode)
    }

    static func invite(_ context: RequestContext) throws -> HTTPResponse {
        let values = InvitationValues(name: context.form.text("nom"), email: context.form.text("courriel"), role: context.form.text("role"))
        let errors = try InviteStaff(town: context.town, links: .web).run(by: try context.staff, name: values.name, emailText: values.email,
                                                                          roleText: values.role, ip: context.clientAddress, now: context.now)
        guard errors.isEmpty else {
            let team = try StaffTeamPage(town: context.town).load()
            return .html(teamPage(context, team: team, values: values, errors: errors), status: .unprocessableContent)
        }
        return .redirect(to: StaffPaths.team + "?ok=invite")
    }

    static func showInvitation(_ context: RequestContext) throws -> HTTPResponse {
        let token = context.request.queryValue("jeton") ?? ""
        let staff = try StaffInvitationPage(town: context.town).load(token: token, now: context.now)
        return .html(StaffViews.invitation(context.staffChrome, token: staff == nil ? nil : token, staff: staff, errors: FieldErrors()),
                     status: staff == nil ? .gone : .ok)
    }

    static func acceptInvitation(_ context: RequestContext) throws -> HTTPResponse {
        let tokenText = context.form.text("jeton")
        let outcome = try AcceptStaffInvitation(town: context.town).run(token: tokenText, password: context.form.value("mot_de_passe") ?? "",
                                                                        confirmation: context.form.value("confirmation") ?? "",
                                                                        ip: context.clientAddress, now: context.now)
        switch outcome {
        case .done: return .redirect(to: StaffPaths.signIn + "?ok=invitation")
        case .invalid: return .html(StaffViews.invitation(context.staffChrome, token: nil, staff: nil, errors: FieldErrors()), status: .gone)
        case .refused(let staff, let errors):
            return .html(StaffViews.invitation(context.staffChrome, token: tokenText, staff: staff, errors: errors), status: .unprocessableContent)
        }
    }
}

struct InvitationValues {
    var name = ""
    var email = ""
    var role = StaffRole.agent.rawValue
}
