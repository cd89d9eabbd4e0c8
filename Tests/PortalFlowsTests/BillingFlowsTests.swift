import Foundation
import PortalCore
import PortalFlows
import PortalStore
import Postgres
import Testing

/// The billing back-office's use cases on a migrated schema: what staff see issued and what
/// the audit log shows of it.
@Suite(.serialized)
struct BillingFlowsTests {
    let migrated: MigratedTown
    var town: Town { migrated.town }
    let clerk = BillingClerk(actor: StaffActor(id: 7, name: "Claire Régie"), ip: "203.0.113.9")
    let now = Date(timeIntervalSince1970: 1_770_100_000) // 3 February 2026

    init() throws {
        migrated = try MigratedTown("saint-aubin-des-pres", schemaPrefix: "t_flows_billing")
    }

    @Test func runningAMonth_issuesItsInvoicesOnce_andEachRunIsAudited() throws {
        defer { drop() }
        try bookedWednesday()
        let month = try #require(BillingMonth(iso: "2026-01"))
        let first = try RunInvoicing(town: town).run(month: month, by: clerk, now: now)
        let second = try RunInvoicing(town: town).run(month: month, by: clerk, now: now)
        #expect(first.issued.count == 1)
        #expect(second.issued.isEmpty)
        let audit = try town.database.transaction(schema: town.tenant.schema) { try StaffAudit.list(in: $0) }
        #expect(audit.map(\.detail) == ["0 facture(s) émise(s)", "1 facture(s) émise(s)"])
        #expect(audit.allSatisfy { $0.action == "invoicing.issue" && $0.target == "month/2026-01" && $0.staffID == 7 && $0.ip == "203.0.113.9" })
    }

    @Test func aDeskPayment_onAnUnknownInvoice_isNotFound_andOverpayingIsRefusedWithoutAudit() throws {
        defer { drop() }
        try bookedWednesday()
        let today = try #require(LocalDate(iso: "2026-02-03"))
        #expect(throws: FlowError.notFound) {
            _ = try RecordDeskPayment(town: town).run(invoiceID: 999_999, method: .cheque, amount: Money(cents: 100), receivedOn: today,
                                                      reference: "", by: clerk, now: now)
        }
        let month = try #require(BillingMonth(iso: "2026-01"))
        let invoice = try #require(RunInvoicing(town: town).run(month: month, by: clerk, now: now).issued.first)
        let summary = try StaffInvoicePage(town: town).load(invoiceID: invoice.id, today: today)
        let tooMuch = try RecordDeskPayment(town: town).run(invoiceID: invoice.id, method: .cheque, amount: summary.remaining + Money(cents: 1),
                                                            receivedOn: today, reference: "CHQ 1", by: clerk, now: now)
        #expect(tooMuch == .failure(.moreThanRemaining(summary.remaining)))
        let paid = try RecordDeskPayment(town: town).run(invoiceID: invoice.id, method: .cheque, amount: summary.remaining,
                                                         receivedOn: today, reference: "CHQ 1", by: clerk, now: now)
        #expect((try? paid.get()) != nil)
        #expect(try StaffInvoicePage(town: town).load(invoiceID: invoice.id, today: today).remaining == .zero)
        let audit = try town.database.transaction(schema: town.tenant.schema) { try StaffAudit.list(in: $0) }
        #expect(audit.map(\.action) == ["invoicing.payment", "invoicing.issue"])
    }

    /// A family with one child booked on Wednesday 14 January 2026.
    private func bookedWednesday() throws {
        try town.database.transaction(schema: town.tenant.schema) { connection in
            let family: Int64 = try connection.query("""
                INSERT INTO families (name, subscriber_code) VALUES ('Martin', 'C424242') RETURNING id
                """)[0].decode("id")
            try connection.execute("""
                INSERT INTO guardians (family_id, last_name, first_names, address_line1, postcode, city, resident)
                VALUES (\(family), 'Martin', 'Camille', '12 rue des Écoles', '31000', 'Saint-Aubin', true)
                """)
            let child: Int64 = try connection.query("""
                INSERT INTO children (family_id, last_name, first_names) VALUES (\(family), 'Martin', 'Léna') RETURNING id
                """)[0].decode("id")
            let slot: Int64 = try connection.query("""
                INSERT INTO slots (activity, unit, day, capacity) VALUES ('cl-maternel-mercredis', 'sansRepas', '2026-01-14'::date, 100) RETURNING id
                """)[0].decode("id")
            try connection.execute("""
                INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, requested_at, updated_at)
                VALUES (\(family), \(child), \(slot), 'booked', 0, 'unit', \(now), \(now))
                """)
        }
    }

    private func drop() { migrated.drop() }
}
