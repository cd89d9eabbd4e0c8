import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The service inboxes under /gestion: counters per service, a service's threads, reading a
/// thread (which marks the family's messages read), replying, assigning, closing and reopening.
enum StaffMessagingHandlers {
    static func home(_ context: RequestContext) throws -> HTTPResponse {
        let counters = try context.transaction { try MessageStore.counters(in: $0) }
        return .html(StaffMessagingViews.home(context, counters: counters))
    }

    static func service(_ context: RequestContext) throws -> HTTPResponse {
        guard let code = context.parameters["code"], let service = context.tenant.messaging.services.first(where: { $0.code == code })
        else { throw RouteError.notFound }
        let filter = StaffMessagingViews.Filter(rawValue: context.request.queryValue("statut") ?? "") ?? .open
        let threads = try context.transaction { try MessageStore.threads(serviceCode: code, status: filter.status, in: $0) }
        return .html(StaffMessagingViews.service(context, service: service, filter: filter, threads: threads))
    }

    static func thread(_ context: RequestContext) throws -> HTTPResponse {
        try showThread(context, draftBody: "", errors: FieldErrors())
    }

    static func reply(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        guard let id = context.parameters["id"].flatMap(Int64.init) else { throw RouteError.notFound }
        let body = FamilyMessagingHandlers.trimmedBody(context.form.value("message"))
        var errors = FieldErrors()
        errors.add(MessageDraft.bodyProblems(body))
        guard errors.isEmpty else { return try showThread(context, draftBody: body, errors: errors) }
        let done: Bool = try context.transaction { connection in
            guard let (thread, _) = try MessageStore.thread(id: id, accountID: nil, in: connection),
                  try MessageStore.addStaffReply(threadID: id, staffID: staff.id, body: body, now: context.now, in: connection) != nil
            else { return false }
            try Outbox.enqueue(MessagingMails.replied(context.tenant, to: thread.familyEmail, serviceLabel: context.tenant.messaging.label(of: thread.serviceCode),
                                                      subject: thread.subject, link: context.baseURL + MessagingPaths.thread(id)),
                               now: context.now, in: connection)
            try context.audit("messaging.reply", target: "thread/\(id)", detail: "Réponse à « \(thread.subject) » (\(thread.familyName))", in: connection)
            return true
        }
        guard done else { throw RouteError.notFound }
        return .redirect(to: MessagingPaths.staffThread(id) + "?ok=reponse-envoyee")
    }

    /// `personne` unassigns; any other value must be a staff member of this town.
    static func assign(_ context: RequestContext) throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap(Int64.init) else { throw RouteError.notFound }
        let choice = context.form.text("agent")
        let done: Bool = try context.transaction { connection in
            var chosen: StaffAccount?
            if choice != "personne" {
                guard let staffID = Int64(choice), let found = try StaffStore.find(id: staffID, in: connection) else { throw RouteError.badRequest }
                chosen = found
            }
            guard try MessageStore.assign(threadID: id, staffID: chosen?.id, now: context.now, in: connection) else { return false }
            try context.audit("messaging.assign", target: "thread/\(id)", detail: chosen.map { "Attribuée à \($0.displayName)" } ?? "Attribution retirée", in: connection)
            return true
        }
        guard done else { throw RouteError.notFound }
        return .redirect(to: MessagingPaths.staffThread(id) + "?ok=attribuee")
    }

    static func setStatus(_ context: RequestContext) throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap(Int64.init) else { throw RouteError.notFound }
        guard let status = ThreadStatus(rawValue: context.form.text("statut")) else { throw RouteError.badRequest }
        let done: Bool = try context.transaction { connection in
            guard try MessageStore.setStatus(threadID: id, status, now: context.now, in: connection) else { return false }
            try context.audit(status == .closed ? "messaging.close" : "messaging.reopen", target: "thread/\(id)", detail: status.frenchLabel, in: connection)
            return true
        }
        guard done else { throw RouteError.notFound }
        return .redirect(to: MessagingPaths.staffThread(id) + (status == .closed ? "?ok=cloturee" : "?ok=rouverte"))
    }

    private static func showThread(_ context: RequestContext, draftBody: String, errors: FieldErrors) throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap(Int64.init) else { throw RouteError.notFound }
        let found = try context.transaction { connection -> (MessageThread, [ThreadMessage], [StaffAccount])? in
            guard let (thread, messages) = try MessageStore.thread(id: id, accountID: nil, in: connection) else { return nil }
            try MessageStore.markRead(threadID: id, writtenBy: .family, now: context.now, in: connection)
            return (thread, messages, try StaffStore.list(in: connection))
        }
        guard let (thread, messages, team) = found else { throw RouteError.notFound }
        return .html(StaffMessagingViews.thread(context, thread: thread, messages: messages, team: team, draftBody: draftBody, errors: errors),
                     status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
