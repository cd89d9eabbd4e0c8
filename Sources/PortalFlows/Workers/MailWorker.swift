public import Foundation
import PortalStore
public import Postgres

/// Delivers the outbox of every town from one thread of its own (libpq and the sendmail pipe
/// block): claims due rows with FOR UPDATE SKIP LOCKED, hands each to the delivery, and marks it
/// sent or failed (with backoff) in the same transaction, so two instances never send one row.
public final class MailWorker: Sendable {
    private let pool: PostgresPool
    private let delivery: any MailDelivery
    private let fromAddress: String
    private let clock: @Sendable () -> Date
    private let loop: RepeatingThread

    public init(pool: PostgresPool, delivery: any MailDelivery, fromAddress: String, interval: TimeInterval = 2,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.pool = pool
        self.delivery = delivery
        self.fromAddress = fromAddress
        self.clock = clock
        loop = RepeatingThread(name: "mail-worker", interval: interval)
    }

    public func start() {
        // A full batch means more may be waiting: go again at once.
        loop.start { [self] in ((try? deliverDue()) ?? 0) >= Self.batchSize }
    }

    /// Finishes the batch under way, then returns.
    public func stop() { loop.stop() }

    static let batchSize = 20

    /// One pass: delivers what is due now; returns how many rows it handled.
    @discardableResult
    func deliverDue() throws -> Int {
        let now = clock()
        return try pool.transaction { connection in
            let due = try Outbox.claimDue(limit: Self.batchSize, now: now, in: connection)
            for message in due {
                do {
                    try delivery.deliver(MailMessage.render(message.mail, id: message.id, from: fromAddress, date: now),
                                         id: message.id, recipient: message.mail.recipient)
                    try Outbox.markSent(id: message.id, now: now, in: connection)
                } catch let error as PostgresError {
                    throw error
                } catch {
                    try Outbox.markFailed(id: message.id, attempts: message.attempts, error: "\(error)", now: now, in: connection)
                }
            }
            return due.count
        }
    }
}
