#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
import Postgres

/// What operators watch of `platform.outbox` (created by the accounts migrations): how many
/// e-mails wait, and which ones keep failing. Both answer nothing until the table exists.
public enum OutboxStatus {
    public struct Failure: Sendable, Equatable {
        public let id: Int64
        public let tenantID: String?
        public let subject: String
        public let attempts: Int
        public let lastError: String
        public let createdAt: Date
        public let nextAttemptAt: Date
    }

    /// Unsent rows, or nil when the cluster has no outbox or does not answer.
    public static func backlog(in database: TenantDatabase) -> Int? {
        try? database.pool.withConnection { connection -> Int? in
            guard try TenantRegistry.exists("platform.outbox", in: connection) else { return nil }
            let rows = try connection.query("SELECT count(*) AS n FROM platform.outbox WHERE sent_at IS NULL")
            return Int(try rows[0].decode("n", as: Int64.self))
        } ?? nil
    }

    /// Unsent rows whose last delivery attempt failed, oldest first. The recipient and the body
    /// are left out: the operator needs the error, not the family's message.
    public static func failures(in database: TenantDatabase, limit: Int = 100) throws -> [Failure] {
        try database.pool.withConnection { connection in
            guard try TenantRegistry.exists("platform.outbox", in: connection) else { return [] }
            return try connection.query("""
                SELECT id, tenant_id, subject, attempts, last_error, created_at, next_attempt_at FROM platform.outbox
                WHERE sent_at IS NULL AND last_error IS NOT NULL ORDER BY created_at, id LIMIT \(limit)
                """).map { row in
                Failure(id: try row.decode("id"), tenantID: try row.decode("tenant_id"), subject: try row.decode("subject"),
                        attempts: Int(try row.decode("attempts", as: Int32.self)), lastError: try row.decode("last_error"),
                        createdAt: try row.decode("created_at"), nextAttemptAt: try row.decode("next_attempt_at"))
            }
        }
    }
}
