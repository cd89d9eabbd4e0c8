public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// How many messages the family's Messagerie menu counts.
public struct MessageCounts: Sendable, Equatable {
    public let received: Int
    public let unread: Int
    public let sent: Int

    public init(received: Int, unread: Int, sent: Int) {
        self.received = received
        self.unread = unread
        self.sent = sent
    }
}

/// The family's side of the Messagerie: its messages, writing to a service, reading a thread
/// (which marks the service's answers read) and replying in it. Every message sent is
/// acknowledged by an e-mail written in the same transaction.
public struct FamilyMessaging: Sendable {
    public enum Sending: Sendable, Equatable {
        case sent(threadID: Int64)
        /// The attachments would exceed the account's quota (`UploadQuota.messageAttachments`).
        case overQuota(message: String)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    /// Received (`author: .staff`) or sent (`.family`) messages, with the menu's counts.
    public func listing(accountID: Int64, author: MessageAuthor) throws -> (messages: [MessageListing], counts: MessageCounts) {
        try town.transaction { connection in
            (try MessageStore.listing(accountID: accountID, author: author, in: connection), try counts(accountID, in: connection))
        }
    }

    /// A new thread from a checked draft and checked attachments.
    public func send(_ draft: MessageDraft, attachments: [NewAttachment], account: Account, now: Date) throws -> Sending {
        try town.transaction { connection in
            if let problem = try quotaProblem(attachments, accountID: account.id, now: now, in: connection) { return .overQuota(message: problem) }
            let id = try MessageStore.startThread(accountID: account.id, draft: draft, attachments: attachments, now: now, in: connection)
            try Outbox.enqueue(MessagingMails.sent(town.tenant, to: account.email, serviceLabel: town.tenant.messaging.label(of: draft.serviceCode),
                                                   subject: draft.subject, at: now, link: town.url(town.links.messageThread(id))),
                               now: now, in: connection)
            return .sent(threadID: id)
        }
    }

    /// A reply in one of the account's threads; a thread of another account does not exist.
    public func reply(threadID id: Int64, body: String, attachments: [NewAttachment], account: Account, now: Date) throws -> Sending {
        var overQuota: String?
        let sent: Bool = try town.transaction { connection in
            guard let (thread, _) = try MessageStore.thread(id: id, accountID: account.id, in: connection) else { return false }
            if let problem = try quotaProblem(attachments, accountID: account.id, now: now, in: connection) {
                overQuota = problem
                return true
            }
            guard try MessageStore.addFamilyMessage(threadID: id, accountID: account.id, body: body, attachments: attachments,
                                                    now: now, in: connection) != nil else { return false }
            try Outbox.enqueue(MessagingMails.sent(town.tenant, to: account.email, serviceLabel: town.tenant.messaging.label(of: thread.serviceCode),
                                                   subject: thread.subject, at: now, link: town.url(town.links.messageThread(id))),
                               now: now, in: connection)
            return true
        }
        guard sent else { throw FlowError.notFound }
        return overQuota.map { .overQuota(message: $0) } ?? .sent(threadID: id)
    }

    /// One of the account's threads, its staff messages marked read, and what is left unread.
    public func open(threadID id: Int64, accountID: Int64, now: Date) throws -> (thread: MessageThread, messages: [ThreadMessage], unread: Int) {
        let found = try town.transaction { connection -> ((MessageThread, [ThreadMessage]), Int)? in
            guard let found = try MessageStore.thread(id: id, accountID: accountID, in: connection) else { return nil }
            try MessageStore.markRead(threadID: id, writtenBy: .staff, now: now, in: connection)
            return (found, try MessageStore.unreadForFamily(accountID: accountID, in: connection))
        }
        guard let ((thread, messages), unread) = found else { throw FlowError.notFound }
        return (thread, messages, unread)
    }

    private func counts(_ accountID: Int64, in connection: PostgresConnection) throws -> MessageCounts {
        let received = try MessageStore.listing(accountID: accountID, author: .staff, in: connection)
        let sent = try MessageStore.listing(accountID: accountID, author: .family, in: connection)
        return MessageCounts(received: received.count, unread: received.filter(\.isUnread).count, sent: sent.count)
    }

    /// The account's attachments of the last 24 hours plus these must fit its upload quota.
    private func quotaProblem(_ attachments: [NewAttachment], accountID: Int64, now: Date, in connection: PostgresConnection) throws -> String? {
        guard !attachments.isEmpty else { return nil }
        let sent = try MessageStore.attachmentUsage(accountID: accountID, since: now.addingTimeInterval(-UploadQuota.window), in: connection)
        return UploadQuota.messageAttachments.problem(sentFiles: sent.files, sentBytes: sent.bytes, addingFiles: attachments.count,
                                                      addingBytes: attachments.reduce(0) { $0 + $1.bytes.count })
    }
}

/// A piece jointe: to the family of its thread (`accountID`), or to staff (`nil`).
public struct MessageAttachmentFile: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func content(_ id: Int64, accountID: Int64?) throws -> (info: AttachmentInfo, bytes: [UInt8]) {
        guard let (info, bytes) = try town.transaction({ try MessageStore.attachment(id: id, accountID: accountID, in: $0) })
        else { throw FlowError.notFound }
        return (info, bytes)
    }
}
