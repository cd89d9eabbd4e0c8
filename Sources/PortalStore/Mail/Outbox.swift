public import Foundation
public import Postgres

/// An e-mail to send, written in the transaction of the action that causes it.
public struct OutgoingMail: Sendable, Equatable {
    public var tenantID: String?
    public var fromName: String
    public var replyTo: String?
    public var recipient: String
    public var subject: String
    public var body: String

    public init(tenantID: String?, fromName: String, replyTo: String?, recipient: String, subject: String, body: String) {
        self.tenantID = tenantID
        self.fromName = fromName
        self.replyTo = replyTo
        self.recipient = recipient
        self.subject = subject
        self.body = body
    }
}

public struct OutboxMessage: Sendable, Equatable {
    public let id: Int64
    public let mail: OutgoingMail
    public let createdAt: Date
    public let attempts: Int
    public let sentAt: Date?
    public let lastError: String?
}

/// `platform.outbox`: one queue for every town, delivered by `MailWorker`.
public enum Outbox {
    @discardableResult
    public static func enqueue(_ mail: OutgoingMail, now: Date, in connection: PostgresConnection) throws -> Int64 {
        try connection.query("""
            INSERT INTO platform.outbox (tenant_id, from_name, reply_to, recipient, subject, body, created_at, next_attempt_at)
            VALUES (\(mail.tenantID), \(mail.fromName), \(mail.replyTo), \(mail.recipient), \(mail.subject), \(mail.body), \(now), \(now))
            RETURNING id
            """)[0].decode("id")
    }

    /// Locks up to `limit` due messages; rows another instance holds are skipped, so no message
    /// is handed to two workers. The caller delivers and marks them in the same transaction.
    public static func claimDue(limit: Int, now: Date, in connection: PostgresConnection) throws -> [OutboxMessage] {
        try connection.query("""
            SELECT \(columns) FROM platform.outbox
            WHERE sent_at IS NULL AND next_attempt_at <= \(now) AND attempts < \(maximumAttempts)
            ORDER BY next_attempt_at, id LIMIT \(limit) FOR UPDATE SKIP LOCKED
            """).map(OutboxMessage.init(row:))
    }

    public static func markSent(id: Int64, now: Date, in connection: PostgresConnection) throws {
        try connection.execute("UPDATE platform.outbox SET sent_at = \(now), attempts = attempts + 1, last_error = NULL WHERE id = \(id)")
    }

    /// Retries back off: 1 min, 2, 4… capped at 6 h; after `maximumAttempts` the row stays for operators.
    public static func markFailed(id: Int64, attempts: Int, error: String, now: Date, in connection: PostgresConnection) throws {
        let delay = min(60 * pow(2, Double(attempts)), 6 * 3600)
        try connection.execute("""
            UPDATE platform.outbox SET attempts = attempts + 1, last_error = \(String(error.prefix(1000))),
                next_attempt_at = \(now.addingTimeInterval(delay)) WHERE id = \(id)
            """)
    }

    public static let maximumAttempts = 12

    /// Messages not delivered yet that have failed at least once, for operators.
    public static func failures(limit: Int, in connection: PostgresConnection) throws -> [OutboxMessage] {
        try connection.query("""
            SELECT \(columns) FROM platform.outbox WHERE sent_at IS NULL AND last_error IS NOT NULL
            ORDER BY created_at DESC LIMIT \(limit)
            """).map(OutboxMessage.init(row:))
    }

    /// Messages for one recipient, newest first (tests and support).
    public static func messages(to recipient: String, in connection: PostgresConnection) throws -> [OutboxMessage] {
        try connection.query("SELECT \(columns) FROM platform.outbox WHERE recipient = \(recipient) ORDER BY id DESC")
            .map(OutboxMessage.init(row:))
    }

    private static let columns: SQL = "id, tenant_id, from_name, reply_to, recipient, subject, body, created_at, attempts, sent_at, last_error"
}

extension OutboxMessage {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        mail = OutgoingMail(tenantID: try row.decode("tenant_id"), fromName: try row.decode("from_name"), replyTo: try row.decode("reply_to"),
                            recipient: try row.decode("recipient"), subject: try row.decode("subject"), body: try row.decode("body"))
        createdAt = try row.decode("created_at")
        attempts = try row.decode("attempts")
        sentAt = try row.decode("sent_at")
        lastError = try row.decode("last_error")
    }
}
