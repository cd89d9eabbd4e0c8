public import PortalStore
public import Postgres

/// A connection pool's figures, as `/metrics` exposes them.
public typealias PoolStats = PostgresPoolStats

/// What `/metrics` reads of every cluster: its pool, and the e-mails waiting in its outboxes
/// (a cluster whose backlog cannot be read is left out).
public struct ClusterGauges: Sendable {
    public let databases: TenantDatabases

    public init(databases: TenantDatabases) { self.databases = databases }

    public func pools() -> [(cluster: String, stats: PoolStats)] {
        databases.names.map { ($0, databases.clusters[$0]!.pool.stats) }
    }

    public func outboxBacklogs() -> [(cluster: String, rows: Int)] {
        databases.names.compactMap { name in
            OutboxStatus.backlog(in: databases.clusters[name]!).map { (name, $0) }
        }
    }
}

/// Checks of the server's database settings.
public enum DatabaseURL {
    /// Why a database URL cannot be used, or nil; never echoes the URL, which may hold a password.
    public static func problem(_ url: String) -> String? {
        if url.isEmpty { return "empty (postgresql://user@host:port/db)" }
        do {
            _ = try PostgresConfiguration(url: url)
            return nil
        } catch {
            return "not a PostgreSQL URL (postgresql://user[:password]@host:port/db): \(error)"
        }
    }
}
