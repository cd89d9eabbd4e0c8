public import Foundation
import PortalCore
public import Postgres

public enum QueueVerdict: String, Sendable, Equatable {
    case accepted, refused

    /// « accepté », « refusé »: the caller adds the agreement (« acceptée »).
    public var frenchStem: String { self == .accepted ? "accepté" : "refusé" }
}

public struct QueueDecision: Sendable, Equatable {
    public let queue: String
    public let itemID: Int64
    public let verdict: QueueVerdict
    public let reason: String
    public let staffName: String
    public let decidedAt: Date
}

/// The history of every queue: who accepted or refused which item, when, and why. Queues
/// record here in the transaction that changed the item, so the history and the item agree.
public enum QueueDecisions {
    public static func record(queue: String, itemID: Int64, verdict: QueueVerdict, reason: String, by actor: StaffActor,
                              now: Date, in connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO queue_decisions (queue, item_id, decision, reason, staff_id, staff_name, decided_at)
            VALUES (\(queue), \(itemID), \(verdict.rawValue), \(String(reason.prefix(1000))), \(actor.id), \(actor.name), \(now))
            """)
    }

    /// The latest decision on an item: what the agent who came second is told.
    public static func latest(queue: String, itemID: Int64, in connection: PostgresConnection) throws -> QueueDecision? {
        try list(queue: queue, itemID: itemID, limit: 1, in: connection).first
    }

    /// Decisions of a queue, newest first, optionally for one item.
    public static func list(queue: String, itemID: Int64? = nil, limit: Int = 100, in connection: PostgresConnection) throws -> [QueueDecision] {
        try connection.query("""
            SELECT queue, item_id, decision, reason, staff_name, decided_at FROM queue_decisions
            WHERE queue = \(queue) AND (\(itemID)::bigint IS NULL OR item_id = \(itemID))
            ORDER BY decided_at DESC, id DESC LIMIT \(limit)
            """).map { row in
            return QueueDecision(queue: try row.decode("queue"), itemID: try row.decode("item_id"),
                                 verdict: try row.enumValue("decision", as: QueueVerdict.self), reason: try row.decode("reason"),
                                 staffName: try row.decode("staff_name"), decidedAt: try row.decode("decided_at"))
        }
    }
}
