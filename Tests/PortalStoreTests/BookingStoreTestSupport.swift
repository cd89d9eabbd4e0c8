import Foundation
import Postgres
import PortalCore
@testable import PortalStore

/// Families the tests invent, standing in for the dossier's tables.
struct TestFamilies: BookingProfiles {
    let profiles: [Int64: BookingProfile]

    func profile(familyID: Int64, in connection: PostgresConnection) throws -> BookingProfile? { profiles[familyID] }
}

/// A migrated schema, a pool and a town's rules, for one test.
struct BookingFixture {
    let pool: PostgresPool
    let database: TenantDatabase
    let schema: String
    let tenant: TenantConfig
    let judge: BookingJudge

    init(_ prefix: String, town: String, poolSize: Int = 4, capacity: (activity: String, unit: String, places: Int)? = nil) throws {
        pool = try PostgresPool(url: TestDatabase.url, maxSize: poolSize, checkoutTimeout: .seconds(60))
        database = TenantDatabase(pool: pool)
        schema = try TestDatabase.migratedTenantSchema(prefix, pool: pool)
        var tenant = try Self.shippedTenant(town)
        if let capacity, let a = tenant.activities.firstIndex(where: { $0.code == capacity.activity }),
           let u = tenant.activities[a].units.firstIndex(where: { $0.code == capacity.unit }) {
            tenant.activities[a].units[u].capacity = capacity.places
        }
        self.tenant = tenant
        judge = BookingJudge(engine: RulesEngine(tenant: tenant))
    }

    func drop() {
        TestDatabase.drop(schema, pool: pool)
        pool.close()
    }

    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try database.transaction(schema: schema, body)
    }

    /// The family file and children rows the bookings' foreign keys point to, with the
    /// profile's ids; inserting them again changes nothing.
    func insertRows(_ family: BookingProfile) throws {
        try transaction { connection in
            try connection.execute("""
                INSERT INTO families (id, name, subscriber_code) OVERRIDING SYSTEM VALUE
                VALUES (\(family.id), \("Famille \(family.id)"), \("TEST-\(family.id)")) ON CONFLICT DO NOTHING
                """)
            for child in family.children {
                try connection.execute("""
                    INSERT INTO children (id, family_id, last_name, first_names, birth_date) OVERRIDING SYSTEM VALUE
                    VALUES (\(child.id), \(family.id), 'Test', \(child.firstName), \(child.birthDate.iso)::date) ON CONFLICT DO NOTHING
                    """)
            }
        }
    }

    /// An accepted registration of each child for the period containing `date`.
    func register(_ family: BookingProfile, to activity: String, on date: String) throws {
        try insertRows(family)
        let period = RegistrationPeriod.containing(LocalDate(iso: date)!, validity: tenant.registration.validity)
        try transaction { connection in
            for child in family.children {
                try RegistrationStore.create(Registration(childID: child.id, activityCode: activity, period: period, status: .accepted),
                                             familyID: family.id, now: Date(timeIntervalSince1970: 0), in: connection)
            }
        }
    }

    func fill(_ family: BookingProfile, _ lines: [BasketLine], now: Date) throws {
        try insertRows(family)
        try transaction { try BasketStore.add(lines, familyID: family.id, now: now, in: $0) }
    }

    /// « Valider » as the portal runs it: the slots in a short transaction, then the
    /// confirmation, retried on conflict.
    func confirm(_ family: BookingProfile, families: TestFamilies, now: Date) throws -> Confirmation {
        try transaction { connection in
            try SlotStore.ensure(BasketStore.load(familyID: family.id, in: connection).lines.map(\.slot), tenant: judge.engine.tenant, in: connection)
        }
        return try database.transaction(schema: schema, retries: 8) { connection in
            try BookingStore.confirm(familyID: family.id, judge: judge, families: families, now: now, in: connection)
        }
    }

    func occupancy(_ activity: String, _ unit: String, _ date: String) throws -> (booked: Int, capacity: Int)? {
        try transaction { try SlotStore.occupancy(activity: activity, unit: unit, date: LocalDate(iso: date)!, in: $0) }
    }

    static func shippedTenant(_ id: String) throws -> TenantConfig {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("tenants").path
        let file = "\(directory)/\(id).json"
        guard let data = FileManager.default.contents(atPath: file) else { throw StoreTestError.missing(file) }
        return try TenantConfigLoader.decode([UInt8](data), file: file).get()
    }
}

enum StoreTestError: Error { case missing(String) }

func paris(_ iso: String) -> Date {
    guard let date = ParisTime.parseISO8601(iso) else { preconditionFailure("bad instant \(iso)") }
    return date
}

func family(_ id: Int64, quotient: Int? = 600, residency: Residency = .resident, children: [(Int64, String, String, SchoolLevel?)]) -> BookingProfile {
    BookingProfile(id: id, quotient: quotient, residency: residency, children: children.map {
        BookableChild(id: $0.0, firstName: $0.1, birthDate: LocalDate(iso: $0.2)!, schoolLevel: $0.3)
    })
}

func line(_ date: String, _ childID: Int64, _ activity: String, _ unit: String, _ action: BookingAction = .book) -> BasketLine {
    BasketLine(date: LocalDate(iso: date)!, childID: childID, activity: activity, unit: unit, action: action)
}
