public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// Families in bulk for `portal seed-demo --families N` and the benchmarks: family i (1…N) is
/// « Famille Banc i », code abonné BANC-00000i, an activated account famille00000i@banc.exemple.fr
/// with the demo family password, two children (CE2 and CP), an accepted registration of each
/// to the town's first three activities both can join, and every day of the current month those
/// run booked on their first unit (wait-listed once the slot is full). Everything follows from
/// i, the town file and `today`: the same N gives the same rows. Families already there are
/// left alone, so a larger N adds the missing ones. Written set-based, a few statements in all,
/// so that thousands of families load in seconds.
public enum GeneratedFamilies {
    public static let maximumCount = 100_000
    static let quotients = [450, 800, 1050, 1600]
    /// Every fifth family lives outside the territory.
    static let residencyCycle = 5

    public static func code(_ index: Int) -> String { "BANC-" + padded(index) }
    public static func email(_ index: Int) -> String { "famille\(padded(index))@banc.exemple.fr" }

    /// Loads families 1…count into the town; returns how many were missing and added.
    @discardableResult
    public static func load(count: Int, into database: TenantDatabase, tenant: TenantConfig, today: LocalDate, now: Date) throws -> Int {
        precondition((1...maximumCount).contains(count), "family count out of range")
        let plan = Plan(tenant: tenant, today: today)
        return try database.transaction(schema: tenant.schema) { connection in
            let added = try insertFamilies(count: count, plan: plan, now: now, in: connection)
            guard added > 0 else { return 0 }
            try insertRegistrations(plan, now: now, in: connection)
            try insertBookings(plan, now: now, in: connection)
            return added
        }
    }

    /// The school-year-relative facts every generated family shares.
    struct Plan {
        let tenant: TenantConfig
        let period: RegistrationPeriod
        let firstChildBirthYear: Int
        let activities: [Activity]
        /// Booked days of the month, one per activity on its first unit.
        let days: [(activity: String, unit: String, day: LocalDate, position: Int)]

        init(tenant: TenantConfig, today: LocalDate) {
            self.tenant = tenant
            period = RegistrationPeriod.containing(today, validity: tenant.registration.validity)
            // A child born in year X starts CP in September X + 6: CE2 and CP this school year.
            let rentree = today.month >= 9 ? today.year : today.year - 1
            firstChildBirthYear = rentree - 8
            let templates = [
                BookableChild(id: 1, firstName: "", birthDate: LocalDate(year: rentree - 8, month: 6, day: 30)!, schoolLevel: .ce2),
                BookableChild(id: 2, firstName: "", birthDate: LocalDate(year: rentree - 6, month: 6, day: 30)!, schoolLevel: .cp),
            ]
            let period = period
            activities = Array(tenant.activities.filter { activity in
                templates.allSatisfy { RegistrationEligibility.check(child: $0, activity: activity, period: period, existing: [], today: today) == .eligible }
            }.prefix(3))
            let engine = RulesEngine(tenant: tenant)
            let first = LocalDate(year: today.year, month: today.month, day: 1)!
            let month = first.through(first.adding(days: LocalDate.daysIn(month: today.month, year: today.year) - 1))
            days = activities.enumerated().flatMap { position, activity in
                month.filter { engine.offers(activity: activity.code, unit: activity.units[0].code, on: $0) }
                    .map { (activity.code, activity.units[0].code, $0, position) }
            }
        }

        /// Price of each activity's first unit per family variant: index variant × activities + position.
        var amounts: [Int] {
            let engine = RulesEngine(tenant: tenant)
            return (0..<(quotients.count * residencyCycle)).flatMap { variant in
                activities.map { activity in
                    engine.unitPrice(activity: activity.code, unit: activity.units[0].code, quotient: quotients[variant % quotients.count],
                                     residency: variant % residencyCycle == 0 ? .nonResident : .resident)?.cents ?? 0
                }
            }
        }
    }

