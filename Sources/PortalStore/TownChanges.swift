import Foundation
public import Postgres
import Synchronization

/// What this process knows of writes to each town's schema, so that a page rendered from a
/// town's data can be reused until that data changes (`PageCache`).
///
/// Writes made by this process bump their town synchronously, after their transaction ends
/// (`TenantDatabase.transaction`, for the transactions that wrote). Writes made by anybody else (another `portal serve`, the
/// `portal` commands, psql) reach it as notifications on `town_changes`, the schema's name as
/// payload, which a `ChangeListener` turns into bumps: the `town_change` triggers of every
/// town table send them (migration tenant/097), except for a listening process's own
/// transactions, which send theirs just after committing (`announce`).
/// Until that listener listens, and whenever it has lost its connection, nothing is known:
/// `stamp` answers nil and no page is reused.
public final class TownChanges: Sendable {
    public static let channel = "town_changes"
    /// Set transaction-locally by a transaction that announces its change after its commit:
    /// its triggers then skip `NOTIFY`.
    public static let announcedSetting = "portal.change_announced"

    private let state = Mutex(State())

    private struct State {
        var listening = false
        /// Bumped when listening starts again: whatever happened meanwhile is unknown.
        var epoch: UInt64 = 0
        var generations: [String: UInt64] = [:]
    }

    /// The state of a town's data as far as this process knows: equal stamps, same data.
    public struct Stamp: Sendable, Equatable {
        let epoch: UInt64
        let generation: UInt64
    }

    public init() {}

    /// Tells every listening process that `schema` changed, in a transaction of its own that
    /// waits for no disk flush: a `NOTIFY` holds a cluster-wide lock until its transaction
    /// ends, so notifying from a booking's own transaction would queue every commit of the
    /// cluster behind each other's flush. Best effort: on failure, the other processes reuse
    /// their pages of the town at most until the end of the minute (`PageCache`).
    public static func announce(schema: String, on connection: PostgresConnection) {
        guard let payload = try? connection.quoteLiteral(schema) else { return }
        try? connection.executeScript("BEGIN; SET LOCAL synchronous_commit TO off; SELECT pg_notify('\(channel)', \(payload)); COMMIT")
    }

    /// nil while changes made elsewhere could go unseen.
    public func stamp(schema: String) -> Stamp? {
        state.withLock { state in
            state.listening ? Stamp(epoch: state.epoch, generation: state.generations[schema, default: 0]) : nil
        }
    }

    public var isListening: Bool { state.withLock { $0.listening } }

    public func bump(schema: String) {
        state.withLock { $0.generations[schema, default: 0] &+= 1 }
    }

    /// Called by the listener: `true` once it listens (every earlier stamp becomes stale), `false`
    /// when its connection broke.
    func setListening(_ listening: Bool) {
        state.withLock { state in
            state.listening = listening
            state.epoch &+= 1
        }
    }
}

/// One thread per cluster holding a `LISTEN town_changes` connection and bumping the towns
/// the notifications name. A broken connection is opened again after a second.
public final class ChangeListener: Sendable {
    private let configuration: PostgresConfiguration
    private let changes: TownChanges
    private let running = Atomic<Bool>(false)

    public init(database: TenantDatabase) {
        configuration = database.pool.configuration
        changes = database.changes
    }

    public func start() {
        guard !running.exchange(true, ordering: .sequentiallyConsistent) else { return }
        let thread = Thread { [self] in listenUntilStopped() }
        thread.name = "town-changes"
        thread.start()
    }

    /// The thread ends within a second; until then it may still bump towns.
    public func stop() {
        running.store(false, ordering: .sequentiallyConsistent)
    }

    private func listenUntilStopped() {
        while running.load(ordering: .sequentiallyConsistent) {
            do {
                let connection = try PostgresConnection(configuration: configuration)
                defer { connection.close() }
                try connection.listen(TownChanges.channel)
                changes.setListening(true)
                while running.load(ordering: .sequentiallyConsistent) {
                    for notification in try connection.notifications(waitingUpTo: .seconds(1)) {
                        changes.bump(schema: notification.payload)
                    }
                }
            } catch {
                if changes.isListening { changes.setListening(false) }
                Thread.sleep(forTimeInterval: 1)
            }
        }
        changes.setListening(false)
    }
}
