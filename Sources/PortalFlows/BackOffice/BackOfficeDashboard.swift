import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// A queue whose waiting items the dashboard counts.
public enum WaitingQueue: Sendable, CaseIterable {
    case registrations, bookings, lateBookings, cancellations, dossierChanges, documents, messages

    func count(in connection: PostgresConnection) throws -> Int {
        switch self {
        case .registrations: try connection.count("SELECT count(*)::int AS n FROM registrations WHERE status = 'pending'")
        case .bookings: try connection.count("SELECT count(*)::int AS n FROM bookings WHERE status = 'pendingValidation' AND NOT late")
        case .lateBookings: try connection.count("SELECT count(*)::int AS n FROM bookings WHERE status = 'pendingValidation' AND late")
        case .cancellations: try connection.count("SELECT count(*)::int AS n FROM bookings WHERE status = 'cancellationRequested'")
        case .dossierChanges: try ChangeRequestStore.queue(limit: 10_000, in: connection).count
        case .documents: try DocumentReviewStore.pendingCount(in: connection)
        case .messages: try connection.count("SELECT count(*)::int AS n FROM message_threads WHERE status = 'open' AND awaiting_reply_since IS NOT NULL")
        }
    }
}

private extension PostgresConnection {
    func count(_ sql: SQL) throws -> Int { try query(sql)[0].decode("n") }
}

/// `/gestion`: what waits in the queues the agent sees, today's attendance, and the slots of
/// the coming days, read in one transaction.
public struct BackOfficeDashboard: Sendable {
    public struct Figures: Sendable {
        /// One count per queue asked, in the same order.
        public let waiting: [Int]
        public let attendance: [AttendanceSummary]
        public let slots: [SlotOverview]
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(queues: [WaitingQueue], today: LocalDate, days: Int) throws -> Figures {
        try town.transaction { connection in
            Figures(waiting: try queues.map { try $0.count(in: connection) },
                    attendance: try AttendanceStore.summary(day: today, in: connection),
                    slots: try SlotOverviewStore.slots(from: today, to: today.adding(days: days - 1), in: connection))
        }
    }
}
