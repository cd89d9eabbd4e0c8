import Foundation
import Testing
import Postgres
import PortalCore
@testable import PortalStore

@Suite struct TenantProvisioningTests {
    @Test func create_makesTheSchema_registersTheTown_andIssuesAnInvitationFoundByItsHash() throws {
        let database = try OperatorsTestSupport.database()
        let tenant = OperatorsTestSupport.freshTenant("create")
        defer { OperatorsTestSupport.forget(tenant, in: database) }

        let outcome = try TenantProvisioning(sqlDirectory: TestDatabase.sqlDirectory).create(tenant, in: database, invitationEmail: "maire@example.fr")

        #expect(outcome.createdSchema)
        #expect(outcome.appliedMigrations.contains("001_news.sql"))
        #expect(try OperatorsTestSupport.schemaExists(tenant.schema, in: database))
        #expect(try OperatorsTestSupport.count("SELECT count(*) FROM platform.tenants WHERE id = \(tenant.id) AND NOT suspended", in: database) == 1)
        let token = try #require(outcome.invitation?.token)
        #expect(token.count == 43)
        let found = try OperatorsTestSupport.count("""
            SELECT count(*) FROM platform.admin_invitations
            WHERE token_hash = \(AdminInvitation.hashSQL(token)) AND tenant_id = \(tenant.id) AND email = 'maire@example.fr'
              AND expires_at BETWEEN now() + interval '6 days 23 hours' AND now() + interval '7 days 1 hour'
            """, in: database)
        #expect(found == 1)
        let plain = try OperatorsTestSupport.count("SELECT count(*) FROM platform.admin_invitations WHERE token_hash = \(token)", in: database)
        #expect(plain == 0)
    }

    @Test func createAgain_changesNothingButReplacesThePendingInvitation() throws {
        let database = try OperatorsTestSupport.database()
        let tenant = OperatorsTestSupport.freshTenant("rerun")
        defer { OperatorsTestSupport.forget(tenant, in: database) }
        let provisioning = TenantProvisioning(sqlDirectory: TestDatabase.sqlDirectory)
        let first = try provisioning.create(tenant, in: database)
        _ = try database.transaction(schema: tenant.schema) {
            try NewsStore.insert(title: "Gardée", body: "x", publishedOn: LocalDate(year: 2026, month: 1, day: 5)!, in: $0)
        }

        let second = try provisioning.create(tenant, in: database)

        #expect(!second.createdSchema)
        #expect(second.appliedMigrations.isEmpty)
        #expect(second.invitation?.token != first.invitation?.token)
        #expect(try OperatorsTestSupport.count("SELECT count(*) FROM \(identifier: tenant.schema).news_items", in: database) == 1)
        let pending = try OperatorsTestSupport.count("""
            SELECT count(*) FROM platform.admin_invitations WHERE tenant_id = \(tenant.id) AND revoked_at IS NULL
            """, in: database)
        #expect(pending == 1)
        let firstStillValid = try OperatorsTestSupport.count("""
            SELECT count(*) FROM platform.admin_invitations
            WHERE token_hash = \(AdminInvitation.hashSQL(first.invitation!.token)) AND revoked_at IS NULL
            """, in: database)
        #expect(firstStillValid == 0)
    }

    @Test func createAgain_afterTheAdministratorAccepted_issuesNoNewInvitation() throws {
        let database = try OperatorsTestSupport.database()
        let tenant = OperatorsTestSupport.freshTenant("accepted")
        defer { OperatorsTestSupport.forget(tenant, in: database) }
        let provisioning = TenantProvisioning(sqlDirectory: TestDatabase.sqlDirectory)
        _ = try provisioning.create(tenant, in: database)
        _ = try database.pool.withConnection {
            try $0.execute("UPDATE platform.admin_invitations SET accepted_at = now() WHERE tenant_id = \(tenant.id)")
        }

        #expect(try provisioning.create(tenant, in: database).invitation == nil)
    }

    @Test func failingMigration_leavesNoSchemaNoRegistrationNoInvitation() throws {
        let database = try OperatorsTestSupport.database()
        let tenant = OperatorsTestSupport.freshTenant("broken")
        defer { OperatorsTestSupport.forget(tenant, in: database) }
        let sql = try OperatorsTestSupport.sqlDirectory(extraTenantFiles: ["999_broken.sql": "SELECT * FROM no_such_table;"])
        defer { try? FileManager.default.removeItem(atPath: sql) }

        #expect(throws: MigrationError.self) { try TenantProvisioning(sqlDirectory: sql).create(tenant, in: database) }

        #expect(try !OperatorsTestSupport.schemaExists(tenant.schema, in: database))
        #expect(try OperatorsTestSupport.count("SELECT count(*) FROM platform.tenants WHERE id = \(tenant.id)", in: database) == 0)
        #expect(try OperatorsTestSupport.count("SELECT count(*) FROM platform.admin_invitations WHERE tenant_id = \(tenant.id)", in: database) == 0)
    }

    @Test func create_refusesASchemaAlreadyRegisteredToAnotherTown() throws {
        let database = try OperatorsTestSupport.database()
        let tenant = OperatorsTestSupport.freshTenant("owner")
        var intruder = OperatorsTestSupport.freshTenant("intruder")
        intruder.schema = tenant.schema
        defer { OperatorsTestSupport.forget(tenant, in: database); OperatorsTestSupport.forget(intruder, in: database) }
        let provisioning = TenantProvisioning(sqlDirectory: TestDatabase.sqlDirectory)
        _ = try provisioning.create(tenant, in: database)

        #expect(throws: TenantRegistryError.conflict(id: tenant.id, schema: tenant.schema)) { try provisioning.create(intruder, in: database) }
    }

    @Test(arguments: [
        ([UInt8](), ""),
        ([0xFB, 0xFF], "-_8"),
        (Array("hello".utf8), "aGVsbG8"),
        ([0, 0, 0], "AAAA"),
    ])
    func base64URL_isUnpaddedWithTheURLAlphabet(bytes: [UInt8], expected: String) {
        #expect(AdminInvitation.base64URL(bytes) == expected)
    }
}
