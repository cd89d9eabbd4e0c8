public import Foundation
public import PortalCore
public import PortalStore

/// Deletes expired rows (`ExpiredRows`) every hour from the server; a pass that fails is tried
/// again at the next hour, and running it on several servers at once is harmless.
public final class PurgeWorker: Sendable {
    private let tenants: [TenantConfig]
    private let databases: TenantDatabases
    private let sessionLifetime: SessionLifetime
    private let clock: @Sendable () -> Date
    private let loop = RepeatingThread(name: "purge-worker", interval: 3600)

    public init(tenants: [TenantConfig], databases: TenantDatabases, sessionLifetime: SessionLifetime,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.tenants = tenants
        self.databases = databases
        self.sessionLifetime = sessionLifetime
        self.clock = clock
    }

    public func start() {
        loop.start { [self] in
            _ = ExpiredRows.purgeAll(tenants: tenants, databases: databases, now: clock(), sessions: sessionLifetime)
            return false
        }
    }

    public func stop() { loop.stop() }
}
