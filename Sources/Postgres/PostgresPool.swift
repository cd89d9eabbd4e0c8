import Dispatch
import Synchronization

public struct PostgresPoolStats: Sendable, Equatable {
    public let maxSize: Int
    /// Open connections: in use plus idle.
    public let size: Int
    public let inUse: Int
    public let idle: Int
    /// Callers blocked waiting for a connection.
    public let waiting: Int

    public init(maxSize: Int, size: Int, inUse: Int, idle: Int, waiting: Int) {
        self.maxSize = maxSize
        self.size = size
        self.inUse = inUse
        self.idle = idle
        self.waiting = waiting
    }
}

/// A bounded set of connections shared by threads. Connections open lazily; a broken one is
/// closed when it comes back instead of being reused, so after a PostgreSQL restart the pool
/// heals by itself on the next checkouts. A returned connection is rolled back and its session
/// state discarded (the discard's answer is read at the next checkout, off the returning
/// request's path), so no transaction or setting leaks from one user to the next.
public final class PostgresPool: Sendable {
    public let configuration: PostgresConfiguration
    public let maxSize: Int
    public let checkoutTimeout: Duration

    /// One permit per connection the pool may have out; waiting on it is the bounded checkout.
    private let permits: DispatchSemaphore
    private let state: Mutex<State>

    private struct State {
        var idle: [Handoff] = []
        var inUse = 0
        var waiting = 0
        var closed = false
    }

    /// A connection belongs to one thread at a time: the pool takes it back under its lock and
    /// gives it to exactly one next caller, which is what makes this transfer sound.
    private struct Handoff: @unchecked Sendable {
        let connection: PostgresConnection
    }

    public init(configuration: PostgresConfiguration, maxSize: Int = 10, checkoutTimeout: Duration = .seconds(10)) {
        precondition(maxSize > 0, "a pool needs at least one connection")
        self.configuration = configuration
        self.maxSize = maxSize
        self.checkoutTimeout = checkoutTimeout
        self.permits = DispatchSemaphore(value: maxSize)
        self.state = Mutex(State())
    }

    public convenience init(url: String, maxSize: Int = 10, checkoutTimeout: Duration = .seconds(10)) throws {
        self.init(configuration: try PostgresConfiguration(url: url), maxSize: maxSize, checkoutTimeout: checkoutTimeout)
    }

    public var stats: PostgresPoolStats {
        state.withLock {
            PostgresPoolStats(maxSize: maxSize, size: $0.inUse + $0.idle.count, inUse: $0.inUse, idle: $0.idle.count, waiting: $0.waiting)
        }
    }

    /// Lends a connection to `body`, waiting up to `checkoutTimeout` for one to be free.
    @discardableResult
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try checkout()
        defer { checkin(connection) }
        return try body(connection)
    }

    /// Runs `body` in a transaction on a pooled connection. With `retries > 0`, a transaction that
    /// fails with a serialization failure or a deadlock is run again from the start, on the
    /// assumption that `body` has no effect outside the database.
    /// `localSettings` are set for the transaction only (see `PostgresConnection.transaction`).
    /// `afterCommit` runs on the same connection once the transaction has committed, told
    /// whether it wrote.
    @discardableResult
    public func transaction<T>(
        isolation: IsolationLevel? = nil,
        localSettings: [(name: String, value: String)] = [],
        retries: Int = 0,
        afterCommit: ((PostgresConnection, _ wrote: Bool) -> Void)? = nil,
        _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        var attempt = 0
        while true {
            do {
                return try withConnection { connection in
                    guard let afterCommit else { return try connection.transaction(isolation: isolation, localSettings: localSettings, body) }
                    var wrote = false
                    let value = try connection.transaction(isolation: isolation, localSettings: localSettings, reportingWrites: { wrote = $0 }, body)
                    afterCommit(connection, wrote)
                    return value
                }
            } catch let error as PostgresError where (error.isSerializationFailure || error.isDeadlock) && attempt < retries {
                attempt += 1
            }
        }
    }

    /// Closes idle connections now and the others when they come back; later checkouts fail.
    public func close() {
        let idle = state.withLock { state in
            state.closed = true
            defer { state.idle.removeAll() }
            return state.idle
        }
        idle.forEach { $0.connection.close() }
    }

    private func checkout() throws -> PostgresConnection {
        try state.withLock { state throws(PostgresError) in
            if state.closed { throw PostgresError.poolClosed }
            state.waiting += 1
        }
        let acquired = permits.wait(timeout: .now() + Self.dispatchInterval(checkoutTimeout)) == .success
        let closed = state.withLock {
            $0.waiting -= 1
            if acquired { $0.inUse += 1 }
            return $0.closed
        }
        guard acquired else { throw PostgresError.poolTimeout }
        do {
            if closed { throw PostgresError.poolClosed }
            while let handoff = state.withLock({ $0.idle.popLast() }) {
                if handoff.connection.completeReset(), handoff.connection.isHealthy { return handoff.connection }
                handoff.connection.close()
            }
            return try PostgresConnection(configuration: configuration)
        } catch {
            state.withLock { $0.inUse -= 1 }
            permits.signal()
            throw error
        }
    }

    private func checkin(_ connection: PostgresConnection) {
        let handoff = Handoff(connection: connection)
        let reusable = connection.resetForReuse()
        let keep = state.withLock {
            $0.inUse -= 1
            guard reusable, !$0.closed else { return false }
            $0.idle.append(handoff)
            return true
        }
        if !keep { connection.close() }
        permits.signal()
    }

    private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
