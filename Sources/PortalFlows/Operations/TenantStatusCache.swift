public import PortalCore
public import PortalStore
import Postgres
import Synchronization

/// Whether a town is suspended, read from its cluster's `platform.tenants` at most once per
/// `lifetime` per cluster, so `portal tenant suspend` reaches every process without a restart
/// and without a query per request. It also records the town's last activity, at most once
/// per `activityInterval` per town.
public final class TenantStatusCache: Sendable {
    private let databases: TenantDatabases
    private let lifetime: Duration
    private let activityInterval: Duration
    private let state = Mutex(State())

    private struct State {
        var suspendedByCluster: [String: (fetchedAt: ContinuousClock.Instant, ids: Set<String>)] = [:]
        var lastTouched: [String: ContinuousClock.Instant] = [:]
    }

    public init(databases: TenantDatabases, lifetime: Duration = .seconds(5), activityInterval: Duration = .seconds(300)) {
        self.databases = databases
        self.lifetime = lifetime
        self.activityInterval = activityInterval
    }

    /// True when the town is suspended. A cluster that cannot be read keeps its last known
    /// answer: a database hiccup must not open nor close every town of the cluster.
    public func isSuspended(_ tenant: TenantConfig) -> Bool {
        let cluster = TenantDatabases.clusterName(of: tenant)
        let now = ContinuousClock.now
        let (known, mustRefresh) = state.withLock { state -> (Set<String>, Bool) in
            let entry = state.suspendedByCluster[cluster]
            if let entry, now - entry.fetchedAt < lifetime { return (entry.ids, false) }
            // The first caller past the deadline refreshes; the others go on with the known set.
            state.suspendedByCluster[cluster] = (now, entry?.ids ?? [])
            return (entry?.ids ?? [], true)
        }
        guard mustRefresh, let database = databases.clusters[cluster],
              let fresh = try? database.pool.withConnection({ try TenantRegistry.suspendedIDs(in: $0) }) else {
            return known.contains(tenant.id)
        }
        state.withLock { $0.suspendedByCluster[cluster]?.ids = fresh }
        return fresh.contains(tenant.id)
    }

    /// Notes that the town answered a request; writes `last_activity_at` when it is due.
    public func noteActivity(_ tenant: TenantConfig) {
        let now = ContinuousClock.now
        let due = state.withLock { state in
            if let last = state.lastTouched[tenant.id], now - last < activityInterval { return false }
            state.lastTouched[tenant.id] = now
            return true
        }
        guard due, let database = databases.database(for: tenant) else { return }
        _ = try? database.pool.withConnection { try TenantRegistry.touch(tenant.id, in: $0) }
    }
}
