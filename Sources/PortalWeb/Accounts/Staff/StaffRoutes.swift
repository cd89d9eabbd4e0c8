import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The town's back-office under `/gestion`: staff sign-in, a landing page the back-office
/// fills later, received family documents, and the team (invitations) for admins.
enum StaffRoutes {
    static func register(_ table: inout RouteTable) {
        table.add("GET", StaffPaths.signIn, .anyone) { context in .html(StaffViews.signIn(context, email: "", message: nil)) }
        table.add("POST", StaffPaths.signIn, .anyone) { try signIn($0) }
        table.add("POST", StaffPaths.signOut, .anyone) { try SignInHandlers.signOut($0, then: StaffPaths.signIn + "?ok=deconnecte") }
        table.add("GET", StaffPaths.home, .anyStaff) { try DashboardPage.show($0) }
        table.add("GET", StaffPaths.documents + "/:id", .staff([.admin, .agent])) { try DocumentHandlers.download($0, accountID: nil) }
        table.add("GET", StaffPaths.team, .staff([.admin])) { context in
            let team = try context.transaction { try StaffAdministration.members(in: $0) }
            return .html(StaffViews.team(context, team: team, values: InvitationValues(), errors: FieldErrors()))
        }
        table.add("POST", StaffPaths.team, .staff([.admin])) { try invite($0) }
        table.add("GET", StaffPaths.invitation, .anyone) { try showInvitation($0) }
        table.add("POST", StaffPaths.invitation, .anyone) { try acceptInvitation($0) }
        PasswordResetHandlers.register(&table, for: .staff)
    }

    static func signIn(_ context: RequestContext) throws -> HTTPResponse {
        let typed = context.form.text("courriel"), password = context.form.value("mot_de_passe") ?? ""
        let outcome = try SignInAttempt.run(context, kind: .staff, emailText: typed, password: password) { email, connection in
            try StaffStore.authenticate(email: email, password: password, in: connection)
                .map { SignInAttempt.Found(id: $0.id, email: $0.email, isActivated: true) }
        }
        switch outcome {
        case .signedIn(let token):
            var response = HTTPResponse.redirect(to: ReturnPath.sanitized(context.form.value("retour"), default: StaffPaths.home))
            context.cookies.setSession(token, on: &response)
            return response
        case .wrongCredentials(let throttle):
            return .html(StaffViews.signIn(context, email: typed, message: SignInAttempt.wrongCredentialsMessage + (throttle.map { " " + $0 } ?? "")),
                         status: throttle == nil ? .unauthorized : .tooManyRequests)
        case .throttled(let message):
            return .html(StaffViews.signIn(context, email: typed, message: message), status: .tooManyRequests)
        case .notActivated:
            return .html(StaffViews.signIn(context, email: typed, message: SignInAttempt.wrongCredentialsMessage), status: .unauthorized)
        }
    }

    static func invite(_ context: RequestContext) throws -> HTTPResponse {
        let admin = try context.staff
        let values = InvitationValues(name: context.form.text("nom"), email: context.form.text("courriel"), role: context.form.text("role"))
        var errors = FieldErrors()
        if values.name.isEmpty || values.name.count > 150 { errors.add("nom", "Indiquez le nom de la personne (150 caractères au plus).") }
        let email = AccountValidation.email(values.email, into: &errors)
        let role = StaffRole(rawValue: values.role)
        if role == nil { errors.add("role", "Choisissez un rôle.") }
        let done: Bool = try context.transaction { connection in
            guard errors.isEmpty, let email, let role else { return false }
            guard let id = try StaffStore.invite(email: email, displayName: values.name, role: role, now: context.now, in: connection) else {
                errors.add("courriel", "Cette adresse a déjà un compte de gestion dans la collectivité.")
                return false
            }
            let token = try TokenStore.issue(.staffInvitation, kind: .staff, principalID: id, now: context.now, in: connection)
            try Outbox.enqueue(AccountMails.staffInvitation(context.tenant, to: email.value, name: values.name, role: role,
                                                            link: context.baseURL + StaffPaths.invitation + "?jeton=" + token), now: context.now, in: connection)
            try SecurityEvents.record(.staffInvitation, principal: (.staff, admin.id), email: email.value, ip: context.clientAddress,
                                      detail: role.rawValue, now: context.now, in: connection)
            try StaffAudit.record(StaffActor(id: admin.id, name: admin.displayName), action: "staff.invite", target: "staff/\(id)",
                                  detail: "\(values.name) <\(email.value)>, \(role.frenchLabel)", ip: context.clientAddress, now: context.now, in: connection)
            return true
        }
        guard done else {
            let team = try context.transaction { try StaffAdministration.members(in: $0) }
            return .html(StaffViews.team(context, team: team, values: values, errors: errors), status: .unprocessableContent)
        }
        return .redirect(to: StaffPaths.team + "?ok=invite")
    }

    static func showInvitation(_ context: RequestContext) throws -> HTTPResponse {
        let token = context.request.queryValue("jeton") ?? ""
        let staff = try context.transaction { connection -> StaffAccount? in
            guard let found = try TokenStore.peek(token, purpose: .staffInvitation, now: context.now, in: connection) else { return nil }
            return try StaffStore.find(id: found.principalID, in: connection)
        }
        return .html(StaffViews.invitation(context, token: staff == nil ? nil : token, staff: staff, errors: FieldErrors()),
                     status: staff == nil ? .gone : .ok)
    }

    static func acceptInvitation(_ context: RequestContext) throws -> HTTPResponse {
        let tokenText = context.form.text("jeton")
        let password = context.form.value("mot_de_passe") ?? "", confirmation = context.form.value("confirmation") ?? ""
        enum Outcome { case done, invalid, errors(StaffAccount, FieldErrors) }
        let outcome: Outcome = try context.transaction { connection in
            guard let token = try TokenStore.peek(tokenText, purpose: .staffInvitation, now: context.now, in: connection),
                  let staff = try StaffStore.find(id: token.principalID, in: connection) else { return .invalid }
            var errors = FieldErrors()
            AccountValidation.newPassword(password, confirmation: confirmation, policy: context.tenant.passwordPolicy, email: staff.email, into: &errors)
            guard errors.isEmpty else { return .errors(staff, errors) }
            guard try TokenStore.consume(tokenText, purpose: .staffInvitation, now: context.now, in: connection) != nil else { return .invalid }
            try StaffStore.setPassword(id: staff.id, password: password, in: connection)
            try SessionStore.deleteAll(kind: .staff, principalID: staff.id, in: connection)
            try SecurityEvents.record(.passwordChange, principal: (.staff, staff.id), email: staff.email, ip: context.clientAddress, now: context.now, in: connection)
            return .done
        }
        switch outcome {
        case .done: return .redirect(to: StaffPaths.signIn + "?ok=invitation")
        case .invalid: return .html(StaffViews.invitation(context, token: nil, staff: nil, errors: FieldErrors()), status: .gone)
        case .errors(let staff, let errors):
            return .html(StaffViews.invitation(context, token: tokenText, staff: staff, errors: errors), status: .unprocessableContent)
        }
    }
}

struct InvitationValues {
    var name = ""
    var email = ""
    var role = StaffRole.agent.rawValue
}
