import Foundation
import HTTPServer
import PortalCore
import PortalFlows

/// The service inboxes under /gestion: counters per service, a service's threads, reading a
/// thread (which marks the family's messages read), replying, assigning, closing and reopening.
enum StaffMessagingHandlers {
    static func home(_ context: RequestContext) throws -> HTTPResponse {
        .html(StaffMessagingViews.home(context.staffChrome, counters: try ServiceInboxes(town: context.town).counters(), now: context.now))
    }

    static func service(_ context: RequestContext, code: String) throws -> HTTPResponse {
        guard let service = context.tenant.messaging.services.first(where: { $0.code == code }) else { throw RouteError.notFound }
        let filter = StaffMessagingViews.Filter(rawValue: context.request.queryValue("statut") ?? "") ?? .open
        let threads = try ServiceInboxes(town: context.town).threads(serviceCode: code, status: filter.status)
        return .html(StaffMessagingViews.service(context.staffChrome, service: service, filter: filter, threads: threads, now: context.now))
    }

    static func thread(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        try showThread(context, id: id, draftBody: "", errors: FieldErrors())
    }

    static func reply(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let staff = try context.staff
        let body = FamilyMessagingHandlers.trimmedBody(context.form.value("message"))
        var errors = FieldErrors()
        errors.add(MessageDraft.bodyProblems(body))
        guard errors.isEmpty else { return try showThread(context, id: id, draftBody: body, errors: errors) }
        try ServiceInboxes(town: context.town).reply(threadID: id, body: body, by: staff, ip: context.clientAddress, now: context.now)
        return .redirect(to: MessagingPaths.staffThread(id) + "?ok=reponse-envoyee")
    }

    /// `personne` unassigns; any other value must be a staff member of this town.
    static func assign(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let choice = context.form.text("agent")
        do {
            try ServiceInboxes(town: context.town).assign(threadID: id, to: choice == "personne" ? .nobody : .staff(choice),
                                                          by: try context.staffActor, ip: context.clientAddress, now: context.now)
        } catch ServiceInboxes.InboxError.unknownAssignee {
            throw RouteError.badRequest
        }
        return .redirect(to: MessagingPaths.staffThread(id) + "?ok=attribuee")
    }

    static func setStatus(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        guard let status = ThreadStatus(rawValue: context.form.text("statut")) else { throw RouteError.badRequest }
        try ServiceInboxes(town: context.town).setStatus(threadID: id, status, by: try context.staffActor, ip: context.clientAddress, now: context.now)
        return .redirect(to: MessagingPaths.staffThread(id) + (status == .closed ? "?ok=cloturee" : "?ok=rouverte"))
    }

    private static func showThread(_ context: RequestContext, id: Int64, draftBody: String, errors: FieldErrors) throws -> HTTPResponse {
        let (thread, messages, team) = try ServiceInboxes(town: context.town).open(threadID: id, now: context.now)
        return .html(StaffMessagingViews.thread(context.staffChrome, thread: thread, messages: messages, team: team, now: context.now,
                                                notice: context.request.queryValue("ok"), draftBody: draftBody, errors: errors),
                     status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
