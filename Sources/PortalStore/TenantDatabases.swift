public import PortalCore
import Postgres

/// One database (and pool) per PostgreSQL cluster, and the rule that places a town on one:
/// its file's `databaseCluster`, or the default cluster when it names none. Each cluster
/// carries its own `platform` schema, so the shared rows about a town (its registration,
/// invitations, outbox) sit next to its schema and are written in the same transaction.
public final class TenantDatabases: Sendable {
    public static let defaultCluster = "default"

    /// Every cluster by name, the default one included.
    public let clusters: [String: TenantDatabase]

    public init(default database: TenantDatabase, others: [String: TenantDatabase] = [:]) {
        var clusters = others
        clusters[Self.defaultCluster] = database
        self.clusters = clusters
    }

    /// Opens a pool of `poolSize` connections per cluster (connections open lazily).
    public convenience init(defaultURL: String, clusterURLs: [String: String], poolSize: Int) throws {
        var others: [String: TenantDatabase] = [:]
        for (name, url) in clusterURLs {
            others[name] = TenantDatabase(pool: try PostgresPool(url: url, maxSize: poolSize))
        }
        self.init(default: TenantDatabase(pool: try PostgresPool(url: defaultURL, maxSize: poolSize)), others: others)
    }

    public var primary: TenantDatabase { clusters[Self.defaultCluster]! }

    /// Cluster names, the default first, then in name order.
    public var names: [String] {
        [Self.defaultCluster] + clusters.keys.filter { $0 != Self.defaultCluster }.sorted()
    }

    public static func clusterName(of tenant: TenantConfig) -> String {
        tenant.databaseCluster ?? defaultCluster
    }

    /// The database holding the town's schema; nil when its file names a cluster this server
    /// does not know, which `unplacedTenants` reports before the server starts.
    public func database(for tenant: TenantConfig) -> TenantDatabase? {
        clusters[Self.clusterName(of: tenant)]
    }

    /// Towns whose file names a cluster missing from the server configuration.
    public func unplacedTenants(_ tenants: [TenantConfig]) -> [(tenantID: String, cluster: String)] {
        tenants.compactMap { tenant in
            database(for: tenant) == nil ? (tenant.id, Self.clusterName(of: tenant)) : nil
        }
    }

    /// Every cluster with its towns (possibly none), in cluster order; towns on unknown
    /// clusters are left out.
    public func group(_ tenants: [TenantConfig]) -> [(cluster: String, database: TenantDatabase, tenants: [TenantConfig])] {
        names.map { name in (name, clusters[name]!, tenants.filter { Self.clusterName(of: $0) == name }) }
    }

    public func close() {
        clusters.values.forEach { $0.pool.close() }
    }
}