    private static func insertFamilies(count: Int, plan: Plan, now: Date, in connection: PostgresConnection) throws -> Int {
        let padding = String(maximumCount).count
        try connection.execute("""
            CREATE TEMP TABLE generated_families ON COMMIT DROP AS
            SELECT i, 'BANC-' || lpad(i::text, \(padding), '0') AS code, NULL::bigint AS family_id
            FROM generate_series(1, \(count)) AS i
            WHERE NOT EXISTS (SELECT 1 FROM families f WHERE f.subscriber_code = 'BANC-' || lpad(i::text, \(padding), '0'))
            """)
        let added = try connection.execute("""
            INSERT INTO families (name, subscriber_code, family_quotient, quotient_valid_from, quotient_valid_until)
            SELECT 'Famille Banc ' || i, code, (\(quotients)::integer[])[i % \(quotients.count) + 1],
                   \(plan.period.firstDay.iso)::date, \(plan.period.lastDay.iso)::date
            FROM generated_families ORDER BY i
            """)
        guard added > 0 else { return 0 }
        try connection.execute("""
            UPDATE generated_families g SET family_id = f.id FROM families f WHERE f.subscriber_code = g.code
            """)
        let firstNames = ["Camille", "Dominique", "Claude", "Sacha", "Alix", "Morgane", "Yannick"]
        try connection.execute("""
            INSERT INTO guardians (family_id, last_name, first_names, relation, resident)
            SELECT family_id, 'Banc', (\(firstNames)::text[])[i % \(firstNames.count) + 1], 'mere', i % \(residencyCycle) <> 0
            FROM generated_families ORDER BY i
            """)
        let childNames = ["Léa", "Hugo", "Inès", "Nathan", "Jade", "Louis", "Chloé", "Adam", "Lina", "Gabriel"]
        try connection.execute("""
            INSERT INTO children (family_id, last_name, first_names, birth_date, school_class)
            SELECT g.family_id, 'Banc', (\(childNames)::text[])[(g.i * 2 + c.rank) % \(childNames.count) + 1],
                   make_date(\(plan.firstChildBirthYear) + (c.rank - 1) * 2, 1, 1) + (g.i * 7 % 365),
                   c.class
            FROM generated_families g CROSS JOIN (VALUES (1, 'CE2'), (2, 'CP')) AS c(rank, class)
            ORDER BY g.i, c.rank
            """)
        // One bcrypt hash for all: hashing thousands of passwords would take minutes.
        try connection.execute("""
            WITH hash AS (SELECT \(PasswordHashing.hash(AccountDemoData.familyPassword)) AS value)
            INSERT INTO accounts (email, password_hash, last_name, first_names, created_at, activated_at, terms_accepted_at)
            SELECT 'famille' || lpad(g.i::text, \(padding), '0') || '@banc.exemple.fr', hash.value, 'Banc',
                   (\(firstNames)::text[])[g.i % \(firstNames.count) + 1], \(now), \(now), \(now)
            FROM generated_families g CROSS JOIN hash ORDER BY g.i
            ON CONFLICT DO NOTHING
            """)
        try connection.execute("""
            INSERT INTO subscriptions (account_id, family_id, created_at)
            SELECT a.id, g.family_id, \(now) FROM generated_families g
            JOIN accounts a ON lower(a.email) = 'famille' || lpad(g.i::text, \(padding), '0') || '@banc.exemple.fr'
            ON CONFLICT DO NOTHING
            """)
        return added
    }

    private static func insertRegistrations(_ plan: Plan, now: Date, in connection: PostgresConnection) throws {
        guard !plan.activities.isEmpty else { return }
        try connection.execute("""
            INSERT INTO registrations (family_id, child_id, activity, first_day, last_day, status, created_at, answered_at)
            SELECT c.family_id, c.id, a.code, \(plan.period.firstDay.iso)::date, \(plan.period.lastDay.iso)::date, 'accepted', \(now), \(now)
            FROM generated_families g JOIN children c ON c.family_id = g.family_id
            CROSS JOIN unnest(\(plan.activities.map(\.code))::text[]) WITH ORDINALITY AS a(code, position)
            ORDER BY g.i, c.id, a.position
            """)
    }

    /// Places go in family order; a slot already full wait-lists the rest, as the rules would.
    private static func insertBookings(_ plan: Plan, now: Date, in connection: PostgresConnection) throws {
        guard !plan.days.isEmpty else { return }
        let capacities = plan.days.map { day in plan.tenant.activity(day.activity)!.unit(day.unit)!.capacity }
        try connection.execute("""
            INSERT INTO slots (activity, unit, day, capacity)
            SELECT * FROM unnest(\(plan.days.map(\.activity))::text[], \(plan.days.map(\.unit))::text[],
                                 \(plan.days.map(\.day.iso))::date[], \(capacities)::integer[])
            ON CONFLICT (activity, unit, day) DO NOTHING
            """)
        try connection.execute("""
            INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, requested_at, updated_at)
            SELECT w.family_id, w.child_id, w.slot_id, CASE WHEN w.rank <= w.free THEN 'booked' ELSE 'waitingList' END,
                   (\(plan.amounts)::integer[])[(w.i % \(quotients.count * residencyCycle)) * \(plan.activities.count) + w.position + 1],
                   'unit', \(now), \(now)
            FROM (SELECT g.i, c.family_id, c.id AS child_id, s.id AS slot_id, k.position, s.capacity - s.booked AS free,
                         row_number() OVER (PARTITION BY s.id ORDER BY g.i, c.id) AS rank
                  FROM generated_families g JOIN children c ON c.family_id = g.family_id
                  CROSS JOIN unnest(\(plan.days.map(\.activity))::text[], \(plan.days.map(\.unit))::text[],
                                    \(plan.days.map(\.day.iso))::date[], \(plan.days.map(\.position))::integer[]) AS k(activity, unit, day, position)
                  JOIN slots s ON s.activity = k.activity AND s.unit = k.unit AND s.day = k.day) AS w
            ORDER BY w.slot_id, w.rank
            """)
        try connection.execute("""
            UPDATE slots s SET booked = s.booked + n.taken
            FROM (SELECT b.slot_id, count(*)::integer AS taken FROM bookings b JOIN generated_families g ON g.family_id = b.family_id
                  WHERE b.status = 'booked' GROUP BY b.slot_id) AS n
            WHERE s.id = n.slot_id
            """)
    }

    private static func padded(_ index: Int) -> String {
        let text = String(index), width = String(maximumCount).count
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
