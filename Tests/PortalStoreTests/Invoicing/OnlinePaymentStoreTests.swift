import Foundation
import Postgres
import PortalCore
import Testing
@testable import PortalStore

private let today = LocalDate(iso: "2026-02-10")!

@Suite(.serialized) struct OnlinePaymentStoreTests {
    private func attempt(_ prefix: String) throws -> (InvoicingFixture, OnlinePaymentStore.Attempt) {
        let fixture = try InvoicingFixture(prefix)
        let martin = try fixture.family("Famille Martin")
        try fixture.booking(martin, "2026-01-07", unit: "avecRepas")
        let invoice = try #require(fixture.issue("2026-01").issued.first)
        let attempt = try #require(try fixture.transaction {
            try OnlinePaymentStore.create(invoiceID: invoice.id, familyID: martin.0, config: fixture.tenant.payment!, today: today, now: fixture.now, in: $0)
        })
        return (fixture, attempt)
    }

    private func notify(_ fixture: InvoicingFixture, _ attempt: OnlinePaymentStore.Attempt, _ resultrans: String,
                        montant: String? = nil, refdet: String? = nil) throws -> OnlinePayment.Verdict {
        let notification = PayFiP.Notification(numcli: "123456", exer: "2026", refdet: refdet ?? attempt.payment.refdet,
                                               montant: montant ?? String(attempt.payment.amount.cents), resultrans: resultrans, numauto: "AUT123")
        return try fixture.transaction { try OnlinePaymentStore.apply(notification, source: "test", today: today, now: fixture.now, in: $0) }
    }

    private func paymentsCount(_ fixture: InvoicingFixture) throws -> Int {
        try fixture.transaction { try $0.query("SELECT count(*)::int AS n FROM payments")[0].decode("n") }
    }

    @Test func attempt_isForWhatIsLeft_withARefdetFromTheInvoiceNumber() throws {
        let (fixture, attempt) = try attempt("pay_create")
        defer { fixture.drop() }
        #expect(attempt.payment == OnlinePayment(refdet: "2026000001P01", numcli: "123456", exer: 2026, amount: Money(cents: 1040), status: .pending))
    }

    @Test func replayedPaidNotification_recordsOnePayment() throws {
        let (fixture, attempt) = try attempt("pay_replay")
        defer { fixture.drop() }
        #expect(try notify(fixture, attempt, "P") == .record(.paid))
        #expect(try notify(fixture, attempt, "P") == .replay)
        #expect(try notify(fixture, attempt, "V") == .replay)
        #expect(try paymentsCount(fixture) == 1)
        let summary = try fixture.transaction { try InvoiceStore.summary(id: attempt.invoiceID, familyID: nil, today: today, in: $0) }
        #expect(summary?.state == .paid)
    }

    @Test func concurrentDeliveriesOfOneNotification_recordOnePayment() throws {
        let (fixture, attempt) = try attempt("pay_conc")
        defer { fixture.drop() }
        DispatchQueue.concurrentPerform(iterations: 6) { _ in _ = try? notify(fixture, attempt, "P") }
        #expect(try paymentsCount(fixture) == 1)
    }

    @Test func lateRefusalAfterPayment_isRefused_andAbandonThenPaidRecordsThePayment() throws {
        let (fixture, attempt) = try attempt("pay_order")
        defer { fixture.drop() }
        #expect(try notify(fixture, attempt, "A") == .record(.abandoned))
        #expect(try paymentsCount(fixture) == 0)
        #expect(try notify(fixture, attempt, "P") == .record(.paid))
        #expect(try notify(fixture, attempt, "R") == .refuse("already paid"))
        #expect(try paymentsCount(fixture) == 1)
    }

    @Test func forgedNotifications_areRefusedAndLogged() throws {
        let (fixture, attempt) = try attempt("pay_forged")
        defer { fixture.drop() }
        #expect(try notify(fixture, attempt, "P", montant: "1") == .refuse("amount mismatch"))
        #expect(try notify(fixture, attempt, "P", refdet: "2026000099P01") == .refuse("unknown refdet"))
        #expect(try paymentsCount(fixture) == 0)
        let logged: [String] = try fixture.transaction { try $0.query("SELECT verdict FROM payment_notifications ORDER BY id").map { try $0.decode("verdict") } }
        #expect(logged == ["refused: amount mismatch", "refused: unknown refdet"])
    }
}
