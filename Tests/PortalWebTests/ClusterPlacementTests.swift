import Testing
import HTTPServer
import Postgres
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

enum TenantDatabasesFixture {
    static func single(_ pool: PostgresPool) -> TenantDatabases { TenantDatabases(default: TenantDatabase(pool: pool)) }

    static func unreachable() throws -> TenantDatabase {
        TenantDatabase(pool: try PostgresPool(url: "postgresql://portal@127.0.0.1:9/none?connect_timeout=1", maxSize: 1))
    }
}

@Suite(.serialized) struct ClusterPlacementTests {
    /// One cluster answers and the other does not: which town works shows which pool its
    /// requests were given. Swapping the clusters swaps the outcome.
    @Test(arguments: [false, true])
    func eachTownsRequests_useThePoolOfTheClusterItsFileNames(swapped: Bool) throws {
        let (_, tenants, pool) = try WebTestSupport.application()
        defer { WebTestSupport.drop(tenants, pool: pool) }
        var placed = tenants
        placed[1].databaseCluster = "est"
        let working = TenantDatabase(pool: pool), broken = try TenantDatabasesFixture.unreachable()
        let databases = swapped ? TenantDatabases(default: broken, others: ["est": working])
                                : TenantDatabases(default: working, others: ["est": broken])
        let app = PortalApplication(directory: TenantDirectory(tenants: placed, baseDomains: ["localhost"]), databases: databases,
                                    operations: ApplicationOperations(databases: databases))

        let onDefault = app.handle(WebTestSupport.get("/", host: "\(placed[0].hosts.subdomain).localhost")).status.code
        let onEast = app.handle(WebTestSupport.get("/", host: "\(placed[1].hosts.subdomain).localhost")).status.code

        #expect([onDefault, onEast] == (swapped ? [503, 200] : [200, 503]))
    }

    @Test func healthz_names_theClusterThatDoesNotAnswer() throws {
        let (_, tenants, pool) = try WebTestSupport.application()
        defer { WebTestSupport.drop(tenants, pool: pool) }
        let databases = TenantDatabases(default: TenantDatabase(pool: pool), others: ["est": try TenantDatabasesFixture.unreachable()])
        let app = PortalApplication(directory: TenantDirectory(tenants: tenants, baseDomains: ["localhost"]), databases: databases,
                                    operations: ApplicationOperations(databases: databases))
        let response = app.handle(WebTestSupport.get("/healthz", host: "any"))
        #expect(response.status.code == 503)
        #expect(response.text.contains("est"))
    }
}
