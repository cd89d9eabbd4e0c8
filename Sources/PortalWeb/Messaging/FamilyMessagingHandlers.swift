import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The family's side of the Messagerie: received and sent messages, writing to a service,
/// reading a thread (which marks the service's answers read) and replying in it.
enum FamilyMessagingHandlers {
    static func listing(_ context: RequestContext, author: MessageAuthor) throws -> HTTPResponse {
        let account = try context.family
        let (messages, counts) = try FamilyMessaging(town: context.town).listing(accountID: account.id, author: author)
        return .html(MessagingViews.listing(context.chrome, author: author, messages: messages, counts: counts))
    }

    static func compose(_ context: RequestContext) throws -> HTTPResponse {
        let preselected = context.request.queryValue("service") ?? ""
        let draft = MessageDraft(serviceCode: preselected, theme: "", subject: "", body: "")
        return .html(MessagingViews.compose(context.chrome, draft: draft, errors: FieldErrors()))
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
            return .html(MessagingViews.compose(context.chrome, draft: draft, errors: errors), status: .unprocessableContent)
        }
        switch try FamilyMessaging(town: context.town).send(draft, attachments: upload.attachments, account: account, now: context.now) {
        case .sent(let threadID): return .redirect(to: MessagingPaths.thread(threadID) + "?ok=message-envoye")
        case .overQuota(let message):
            errors.add(AttachmentUpload.fieldName(1), message)
            return .html(MessagingViews.compose(context.chrome, draft: draft, errors: errors), status: .unprocessableContent)
        }
    }

    static func thread(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        try showThread(context, id: id, draftBody: "", errors: FieldErrors())
    }

    static func reply(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let account = try context.family
        let body = trimmedBody(context.form.value("message"))
        var errors = FieldErrors()
        errors.add(MessageDraft.bodyProblems(body))
        let upload = AttachmentUpload.collect(context.form, maximumBytes: AttachmentRules.limit(for: context.tenant.messaging))
        errors.add(upload.problems)
        guard errors.isEmpty else { return try showThread(context, id: id, draftBody: body, errors: errors) }
        switch try FamilyMessaging(town: context.town).reply(threadID: id, body: body, attachments: upload.attachments, account: account, now: context.now) {
        case .sent: return .redirect(to: MessagingPaths.thread(id) + "?ok=message-envoye")
        case .overQuota(let message):
            errors.add(AttachmentUpload.fieldName(1), message)
            return try showThread(context, id: id, draftBody: body, errors: errors)
        }
    }

    private static func showThread(_ context: RequestContext, id: Int64, draftBody: String, errors: FieldErrors) throws -> HTTPResponse {
        let account = try context.family
        let (thread, messages, unread) = try FamilyMessaging(town: context.town).open(threadID: id, accountID: account.id, now: context.now)
        var updated = context
        updated.unreadMessages = unread
        return .html(MessagingViews.thread(updated.chrome, thread: thread, messages: messages, notice: context.request.queryValue("ok"),
                                           draftBody: draftBody, errors: errors),
                     status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// Line breaks are kept; spaces around the whole message are not.
    static func trimmedBody(_ text: String?) -> String {
        let value = (text ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        return String(value.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
