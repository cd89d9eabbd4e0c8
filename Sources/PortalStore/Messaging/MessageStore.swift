public import Foundation
public import PortalCore
public import Postgres

/// Threads, messages and attachments of the Messagerie of the town whose schema the
/// transaction is bound to. A family only ever reaches its own threads: every family read
/// carries the account id in its WHERE clause.
public enum MessageStore {
    /// Attachments the account sent with its messages since `since`, for its upload quota.
    public static func attachmentUsage(accountID: Int64, since: Date, in connection: PostgresConnection) throws -> (files: Int, bytes: Int) {
        let row = try connection.query("""
            SELECT count(*)::bigint AS files, coalesce(sum(octet_length(a.bytes)), 0)::bigint AS bytes
            FROM message_attachments a JOIN messages m ON m.id = a.message_id JOIN message_threads t ON t.id = m.thread_id
            WHERE t.account_id = \(accountID) AND m.author = 'family' AND m.created_at > \(since)
            """)[0]
        return (Int(try row.decode("files", as: Int64.self)), Int(try row.decode("bytes", as: Int64.self)))
    }

    public static func startThread(accountID: Int64, draft: MessageDraft, attachments: [NewAttachment], now: Date,
                                   in connection: PostgresConnection) throws -> Int64 {
        let threadID: Int64 = try connection.query("""
            INSERT INTO message_threads (account_id, service_code, theme, subject, awaiting_reply_since, created_at, updated_at)
            VALUES (\(accountID), \(draft.serviceCode), \(draft.theme), \(draft.subject), \(now), \(now), \(now)) RETURNING id
            """)[0].decode("id")
        try insertMessage(threadID: threadID, author: .family, staffID: nil, body: draft.body, attachments: attachments, now: now, in: connection)
        return threadID
    }

    /// A family writing again reopens the thread and starts the waiting clock if it was stopped.
    @discardableResult
    public static func addFamilyMessage(threadID: Int64, accountID: Int64, body: String, attachments: [NewAttachment], now: Date,
                                        in connection: PostgresConnection) throws -> Int64? {
        let updated = try connection.execute("""
            UPDATE message_threads SET status = 'open', updated_at = \(now), awaiting_reply_since = coalesce(awaiting_reply_since, \(now))
            WHERE id = \(threadID) AND account_id = \(accountID)
            """)
        guard updated == 1 else { return nil }
        return try insertMessage(threadID: threadID, author: .family, staffID: nil, body: body, attachments: attachments, now: now, in: connection)
    }

    /// A staff answer stops the waiting clock; the family's messages count as read by then.
    @discardableResult
    public static func addStaffReply(threadID: Int64, staffID: Int64, body: String, attachments: [NewAttachment] = [], now: Date,
                                     in connection: PostgresConnection) throws -> Int64? {
        let updated = try connection.execute("""
            UPDATE message_threads SET updated_at = \(now), awaiting_reply_since = NULL,
                   assigned_staff_id = coalesce(assigned_staff_id, \(staffID))
            WHERE id = \(threadID)
            """)
        guard updated == 1 else { return nil }
        try markRead(threadID: threadID, writtenBy: .family, now: now, in: connection)
        return try insertMessage(threadID: threadID, author: .staff, staffID: staffID, body: body, attachments: attachments, now: now, in: connection)
    }

    @discardableResult
    private static func insertMessage(threadID: Int64, author: MessageAuthor, staffID: Int64?, body: String, attachments: [NewAttachment],
                                      now: Date, in connection: PostgresConnection) throws -> Int64 {
        let messageID: Int64 = try connection.query("""
            INSERT INTO messages (thread_id, author, staff_id, body, created_at)
            VALUES (\(threadID), \(author.rawValue), \(staffID), \(body), \(now)) RETURNING id
            """)[0].decode("id")
        for attachment in attachments {
            try connection.execute("""
                INSERT INTO message_attachments (message_id, file_name, content_type, bytes)
                VALUES (\(messageID), \(attachment.fileName), \(attachment.format.contentType), \(attachment.bytes)::bytea)
                """)
        }
        return messageID
    }

    /// Marks as read the unopened messages `writtenBy` one side, when the other side opens the thread.
    public static func markRead(threadID: Int64, writtenBy author: MessageAuthor, now: Date, in connection: PostgresConnection) throws {
        try connection.execute("""
            UPDATE messages SET read_at = \(now) WHERE thread_id = \(threadID) AND author = \(author.rawValue) AND read_at IS NULL
            """)
    }

    public static func unreadForFamily(accountID: Int64, in connection: PostgresConnection) throws -> Int {
        try connection.fetch(unread(account: "\(accountID)"))
    }

    /// `unreadForFamily` of the account whose session `token` names (0 for none), read with the session.
    public static func unreadForSignedInFamily(token: String) -> PostgresQuery<Int> {
        unread(account: SessionStore.principalID(token: token, kind: .family))
    }

