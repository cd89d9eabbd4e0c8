public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// Demonstration invoice: the demo family (Martin) of each town with « Facturation » gets three
/// days of the town's first activity last month, billed on an issued invoice, so that
/// `make run` shows one to pay. Loaded once: a family with an invoice is left alone.
public enum InvoiceDemoData {
    public static func load(into database: TenantDatabase, tenants: [TenantConfig], now: Date) throws {
        let today = ParisTime.localDate(of: now)
        let month = BillingMonth(containing: today).previous
        for tenant in tenants where tenant.tabs.contains(.facturation) {
            guard let activity = tenant.activities.first, let unit = activity.units.first else { continue }
            let engine = RulesEngine(tenant: tenant)
            let days = month.firstDay.through(month.lastDay).filter { engine.runs(activity: activity.code, on: $0) }.prefix(3)
            try database.transaction(schema: tenant.schema) { connection in
                guard let family = try FamilyStore.find(subscriberCode: AccountDemoData.linkedCode, in: connection),
                      try connection.query("SELECT 1 FROM invoices WHERE family_id = \(family.id)").isEmpty,
                      let child: Int64 = try connection.query("SELECT id FROM children WHERE family_id = \(family.id) ORDER BY id LIMIT 1").first?.decode("id")
                else { return }
                for day in days {
                    let slot: Int64 = try connection.query("""
                        INSERT INTO slots (activity, unit, day, capacity) VALUES (\(activity.code), \(unit.code), \(day.iso)::date, \(unit.capacity))
                        ON CONFLICT (activity, unit, day) DO UPDATE SET capacity = slots.capacity RETURNING id
                        """)[0].decode("id")
                    // A place is taken only for a booking made here (the bookings demo may have booked the day).
                    let inserted = try connection.query("""
                        INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, requested_at, updated_at)
                        VALUES (\(family.id), \(child), \(slot), 'booked', 0, 'unit', \(now), \(now))
                        ON CONFLICT (child_id, slot_id) DO NOTHING RETURNING id
                        """)
                    if !inserted.isEmpty {
                        try connection.execute("UPDATE slots SET booked = booked + 1 WHERE id = \(slot) AND booked < capacity")
                    }
                }
                _ = try InvoicingRun.issue(month: month, tenant: tenant, issuedOn: today, staffID: nil, now: now,
                                           familyIDs: [family.id], in: connection)
            }
        }
    }
}
