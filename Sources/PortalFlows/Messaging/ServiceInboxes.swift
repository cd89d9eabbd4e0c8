public import Foundation
public import PortalCore
public import PortalStore

/// The service inboxes under /gestion: counters per service, a service's threads, reading a
/// thread (which marks the family's messages read), replying, assigning, closing and reopening.
/// Each action is written to the audit log in its own transaction.
public struct ServiceInboxes: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func counters() throws -> [ServiceInboxCounters] {
        try town.transaction { try MessageStore.counters(in: $0) }
    }

    public func threads(serviceCode: String, status: ThreadStatus?) throws -> [MessageThread] {
        try town.transaction { try MessageStore.threads(serviceCode: serviceCode, status: status, in: $0) }
    }

    /// A thread with its messages, the family's marked read, and the team it may be assigned to.
    public func open(threadID id: Int64, now: Date) throws -> (thread: MessageThread, messages: [ThreadMessage], team: [StaffAccount]) {
        let found = try town.transaction { connection -> (MessageThread, [ThreadMessage], [StaffAccount])? in
            guard let (thread, messages) = try MessageStore.thread(id: id, accountID: nil, in: connection) else { return nil }
            try MessageStore.markRead(threadID: id, writtenBy: .family, now: now, in: connection)
            return (thread, messages, try StaffStore.list(in: connection))
        }
        guard let (thread, messages, team) = found else { throw FlowError.notFound }
        return (thread, messages, team)
    }

    /// The family is told by e-mail that an answer waits behind its sign-in.
    public func reply(threadID id: Int64, body: String, by staff: StaffAccount, ip: String, now: Date) throws {
        let done: Bool = try town.transaction { connection in
            guard let (thread, _) = try MessageStore.thread(id: id, accountID: nil, in: connection),
                  try MessageStore.addStaffReply(threadID: id, staffID: staff.id, body: body, now: now, in: connection) != nil
            else { return false }
            try Outbox.enqueue(MessagingMails.replied(town.tenant, to: thread.familyEmail, serviceLabel: town.tenant.messaging.label(of: thread.serviceCode),
                                                      subject: thread.subject, link: town.url(town.links.messageThread(id))),
                               now: now, in: connection)
            try StaffAudit.record(StaffActor(id: staff.id, name: staff.displayName), action: "messaging.reply", target: "thread/\(id)",
                                  detail: "Réponse à « \(thread.subject) » (\(thread.familyName))", ip: ip, now: now, in: connection)
            return true
        }
        guard done else { throw FlowError.notFound }
    }

    /// What « Attribuer » may be given: nobody, or a staff member's id as the form sent it.
    public enum Assignee: Sendable, Equatable {
        case nobody
        case staff(String)
    }

    /// `InboxError.unknownAssignee` when the id names no staff member of this town.
    public func assign(threadID id: Int64, to assignee: Assignee, by actor: StaffActor, ip: String, now: Date) throws {
        let done: Bool = try town.transaction { connection in
            var chosen: StaffAccount?
            if case .staff(let choice) = assignee {
                guard let staffID = Int64(choice), let found = try StaffStore.find(id: staffID, in: connection) else { throw InboxError.unknownAssignee }
                chosen = found
            }
            guard try MessageStore.assign(threadID: id, staffID: chosen?.id, now: now, in: connection) else { return false }
            try StaffAudit.record(actor, action: "messaging.assign", target: "thread/\(id)",
                                  detail: chosen.map { "Attribuée à \($0.displayName)" } ?? "Attribution retirée", ip: ip, now: now, in: connection)
            return true
        }
        guard done else { throw FlowError.notFound }
    }

    public func setStatus(threadID id: Int64, _ status: ThreadStatus, by actor: StaffActor, ip: String, now: Date) throws {
        let done: Bool = try town.transaction { connection in
            guard try MessageStore.setStatus(threadID: id, status, now: now, in: connection) else { return false }
            try StaffAudit.record(actor, action: status == .closed ? "messaging.close" : "messaging.reopen", target: "thread/\(id)",
                                  detail: status.frenchLabel, ip: ip, now: now, in: connection)
            return true
        }
        guard done else { throw FlowError.notFound }
    }

    public enum InboxError: Error, Equatable {
        /// The form named a staff member this town does not have: a forged form, answered 400.
        case unknownAssignee
    }
}