    private static func unread(account: SQL) -> PostgresQuery<Int> {
        PostgresQuery("""
            SELECT count(*)::int AS n FROM messages m JOIN message_threads t ON t.id = m.thread_id
            WHERE t.account_id = \(account) AND m.author = 'staff' AND m.read_at IS NULL
            """) { try $0[0].decode("n") }
    }

    /// The family's threads, latest activity first.
    public static func threads(accountID: Int64, in connection: PostgresConnection) throws -> [MessageThread] {
        try connection.query(threadSelect(unreadAuthor: .staff) + " WHERE t.account_id = \(accountID) ORDER BY t.updated_at DESC, t.id DESC")
            .map(MessageThread.init(row:))
    }

    /// A service's threads for staff, open ones first, then the oldest waiting first.
    public static func threads(serviceCode: String, status: ThreadStatus?, in connection: PostgresConnection) throws -> [MessageThread] {
        try connection.query(threadSelect(unreadAuthor: .family) + """
             WHERE t.service_code = \(serviceCode) AND (\(status?.rawValue)::text IS NULL OR t.status = \(status?.rawValue))
            ORDER BY t.status DESC, t.awaiting_reply_since ASC NULLS LAST, t.updated_at DESC, t.id DESC LIMIT 500
            """).map(MessageThread.init(row:))
    }

    /// The threads of every account subscribed to the family file, the latest message first.
    public static func threads(familyID: Int64, limit: Int = 100, in connection: PostgresConnection) throws -> [FamilyThreadSummary] {
        try connection.query("""
            SELECT t.id, t.service_code, t.subject, t.status, a.first_names || ' ' || a.last_name AS account_name,
                   coalesce((SELECT max(m.created_at) FROM messages m WHERE m.thread_id = t.id), t.created_at) AS last_message_at,
                   (t.status = 'open' AND t.awaiting_reply_since IS NOT NULL) AS awaiting
            FROM message_threads t JOIN accounts a ON a.id = t.account_id
            WHERE t.account_id IN (SELECT account_id FROM subscriptions WHERE family_id = \(familyID))
            ORDER BY last_message_at DESC, t.id DESC LIMIT \(limit)
            """).map { row in
                let status = try row.enumValue("status", as: ThreadStatus.self)
                return FamilyThreadSummary(id: try row.decode("id"), serviceCode: try row.decode("service_code"), subject: try row.decode("subject"),
                                           status: status, accountName: try row.decode("account_name"),
                                           lastMessageAt: try row.decode("last_message_at"), awaitingReply: try row.decode("awaiting"))
            }
    }

    /// The thread and its messages with their attachments; limited to `accountID` when given (a family).
    public static func thread(id: Int64, accountID: Int64?, in connection: PostgresConnection) throws -> (MessageThread, [ThreadMessage])? {
        let unreadAuthor: MessageAuthor = accountID == nil ? .family : .staff
        guard let thread = try connection.query(threadSelect(unreadAuthor: unreadAuthor) + """
             WHERE t.id = \(id) AND (\(accountID)::bigint IS NULL OR t.account_id = \(accountID))
            """).first.map(MessageThread.init(row:)) else { return nil }
        var messages = try connection.query("""
            SELECT m.id, m.author, s.display_name AS staff_name, m.body, m.created_at, m.read_at
            FROM messages m LEFT JOIN staff_accounts s ON s.id = m.staff_id
            WHERE m.thread_id = \(id) ORDER BY m.id
            """).map(ThreadMessage.init(row:))
        let attachments = try connection.query("""
            SELECT a.id, a.message_id, a.file_name, a.content_type, octet_length(a.bytes) AS size
            FROM message_attachments a JOIN messages m ON m.id = a.message_id
            WHERE m.thread_id = \(id) ORDER BY a.id
            """).map(AttachmentInfo.init(row:))
        for index in messages.indices {
            messages[index].attachments = attachments.filter { $0.messageID == messages[index].id }
        }
        return (thread, messages)
    }

    /// Messages of one author across the family's threads: staff ones are « reçus », the family's « envoyés ».
    public static func listing(accountID: Int64, author: MessageAuthor, in connection: PostgresConnection) throws -> [MessageListing] {
        try connection.query("""
            SELECT t.id AS thread_id, m.id AS message_id, t.service_code, t.subject, m.created_at, m.read_at IS NULL AS unread,
                   (SELECT count(*)::int FROM message_attachments a WHERE a.message_id = m.id) AS attachment_count
            FROM messages m JOIN message_threads t ON t.id = m.thread_id
            WHERE t.account_id = \(accountID) AND m.author = \(author.rawValue)
            ORDER BY m.created_at DESC, m.id DESC LIMIT 200
            """).map { row in
                let unread: Bool = try row.decode("unread")
                return MessageListing(threadID: try row.decode("thread_id"), messageID: try row.decode("message_id"),
                               serviceCode: try row.decode("service_code"), subject: try row.decode("subject"),
                               createdAt: try row.decode("created_at"),
                               isUnread: author == .staff && unread,
                               attachmentCount: try row.decode("attachment_count"))
            }
    }

