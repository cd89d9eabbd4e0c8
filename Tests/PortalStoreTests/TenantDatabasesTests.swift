import Testing
import Postgres
import PortalCore
@testable import PortalStore

@Suite struct TenantDatabasesTests {
    private func database(_ port: Int) throws -> TenantDatabase {
        TenantDatabase(pool: try PostgresPool(url: "postgresql://portal@127.0.0.1:\(port)/x", maxSize: 1))
    }

    @Test func eachTown_getsTheDatabaseOfTheClusterItsFileNames() throws {
        let main = try database(1), east = try database(2)
        let databases = TenantDatabases(default: main, others: ["est": east])
        var onDefault = OperatorsTestSupport.freshTenant("a")
        onDefault.databaseCluster = nil
        var onEast = OperatorsTestSupport.freshTenant("b")
        onEast.databaseCluster = "est"
        var nowhere = OperatorsTestSupport.freshTenant("c")
        nowhere.databaseCluster = "ouest"

        #expect(databases.database(for: onDefault) === main)
        #expect(databases.database(for: onEast) === east)
        #expect(databases.database(for: nowhere) == nil)
        #expect(databases.unplacedTenants([onDefault, onEast, nowhere]).map(\.tenantID) == [nowhere.id])
        #expect(databases.names == ["default", "est"])
        let groups = databases.group([onDefault, onEast, nowhere])
        #expect(groups.map(\.cluster) == ["default", "est"])
        #expect(groups.map { $0.tenants.map(\.id) } == [[onDefault.id], [onEast.id]])
    }
}
