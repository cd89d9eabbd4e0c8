import Foundation
import Testing
import Postgres
import PortalCore
@testable import PortalStore

@Suite struct TenantRegistryTests {
    @Test func suspendAndResume_flipTheFlag_andKeepTheData() throws {
        let database = try OperatorsTestSupport.database()
        let tenant = OperatorsTestSupport.freshTenant("suspend")
        defer { OperatorsTestSupport.forget(tenant, in: database) }
        _ = try TenantProvisioning(sqlDirectory: TestDatabase.sqlDirectory).create(tenant, in: database)
        _ = try database.transaction(schema: tenant.schema) {
            try NewsStore.insert(title: "Reste là", body: "x", publishedOn: LocalDate(year: 2026, month: 1, day: 5)!, in: $0)
        }

        #expect(try database.pool.withConnection { try TenantRegistry.setSuspended(tenant.id, true, in: $0) })
        #expect(try database.pool.withConnection { try TenantRegistry.suspendedIDs(in: $0) }.contains(tenant.id))
        #expect(try database.pool.withConnection { try TenantRegistry.setSuspended(tenant.id, false, in: $0) })
        #expect(try !database.pool.withConnection { try TenantRegistry.suspendedIDs(in: $0) }.contains(tenant.id))
        #expect(try OperatorsTestSupport.count("SELECT count(*) FROM \(identifier: tenant.schema).news_items", in: database) == 1)
    }

    @Test func suspend_ofATownNeverCreated_saysSo() throws {
        let database = try OperatorsTestSupport.database()
        #expect(try !database.pool.withConnection { try TenantRegistry.setSuspended("jamais-creee", true, in: $0) })
    }

    @Test func overview_givesVersionFamiliesActivityAndState_andFlagsTownsWithoutAFile() throws {
        let database = try OperatorsTestSupport.database()
        let tenant = OperatorsTestSupport.freshTenant("overview")
        let orphan = OperatorsTestSupport.freshTenant("orphan")
        defer { OperatorsTestSupport.forget(tenant, in: database); OperatorsTestSupport.forget(orphan, in: database) }
        let provisioning = TenantProvisioning(sqlDirectory: TestDatabase.sqlDirectory)
        _ = try provisioning.create(tenant, in: database)
        _ = try provisioning.create(orphan, in: database)
        try database.pool.withConnection { connection in
            try TenantRegistry.touch(tenant.id, in: connection)
            _ = try TenantRegistry.setSuspended(tenant.id, true, in: connection)
        }

        let rows = TenantOverview.gather(tenants: [tenant], databases: TenantDatabases(default: database))

        let row = try #require(rows.first { $0.id == tenant.id })
        let latest = TenantOverview.latestMigration(sqlDirectory: TestDatabase.sqlDirectory)
        #expect(row.schemaVersion == latest && latest != nil)
        #expect(row.registered && row.hasFile && row.suspended && row.problem == nil)
        #expect(row.families == 0)
        #expect(row.lastActivity != nil)
        #expect(row.isHealthy(latestMigration: latest))
        let orphanRow = try #require(rows.first { $0.id == orphan.id })
        #expect(!orphanRow.hasFile && !orphanRow.isHealthy(latestMigration: latest))
    }

    @Test func overview_ofATownWhoseSchemaFailsToRead_flagsThatTownOnly() throws {
        let database = try OperatorsTestSupport.database()
        let healthy = OperatorsTestSupport.freshTenant("sain")
        let damaged = OperatorsTestSupport.freshTenant("abime")
        defer { OperatorsTestSupport.forget(healthy, in: database); OperatorsTestSupport.forget(damaged, in: database) }
        let provisioning = TenantProvisioning(sqlDirectory: TestDatabase.sqlDirectory)
        _ = try provisioning.create(healthy, in: database)
        _ = try provisioning.create(damaged, in: database)
        try database.pool.withConnection { connection in
            try connection.executeScript("""
                DROP TABLE \(SQL.quoteIdentifier(damaged.schema)).families CASCADE;
                CREATE VIEW \(SQL.quoteIdentifier(damaged.schema)).families AS SELECT 1 AS broken WHERE 1 / 0 = 1;
                """)
        }

        let rows = TenantOverview.gather(tenants: [healthy, damaged], databases: TenantDatabases(default: database))

        #expect(try #require(rows.first { $0.id == damaged.id }).problem != nil)
        let healthyRow = try #require(rows.first { $0.id == healthy.id })
        #expect(healthyRow.problem == nil && healthyRow.isHealthy(latestMigration: TenantOverview.latestMigration(sqlDirectory: TestDatabase.sqlDirectory)))
    }

    @Test func overview_ofAnUnreachableCluster_reportsTheProblemPerTown() throws {
        let unreachable = TenantDatabase(pool: try PostgresPool(url: "postgresql://portal@127.0.0.1:9/none?connect_timeout=1", maxSize: 1))
        let tenant = OperatorsTestSupport.freshTenant("down")
        let rows = TenantOverview.gather(tenants: [tenant], databases: TenantDatabases(default: unreachable))
        #expect(rows.count == 1 && rows[0].problem != nil && !rows[0].registered)
    }
}
