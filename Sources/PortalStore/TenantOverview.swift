#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
import Postgres
public import PortalCore

/// One town as operators see it (`portal tenant list`, the operator console): where it lives,
/// how far its schema is migrated, how big and how busy it is, and whether it is open.
public struct TenantOverview: Sendable, Equatable {
    public let id: String
    public let cluster: String
    public let schema: String
    /// False for a town registered in the database whose file was removed.
    public let hasFile: Bool
    public let registered: Bool
    /// The last migration file applied to the town's schema.
    public let schemaVersion: String?
    public let families: Int
    public let lastActivity: Date?
    public let suspended: Bool
    /// Why the town's cluster or schema could not be read, if it could not.
    public let problem: String?

    /// Healthy: its cluster answers, it is registered, and its schema has every migration of `latestMigration`.
    public func isHealthy(latestMigration: String?) -> Bool {
        problem == nil && hasFile && registered && schemaVersion == latestMigration
    }

    /// The files' towns, then the towns registered without a file, each cluster read once.
    public static func gather(tenants: [TenantConfig], databases: TenantDatabases) -> [TenantOverview] {
        var result: [TenantOverview] = databases.unplacedTenants(tenants).map { id, cluster in
            let tenant = tenants.first { $0.id == id }!
            return TenantOverview(id: id, cluster: cluster, schema: tenant.schema, hasFile: true, registered: false, schemaVersion: nil,
                                  families: 0, lastActivity: nil, suspended: false, problem: "cluster « \(cluster) » not configured")
        }
        for (cluster, database, placed) in databases.group(tenants) {
            do {
                result += try database.pool.withConnection { try overviews(of: placed, cluster: cluster, in: $0) }
            } catch {
                result += placed.map {
                    TenantOverview(id: $0.id, cluster: cluster, schema: $0.schema, hasFile: true, registered: false, schemaVersion: nil,
                                   families: 0, lastActivity: nil, suspended: false, problem: "\(error)")
                }
            }
        }
        return result.sorted { $0.id < $1.id }
    }

    private static func overviews(of tenants: [TenantConfig], cluster: String, in connection: PostgresConnection) throws -> [TenantOverview] {
        let rows = try TenantRegistry.exists("platform.tenants", in: connection) ? try TenantRegistry.rows(in: connection) : []
        let files = tenants.map { (id: $0.id, schema: $0.schema, hasFile: true) }
        let orphans = rows.filter { row in !tenants.contains { $0.id == row.id } }.map { (id: $0.id, schema: $0.schema, hasFile: false) }
        return (files + orphans).map { town in
            let row = rows.first { $0.id == town.id }
            // One town's schema failing to read (being dropped, damaged) is that town's problem,
            // not its whole cluster's.
            var version: String?, families = 0, problem: String?
            do {
                version = try TenantRegistry.schemaVersion(of: town.schema, in: connection)
                families = try TenantRegistry.familyCount(of: town.schema, in: connection)
            } catch {
                problem = "\(error)"
            }
            return TenantOverview(
                id: town.id, cluster: cluster, schema: town.schema, hasFile: town.hasFile, registered: row != nil,
                schemaVersion: version, families: families,
                lastActivity: row?.lastActivity, suspended: row?.suspended ?? false, problem: problem)
        }
    }

    /// The newest tenant migration shipped in `sqlDirectory`, which every healthy town has applied.
    public static func latestMigration(sqlDirectory: String) -> String? {
        ((try? FileManager.default.contentsOfDirectory(atPath: sqlDirectory + "/tenant")) ?? []).filter { $0.hasSuffix(".sql") }.max()
    }
}
