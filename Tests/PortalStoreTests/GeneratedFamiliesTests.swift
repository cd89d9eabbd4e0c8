import Foundation
import Postgres
import PortalCore
import Testing
@testable import PortalDemo
@testable import PortalStore

/// `portal seed-demo --families N`: the same N gives the same rows, and a larger N only adds.
@Suite(.serialized) struct GeneratedFamiliesTests {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!
    static let now = ISO8601DateFormatter().date(from: "2026-11-23T08:20:00Z")!

    /// Everything a generated family is, without the identity values the sequences hand out.
    static func fingerprint(_ fixture: BookingFixture) throws -> (families: Int, children: Int, registrations: Int, bookings: Int, checksum: String) {
        try fixture.transaction { connection in
            let row = try connection.query("""
                SELECT (SELECT count(*)::int FROM families WHERE subscriber_code LIKE 'BANC-%') AS families,
                       (SELECT count(*)::int FROM children) AS children,
                       (SELECT count(*)::int FROM registrations) AS registrations,
                       (SELECT count(*)::int FROM bookings) AS bookings,
                       md5(concat_ws('|',
                         (SELECT string_agg(concat_ws(',', f.subscriber_code, f.name, f.family_quotient, g.resident, a.email),
                                            ';' ORDER BY f.subscriber_code)
                          FROM families f JOIN guardians g ON g.family_id = f.id
                          JOIN subscriptions s ON s.family_id = f.id JOIN accounts a ON a.id = s.account_id),
                         (SELECT string_agg(concat_ws(',', f.subscriber_code, c.first_names, c.birth_date, c.school_class),
                                            ';' ORDER BY f.subscriber_code, c.birth_date)
                          FROM children c JOIN families f ON f.id = c.family_id),
                         (SELECT string_agg(concat_ws(',', c.first_names, r.activity, r.first_day, r.last_day, r.status),
                                            ';' ORDER BY f.subscriber_code, c.birth_date, r.activity)
                          FROM registrations r JOIN children c ON c.id = r.child_id JOIN families f ON f.id = r.family_id),
                         (SELECT string_agg(concat_ws(',', c.first_names, s.activity, s.unit, s.day, b.status, b.amount_cents),
                                            ';' ORDER BY f.subscriber_code, c.birth_date, s.day, s.activity)
                          FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN children c ON c.id = b.child_id
                          JOIN families f ON f.id = b.family_id),
                         (SELECT string_agg(concat_ws(',', activity, unit, day, booked), ';' ORDER BY activity, unit, day) FROM slots))) AS checksum
                """)[0]
            return (try row.decode("families"), try row.decode("children"), try row.decode("registrations"), try row.decode("bookings"),
                    try row.decode("checksum"))
        }
    }

    /// Accounts get their password hash from pgcrypto, which the platform migration installs.
    static func load(_ count: Int, into fixture: BookingFixture) throws -> Int {
        _ = try SchemaMigrations(sqlDirectory: TestDatabase.sqlDirectory).migratePlatform(pool: fixture.pool)
        var tenant = fixture.tenant
        tenant.schema = fixture.schema
        return try GeneratedFamilies.load(count: count, into: fixture.database, tenant: tenant, today: today, now: now)
    }

    @Test func sameCount_givesTheSameFamiliesChildrenRegistrationsAndBookings() throws {
        let first = try BookingFixture("gen_a", town: "clermontais")
        defer { first.drop() }
        let second = try BookingFixture("gen_b", town: "clermontais")
        defer { second.drop() }
        #expect(try Self.load(30, into: first) == 30)
        #expect(try Self.load(30, into: second) == 30)
        let a = try Self.fingerprint(first), b = try Self.fingerprint(second)
        #expect(a.checksum == b.checksum)
        // Two children each, registered to alsh-mercredis, alsh-vacances and periscolaire-soir.
        #expect(a.families == 30 && a.children == 60 && a.registrations == 180)
        // November 2026 in zone C, school from the 2nd: 3 Wednesdays (the 11th is a public holiday) and 17 evenings.
        #expect(a.bookings == 60 * (3 + 17))
        #expect(a.bookings == b.bookings)
    }

    @Test func largerCount_addsOnlyTheMissingFamilies_andNoSlotExceedsItsCapacity() throws {
        let fixture = try BookingFixture("gen_c", town: "clermontais")
        defer { fixture.drop() }
        #expect(try Self.load(20, into: fixture) == 20)
        #expect(try Self.load(40, into: fixture) == 20)
        #expect(try Self.load(40, into: fixture) == 0)
        let print = try Self.fingerprint(fixture)
        #expect(print.families == 40 && print.children == 80)
        try fixture.transaction { connection in
            let overbooked = try connection.query("""
                SELECT s.id FROM slots s WHERE s.booked > s.capacity
                   OR s.booked <> (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.status = 'booked')
                """)
            #expect(overbooked.isEmpty)
            // The evening slots hold 50: the first 25 families' children get places, the others wait.
            let waiting: Int = try connection.query("""
                SELECT count(*)::int AS n FROM bookings b JOIN slots s ON s.id = b.slot_id
                WHERE s.activity = 'periscolaire-soir' AND b.status = 'waitingList'
                """)[0].decode("n")
            #expect(waiting == 30 * 17)
        }
    }
}
