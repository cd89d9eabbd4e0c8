import Foundation
import Postgres
import PortalCore
@testable import PortalStore

/// A migrated schema of Saint-Aubin-des-Prés (seed 004's prices) with families and bookings
/// written straight into the tables, as the booking pages would leave them.
struct InvoicingFixture {
    let pool: PostgresPool
    let database: TenantDatabase
    let schema: String
    var tenant: TenantConfig
    let now = Date(timeIntervalSince1970: 1_775_000_000)

    init(_ prefix: String, poolSize: Int = 4) throws {
        pool = try PostgresPool(url: TestDatabase.url, maxSize: poolSize, checkoutTimeout: .seconds(60))
        database = TenantDatabase(pool: pool)
        schema = try TestDatabase.migratedTenantSchema(prefix, pool: pool)
        var tenant = try BookingFixture.shippedTenant("saint-aubin-des-pres")
        tenant.payment = PaymentConfig(numcli: "123456", saisie: .T, baseURL: "http://payfip.localhost/tpa/paiement.web", notificationSources: [])
        self.tenant = tenant
    }

    func drop() {
        TestDatabase.drop(schema, pool: pool)
        pool.close()
    }

    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try database.transaction(schema: schema, body)
    }

    /// A family with one resident guardian and one child; returns (family, child).
    func family(_ name: String, child: String = "Léna", quotient: Int? = nil) throws -> (Int64, Int64) {
        try transaction { connection in
            let family: Int64 = try connection.query("""
                INSERT INTO families (name, subscriber_code, family_quotient, quotient_valid_from, quotient_valid_until)
                VALUES (\(name), \("C" + String(UInt32.random(in: 100_000...999_999))), \(quotient),
                        \(quotient.map { _ in "2025-01-01" })::date, \(quotient.map { _ in "2027-12-31" })::date)
                RETURNING id
                """)[0].decode("id")
            try connection.execute("""
                INSERT INTO guardians (family_id, last_name, first_names, address_line1, postcode, city, resident)
                VALUES (\(family), \(name), 'Camille', '12 rue des Écoles', '31000', 'Saint-Aubin', true)
                """)
            let child: Int64 = try connection.query("""
                INSERT INTO children (family_id, last_name, first_names) VALUES (\(family), \(name), \(child)) RETURNING id
                """)[0].decode("id")
            return (family, child)
        }
    }

    /// A booking in the given state; returns its id.
    @discardableResult
    func booking(_ family: (Int64, Int64), _ day: String, activity: String = "cl-maternel-mercredis", unit: String = "sansRepas",
                 status: BookingStatus = .booked, tariff: Tariff = .unit) throws -> Int64 {
        try transaction { connection in
            let slot: Int64 = try connection.query("""
                INSERT INTO slots (activity, unit, day, capacity) VALUES (\(activity), \(unit), \(day)::date, 100)
                ON CONFLICT (activity, unit, day) DO UPDATE SET capacity = slots.capacity RETURNING id
                """)[0].decode("id")
            return try connection.query("""
                INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, requested_at, updated_at)
                VALUES (\(family.0), \(family.1), \(slot), \(status.rawValue), 0, \(tariff.rawValue), \(now), \(now)) RETURNING id
                """)[0].decode("id")
        }
    }

    func issue(_ month: String, on day: String = "2026-02-03") throws -> InvoicingRun.Report {
        try transaction { try InvoicingRun.issue(month: BillingMonth(iso: month)!, tenant: tenant, issuedOn: LocalDate(iso: day)!,
                                                  staffID: nil, now: now, in: $0) }
    }
}