    /// Counters per service code that has at least one thread.
    public static func counters(in connection: PostgresConnection) throws -> [ServiceInboxCounters] {
        try connection.query("""
            SELECT t.service_code,
                   count(*) FILTER (WHERE t.status = 'open')::int AS open_threads,
                   coalesce(sum((SELECT count(*) FROM messages m WHERE m.thread_id = t.id AND m.author = 'family' AND m.read_at IS NULL)), 0)::int AS unread,
                   count(*) FILTER (WHERE t.status = 'open' AND t.awaiting_reply_since IS NOT NULL)::int AS awaiting,
                   min(t.awaiting_reply_since) FILTER (WHERE t.status = 'open') AS oldest
            FROM message_threads t GROUP BY t.service_code
            """).map { row in
                ServiceInboxCounters(serviceCode: try row.decode("service_code"), openThreads: try row.decode("open_threads"),
                                     unreadMessages: try row.decode("unread"), awaitingReply: try row.decode("awaiting"),
                                     oldestAwaiting: try row.decode("oldest"))
            }
    }

    public static func assign(threadID: Int64, staffID: Int64?, now: Date, in connection: PostgresConnection) throws -> Bool {
        try connection.execute("UPDATE message_threads SET assigned_staff_id = \(staffID), updated_at = \(now) WHERE id = \(threadID)") == 1
    }

    /// Closing stops the waiting clock: the service considers the matter dealt with.
    public static func setStatus(threadID: Int64, _ status: ThreadStatus, now: Date, in connection: PostgresConnection) throws -> Bool {
        try connection.execute("""
            UPDATE message_threads SET status = \(status.rawValue), updated_at = \(now),
                   awaiting_reply_since = CASE WHEN \(status.rawValue) = 'closed' THEN NULL ELSE awaiting_reply_since END
            WHERE id = \(threadID)
            """) == 1
    }

    /// The attachment and its bytes; limited to the threads of `accountID` when given (a family).
    public static func attachment(id: Int64, accountID: Int64?, in connection: PostgresConnection) throws -> (AttachmentInfo, [UInt8])? {
        guard let row = try connection.query("""
            SELECT a.id, a.message_id, a.file_name, a.content_type, octet_length(a.bytes) AS size, a.bytes
            FROM message_attachments a JOIN messages m ON m.id = a.message_id JOIN message_threads t ON t.id = m.thread_id
            WHERE a.id = \(id) AND (\(accountID)::bigint IS NULL OR t.account_id = \(accountID))
            """).first else { return nil }
        return (try AttachmentInfo(row: row), try row.decode("bytes", as: [UInt8].self))
    }

    private static func threadSelect(unreadAuthor: MessageAuthor) -> SQL {
        SQL(unsafeSQL: """
            SELECT t.id, t.account_id, a.first_names || ' ' || a.last_name AS family_name, a.email AS family_email,
                   t.service_code, t.theme, t.subject, t.status, t.assigned_staff_id, s.display_name AS assigned_name,
                   t.awaiting_reply_since, t.created_at, t.updated_at,
                   (SELECT count(*)::int FROM messages m WHERE m.thread_id = t.id AND m.author = '\(unreadAuthor.rawValue)' AND m.read_at IS NULL) AS unread
            FROM message_threads t JOIN accounts a ON a.id = t.account_id LEFT JOIN staff_accounts s ON s.id = t.assigned_staff_id
            """)
    }
}

extension MessageThread {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        accountID = try row.decode("account_id")
        familyName = try row.decode("family_name")
        familyEmail = try row.decode("family_email")
        serviceCode = try row.decode("service_code")
        theme = try row.decode("theme")
        subject = try row.decode("subject")
        status = try row.enumValue("status", as: ThreadStatus.self)
        assignedStaffID = try row.decode("assigned_staff_id")
        assignedName = try row.decode("assigned_name")
        awaitingReplySince = try row.decode("awaiting_reply_since")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        unread = try row.decode("unread")
    }
}

extension ThreadMessage {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        author = try row.enumValue("author", as: MessageAuthor.self)
        staffName = try row.decode("staff_name")
        body = try row.decode("body")
        createdAt = try row.decode("created_at")
        readAt = try row.decode("read_at")
        attachments = []
    }
}

extension AttachmentInfo {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        messageID = try row.decode("message_id")
        fileName = try row.decode("file_name")
        contentType = try row.decode("content_type")
        size = try row.decode("size")
    }
}
