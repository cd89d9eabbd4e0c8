import Foundation
import Postgres
import PortalCore
import Synchronization
import Testing
@testable import PortalStore

@Suite(.serialized) struct InvoicingRunTests {
    @Test func issuingAMonth_billsItsBookings_andIssuingItAgainBillsNothing() throws {
        let fixture = try InvoicingFixture("inv_idem")
        defer { fixture.drop() }
        let martin = try fixture.family("Famille Martin")
        for day in ["2026-01-07", "2026-01-14", "2026-01-21", "2026-01-28"] { try fixture.booking(martin, day) }
        try fixture.booking(martin, "2026-01-14", unit: "avecRepas", status: .cancelled, tariff: .none)
        try fixture.booking(martin, "2026-02-04")

        let preview = try fixture.transaction { try InvoicingRun.preview(month: BillingMonth(iso: "2026-01")!, tenant: fixture.tenant, in: $0) }
        #expect(preview.map(\.draft.total.french) == ["20,80 €"])
        #expect(preview.map(\.profile.address) == [["12 rue des Écoles", "31000 Saint-Aubin"]])

        let first = try fixture.issue("2026-01")
        #expect(first.issued.map(\.number.description) == ["2026-000001"])
        #expect(first.issued.map(\.total.french) == ["20,80 €"])
        #expect(first.issued.first?.dueOn.iso == "2026-03-05")

        let again = try fixture.issue("2026-01")
        #expect(again.issued.isEmpty)
        let february = try fixture.issue("2026-02", on: "2026-03-03")
        #expect(february.issued.map(\.number.description) == ["2026-000002"])
        #expect(february.issued.map(\.total.french) == ["5,20 €"])
        let lines: Int = try fixture.transaction { try $0.query("SELECT count(*)::int AS n FROM invoice_lines")[0].decode("n") }
        #expect(lines == 5)
    }

    @Test func concurrentRuns_numberWithoutGap_andNeverBillABookingTwice() throws {
        let fixture = try InvoicingFixture("inv_conc", poolSize: 8)
        defer { fixture.drop() }
        for index in 0..<6 {
            let family = try fixture.family("Famille \(index)")
            try fixture.booking(family, "2026-01-07")
            try fixture.booking(family, "2026-02-04")
        }
        let months = ["2026-01", "2026-02", "2026-01", "2026-02", "2026-01", "2026-02", "2026-01", "2026-02"]
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: months.count) { index in
            do { _ = try fixture.issue(months[index]) } catch { failures.withLock { $0.append("\(error)") } }
        }
        #expect(failures.withLock { $0 } == [])
        let numbers: [Int] = try fixture.transaction { try $0.query("SELECT sequence FROM invoices ORDER BY sequence").map { try $0.decode("sequence") } }
        // Whichever month ran first took the other's earlier bookings: 6 to 12 invoices, numbered 1…n.
        #expect((6...12).contains(numbers.count))
        #expect(numbers == Array(1...max(numbers.count, 1)))
        let lines: Int = try fixture.transaction { try $0.query("SELECT count(*)::int AS n FROM invoice_lines")[0].decode("n") }
        #expect(lines == 12)
        let billedTwice: Int = try fixture.transaction {
            try $0.query("SELECT count(*)::int AS n FROM (SELECT booking_id FROM invoice_lines GROUP BY booking_id HAVING count(*) > 1) d")[0].decode("n")
        }
        #expect(billedTwice == 0)
    }

    @Test func numbering_isGaplessUnderConcurrentTransactions_andARolledBackRunConsumesNothing() throws {
        let fixture = try InvoicingFixture("inv_num", poolSize: 8)
        defer { fixture.drop() }
        struct Abandon: Error {}
        let taken = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            _ = try? fixture.transaction { connection -> Void in
                let number = try InvoiceNumbering.next(year: 2026, in: connection)
                // Every third transaction fails after taking its number.
                if index % 3 == 0 { throw Abandon() }
                taken.withLock { $0.append(number.sequence) }
            }
        }
        #expect(taken.withLock { $0.sorted() } == Array(1...26))
        let next = try fixture.transaction { try InvoiceNumbering.next(year: 2026, in: $0) }
        #expect(next.description == "2026-000027")
        let otherYear = try fixture.transaction { try InvoiceNumbering.next(year: 2027, in: $0) }
        #expect(otherYear.description == "2027-000001")
    }

    @Test func issuedInvoice_cannotBeChangedOrDeleted() throws {
        let fixture = try InvoicingFixture("inv_immut")
        defer { fixture.drop() }
        try fixture.booking(try fixture.family("Famille Martin"), "2026-01-07")
        _ = try fixture.issue("2026-01")
        for statement in ["UPDATE invoices SET total_cents = 0", "DELETE FROM invoices", "UPDATE invoice_lines SET amount_cents = 1",
                          "DELETE FROM invoice_lines", "TRUNCATE invoices CASCADE"] {
            #expect(throws: PostgresError.self, "\(statement)") { try fixture.transaction { try $0.execute(SQL(unsafeSQL: statement)) } }
        }
        let total: Int = try fixture.transaction { try $0.query("SELECT total_cents FROM invoices")[0].decode("total_cents") }
        #expect(total == 520)
    }

    @Test func attendedBilling_billsPresentChildren_andWaitsForMarksNotYetTaken() throws {
        var fixture = try InvoicingFixture("inv_attend")
        defer { fixture.drop() }
        let index = fixture.tenant.activities.firstIndex { $0.code == "cl-maternel-mercredis" }!
        fixture.tenant.activities[index].billing = .attended
        let martin = try fixture.family("Famille Martin")
        let present = try fixture.booking(martin, "2026-01-07")
        let absent = try fixture.booking(martin, "2026-01-14")
        let unmarked = try fixture.booking(martin, "2026-01-21")
        try fixture.transaction { connection in
            // The back-office's pointage table (its migration 060), when this branch runs without it.
            try connection.executeScript("""
                CREATE TABLE IF NOT EXISTS attendance (booking_id bigint PRIMARY KEY, mark text NOT NULL,
                    marked_by_id bigint NOT NULL, marked_by_name text NOT NULL, marked_at timestamptz NOT NULL)
                """)
            for (booking, mark) in [(present, "late"), (absent, "absentUnexcused")] {
                try connection.execute("""
                    INSERT INTO attendance (booking_id, mark, marked_by_id, marked_by_name, marked_at)
                    VALUES (\(booking), \(mark), 1, 'Agent', \(fixture.now))
                    """)
            }
        }
        let january = try fixture.issue("2026-01")
        #expect(january.issued.flatMap(\.lines).compactMap(\.bookingID) == [present])
        try fixture.transaction { connection in
            try connection.execute("""
                INSERT INTO attendance (booking_id, mark, marked_by_id, marked_by_name, marked_at) VALUES (\(unmarked), 'present', 1, 'Agent', \(fixture.now))
                """)
        }
        let february = try fixture.issue("2026-02", on: "2026-03-03")
        #expect(february.issued.flatMap(\.lines).compactMap(\.bookingID) == [unmarked])
    }
}
