public import PortalCore
import Postgres

extension SchemaMigrations {
    public struct ClusterOutcome: Sendable {
        public let cluster: String
        /// Platform migrations applied, or why the cluster's platform schema could not be migrated.
        public let platform: Result<[String], MigrationFailure>
        public let tenants: [TenantOutcome]
    }

    public struct MigrationFailure: Error, Sendable {
        public let message: String
    }

    /// Every cluster's `platform` schema, then each of its towns; a cluster whose platform schema
    /// fails is reported and its towns are not attempted. `progress` hears each step as it ends.
    public func migrate(_ tenants: [TenantConfig], on databases: TenantDatabases,
                        progress: (_ cluster: String, _ tenant: TenantOutcome?, _ platform: Result<[String], MigrationFailure>?) -> Void)
        -> [ClusterOutcome] {
        databases.group(tenants).map { cluster, database, placed in
            let platform: Result<[String], MigrationFailure>
            do {
                platform = .success(try migratePlatform(pool: database.pool))
            } catch {
                platform = .failure(MigrationFailure(message: "\(error)"))
            }
            progress(cluster, nil, platform)
            guard case .success = platform else {
                return ClusterOutcome(cluster: cluster, platform: platform, tenants: [])
            }
            let outcomes = placed.map { tenant in
                let outcome = migrateTenants([tenant], pool: database.pool)[0]
                progress(cluster, outcome, nil)
                return outcome
            }
            return ClusterOutcome(cluster: cluster, platform: platform, tenants: outcomes)
        }
    }
}
