import Foundation
import Postgres
import PortalCore
import PortalStore

/// A migrated town schema with two families, Martin and Durand, each with a guardian, a child
/// and a contact, and Martin's guardian account.
struct DossierWorld {
    let pool: PostgresPool
    let database: TenantDatabase
    let schema: String
    let martin: Family
    let durand: Family
    let martinAccount: DossierActor

    static let now = Date(timeIntervalSince1970: 1_788_249_600)  // 2026-09-01 08:00 UTC
    static let today = LocalDate(year: 2026, month: 9, day: 1)!

    static func make(_ name: String) throws -> DossierWorld {
        let pool = try PostgresPool(url: TestDatabase.url, maxSize: 2)
        _ = try pool.withConnection { try Migrator(directory: TestDatabase.sqlDirectory + "/platform").migrate(schema: "platform", on: $0) }
        let schema = try TestDatabase.migratedTenantSchema(name, pool: pool)
        let database = TenantDatabase(pool: pool)
        return try database.transaction(schema: schema) { connection in
            let martin = try family("Martin", "Marie", child: "Léa", contact: "Paul", in: connection)
            let durand = try family("Durand", "Jean", child: "Hugo", contact: "Lucie", in: connection)
            let email = EmailAddress("marie.\(schema)@example.fr")!
            let accountID = try AccountStore.create(email: email, password: "Un-mot-de-passe-de-test-2026", lastName: "Martin",
                                                    firstNames: "Marie", now: now, in: connection)!
            try FamilyStore.subscribe(accountID: accountID, familyID: martin.familyID, now: now, in: connection)
            return DossierWorld(pool: pool, database: database, schema: schema, martin: martin, durand: durand,
                                martinAccount: DossierActor(.family, id: accountID, name: "Marie Martin"))
        }
    }

    private static func family(_ lastName: String, _ guardianName: String, child childName: String, contact contactName: String,
                               in connection: PostgresConnection) throws -> Family {
        var guardian = Guardian()
        guardian.lastName = lastName
        guardian.firstNames = guardianName
        guardian.relation = "mere"
        guardian.mobilePhone = "0612345678"
        let created = try DossierStore.createFamily(name: lastName.uppercased(), firstGuardian: guardian, now: now, in: connection)
        var full = created
        var child = Child()
        child.lastName = lastName
        child.firstNames = childName
        child.birthDate = LocalDate(year: 2019, month: 3, day: 9)
        child.health.allergies = "Arachide"
        full.children = [child]
        var contact = AuthorizedContact()
        contact.lastName = "Roux"
        contact.firstNames = contactName
        contact.relation = "Grand-parent"
        contact.phone = "0471000000"
        full.contacts = [contact]
        return try DossierStore.save(full, previous: created, in: connection)
    }

    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try database.transaction(schema: schema, body)
    }

    func drop() { TestDatabase.drop(schema, pool: pool) }

    var martinChild: Int64 { martin.children[0].id! }
    var martinGuardian: Int64 { martin.guardians[0].id! }
    var durandChild: Int64 { durand.children[0].id! }
}
