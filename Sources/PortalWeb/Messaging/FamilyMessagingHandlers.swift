import HTTPServer
import PortalCore
import PortalFlows
import PortalStore
import Postgres
import Foundation

/// The family's side of the Messagerie: received and sent messages, writing to a service,
/// reading a thread (which marks the service's answers read) and replying in it.
enum FamilyMessagingHandlers {
    static func listing(_ context: RequestContext, author: MessageAuthor) throws -> HTTPResponse {
        let account = try context.family
        let (messages, counts) = try context.transaction { connection -> ([MessageListing], MessagingViews.Counts) in
            (try MessageStore.listing(accountID: account.id, author: author, in: connection), try Self.counts(account.id, in: connection))
        }
        return .html(MessagingViews.listing(context, author: author, messages: messages, counts: counts))
    }

    static func compose(_ context: RequestContext) throws -> HTTPResponse {
        let preselected = context.request.queryValue("service") ?? ""
        let draft = MessageDraft(serviceCode: preselected, theme: "", subject: "", body: "")
        return .html(MessagingViews.compose(context, draft: draft, errors: FieldErrors()))
    }

    static func send(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let config = context.tenant.messaging
        let draft = MessageDraft(serviceCode: context.form.text("service"), theme: context.form.text("theme"),
                                 subject: context.form.text("objet"), body: trimmedBody(context.form.value("message")))
        var errors = FieldErrors()
        errors.add(draft.problems(in: config))
        let upload = AttachmentUpload.collect(context.form, maximumBytes: AttachmentRules.limit(for: config))
        errors.add(upload.problems)
        // The typed text comes back with the errors; only the files must be chosen again.
        guard errors.isEmpty else {
            return .html(MessagingViews.compose(context, draft: draft, errors: errors), status: .unprocessableContent)
        }
        let outcome: Result<Int64, QuotaExceeded> = try context.transaction { connection in
            if let problem = try quotaProblem(upload.attachments, accountID: account.id, now: context.now, in: connection) { return .failure(problem) }
            let id = try MessageStore.startThread(accountID: account.id, draft: draft, attachments: upload.attachments, now: context.now, in: connection)
            try Outbox.enqueue(MessagingMails.sent(context.tenant, to: account.email, serviceLabel: config.label(of: draft.serviceCode), subject: draft.subject,
                                                   at: context.now, link: context.baseURL + MessagingPaths.thread(id)), now: context.now, in: connection)
            return .success(id)
        }
        switch outcome {
        case .success(let threadID): return .redirect(to: MessagingPaths.thread(threadID) + "?ok=message-envoye")
        case .failure(let problem):
            errors.add(AttachmentUpload.fieldName(1), problem.message)
            return .html(MessagingViews.compose(context, draft: draft, errors: errors), status: .unprocessableContent)
        }
    }

    static func thread(_ context: RequestContext) throws -> HTTPResponse {
        try showThread(context, draftBody: "", errors: FieldErrors())
    }

    static func reply(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        guard let id = context.parameters["id"].flatMap(Int64.init) else { throw RouteError.notFound }
        let body = trimmedBody(context.form.value("message"))
        var errors = FieldErrors()
        errors.add(MessageDraft.bodyProblems(body))
        let upload = AttachmentUpload.collect(context.form, maximumBytes: AttachmentRules.limit(for: context.tenant.messaging))
        errors.add(upload.problems)
        guard errors.isEmpty else { return try showThread(context, draftBody: body, errors: errors) }
        var overQuota: QuotaExceeded?
        let sent: Bool = try context.transaction { connection in
            guard let (thread, _) = try MessageStore.thread(id: id, accountID: account.id, in: connection) else { return false }
            if let problem = try quotaProblem(upload.attachments, accountID: account.id, now: context.now, in: connection) {
                overQuota = problem
                return true
            }
            guard try MessageStore.addFamilyMessage(threadID: id, accountID: account.id, body: body, attachments: upload.attachments,
                                                    now: context.now, in: connection) != nil else { return false }
            try Outbox.enqueue(MessagingMails.sent(context.tenant, to: account.email, serviceLabel: context.tenant.messaging.label(of: thread.serviceCode),
                                                   subject: thread.subject, at: context.now, link: context.baseURL + MessagingPaths.thread(id)),
                               now: context.now, in: connection)
            return true
        }
        guard sent else { throw RouteError.notFound }
        if let overQuota {
            errors.add(AttachmentUpload.fieldName(1), overQuota.message)
            return try showThread(context, draftBody: body, errors: errors)
        }
        return .redirect(to: MessagingPaths.thread(id) + "?ok=message-envoye")
    }

    private static func showThread(_ context: RequestContext, draftBody: String, errors: FieldErrors) throws -> HTTPResponse {
        let account = try context.family
        guard let id = context.parameters["id"].flatMap(Int64.init) else { throw RouteError.notFound }
        let found = try context.transaction { connection -> ((MessageThread, [ThreadMessage]), Int)? in
            guard let found = try MessageStore.thread(id: id, accountID: account.id, in: connection) else { return nil }
            try MessageStore.markRead(threadID: id, writtenBy: .staff, now: context.now, in: connection)
            return (found, try MessageStore.unreadForFamily(accountID: account.id, in: connection))
        }
        guard let ((thread, messages), unread) = found else { throw RouteError.notFound }
        var updated = context
        updated.unreadMessages = unread
        return .html(MessagingViews.thread(updated, thread: thread, messages: messages, draftBody: draftBody, errors: errors),
                     status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private static func counts(_ accountID: Int64, in connection: PostgresConnection) throws -> MessagingViews.Counts {
        let received = try MessageStore.listing(accountID: accountID, author: .staff, in: connection)
        let sent = try MessageStore.listing(accountID: accountID, author: .family, in: connection)
        return MessagingViews.Counts(received: received.count, unread: received.filter(\.isUnread).count, sent: sent.count)
    }

    /// Line breaks are kept; spaces around the whole message are not.
    static func trimmedBody(_ text: String?) -> String {
        let value = (text ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        return String(value.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

extension FamilyMessagingHandlers {
    struct QuotaExceeded: Error {
        let message: String
    }

    /// The account's attachments of the last 24 hours plus these must fit its upload quota.
    static func quotaProblem(_ attachments: [NewAttachment], accountID: Int64, now: Date, in connection: PostgresConnection) throws -> QuotaExceeded? {
        guard !attachments.isEmpty else { return nil }
        let sent = try MessageStore.attachmentUsage(accountID: accountID, since: now.addingTimeInterval(-UploadQuota.window), in: connection)
        return UploadQuota.messageAttachments.problem(sentFiles: sent.files, sentBytes: sent.bytes, addingFiles: attachments.count,
                                                      addingBytes: attachments.reduce(0) { $0 + $1.bytes.count }).map(QuotaExceeded.init)
    }
}
