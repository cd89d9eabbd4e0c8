import Foundation
import HTTPServer
import Postgres
import PortalCore
import PortalStore
import Synchronization
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// An application like `WebTestSupport.application()`, with its towns registered in
/// `platform.tenants`, the suspension read on every request, and its log lines kept.
final class OperatedApplication: Sendable {
    let app: PortalApplication
    let tenants: [TenantConfig]
    let pool: PostgresPool
    let metrics = RequestMetrics()
    private let capture = LogCapture()

    init(logsClientAddress: Bool = false) throws {
        let (_, migrated, pool) = try WebTestSupport.application()
        // Ids are unique in platform.tenants, which suites running in parallel share.
        let suffix = UInt32.random(in: 0...UInt32.max)
        let tenants = migrated.map { tenant in
            var copy = tenant
            copy.id = "\(tenant.id)-\(suffix)"
            return copy
        }
        self.tenants = tenants
        self.pool = pool
        let database = TenantDatabase(pool: pool)
        _ = try SchemaMigrations(sqlDirectory: WebTestSupport.repositoryRoot.appendingPathComponent("sql").path).migratePlatform(pool: pool)
        try pool.withConnection { connection in
            for tenant in tenants { try TenantRegistry.register(tenant, in: connection) }
        }
        let databases = TenantDatabases(default: database)
        let observer = RequestObserver(metrics: metrics, logsClientAddress: logsClientAddress) { [capture] line in
            capture.lines.withLock { $0.append(line) }
        }
        app = PortalApplication(
            directory: TenantDirectory(tenants: tenants, baseDomains: ["localhost"]), databases: databases,
            operations: ApplicationOperations(databases: databases, observer: observer,
                                              statusCache: TenantStatusCache(databases: databases, lifetime: .zero)))
    }

    var logLines: [String] { capture.lines.withLock { $0 } }

    func host(_ tenant: TenantConfig) -> String { "\(tenant.hosts.subdomain).localhost:8080" }

    func setSuspended(_ tenant: TenantConfig, _ suspended: Bool) throws {
        _ = try pool.withConnection { try TenantRegistry.setSuspended(tenant.id, suspended, in: $0) }
    }

    func tearDown() {
        WebTestSupport.drop(tenants, pool: pool)
        _ = try? pool.withConnection { connection in
            for tenant in tenants { try connection.execute("DELETE FROM platform.tenants WHERE id = \(tenant.id)") }
        }
    }
}

final class LogCapture: Sendable {
    let lines = Mutex<[String]>([])
}
