import Foundation
import Postgres
import PortalCore
import Testing
@testable import PortalStore

private let today = LocalDate(iso: "2026-02-10")!

@Suite(.serialized) struct PaymentsAndCreditsTests {
    /// One family with January issued (4 × 5,20 € + 1 × 10,40 € = 31,20 €).
    private func issued(_ prefix: String) throws -> (InvoicingFixture, InvoiceDocument) {
        let fixture = try InvoicingFixture(prefix)
        let martin = try fixture.family("Famille Martin")
        for day in ["2026-01-07", "2026-01-14", "2026-01-21", "2026-01-28"] { try fixture.booking(martin, day) }
        try fixture.booking(martin, "2026-01-21", unit: "avecRepas")
        return (fixture, try #require(fixture.issue("2026-01").issued.first))
    }

    @Test func deskPayments_andCreditNote_settleTheInvoice_andTheHistoryKeepsTheBalance() throws {
        let (fixture, invoice) = try issued("inv_pay")
        defer { fixture.drop() }
        #expect(invoice.total.french == "31,20 €")
        let cheque = try fixture.transaction {
            try PaymentStore.record(invoiceID: invoice.id, method: .cheque, amount: Money(cents: 1000), receivedOn: today, reference: "CHQ 1234567",
                                    staffID: 1, now: fixture.now, in: $0)
        }
        #expect((try? cheque.get()) != nil)
        var summary = try #require(try fixture.transaction { try InvoiceStore.summary(id: invoice.id, familyID: invoice.familyID, today: today, in: $0) })
        #expect(summary.state == .partiallyPaid)

        let credit = try fixture.transaction {
            try CreditNoteStore.issue(invoiceID: invoice.id, crediting: [.init(position: 3, amount: Money(cents: 1040))], reason: "repas non servi",
                                      issuedOn: today, staffID: 1, now: fixture.now, in: $0)
        }
        #expect(credit.number.description == "2026-000002")
        #expect(credit.corrects?.description == "2026-000001")
        #expect(throws: InvoicingStoreError.creditNote(.exceedsLine(position: 3, left: .zero))) {
            try fixture.transaction {
                try CreditNoteStore.issue(invoiceID: invoice.id, crediting: [.init(position: 3, amount: Money(cents: 1))], reason: "encore",
                                          issuedOn: today, staffID: 1, now: fixture.now, in: $0)
            }
        }
        let tooMuch = try fixture.transaction {
            try PaymentStore.record(invoiceID: invoice.id, method: .cash, amount: Money(cents: 1200), receivedOn: today, reference: "",
                                    staffID: 1, now: fixture.now, in: $0)
        }
        #expect(tooMuch == .failure(.moreThanRemaining(Money(cents: 1080))))
        _ = try fixture.transaction {
            try PaymentStore.record(invoiceID: invoice.id, method: .cesu, amount: Money(cents: 1080), receivedOn: today, reference: "CESU",
                                    staffID: 1, now: fixture.now, in: $0)
        }
        summary = try #require(try fixture.transaction { try InvoiceStore.summary(id: invoice.id, familyID: invoice.familyID, today: today, in: $0) })
        #expect(summary.state == .paid)
        #expect(try fixture.transaction { try InvoiceStore.unpaid(today: today, in: $0) }.isEmpty)

        let history = try fixture.transaction { try InvoiceStore.history(familyID: invoice.familyID, in: $0) }
        #expect(history.entries.map(\.label) == ["Facture 2026-000001", "Avoir 2026-000002", "Chèque", "CESU"])
        #expect(history.balance == .zero)
    }

    @Test func anotherFamilysInvoice_isNotFound() throws {
        let (fixture, invoice) = try issued("inv_guess")
        defer { fixture.drop() }
        let other = try fixture.family("Famille Durand")
        #expect(try fixture.transaction { try InvoiceStore.document(id: invoice.id, familyID: other.0, in: $0) } == nil)
        #expect(try fixture.transaction { try InvoiceStore.document(id: invoice.id, familyID: invoice.familyID, in: $0) }?.lines.count == 5)
    }

    @Test func unpaidList_showsWhatIsLeft_andLateInvoicesAreOverdue() throws {
        let (fixture, invoice) = try issued("inv_unpaid")
        defer { fixture.drop() }
        let unpaid = try fixture.transaction { try InvoiceStore.unpaid(today: LocalDate(iso: "2026-03-06")!, in: $0) }
        #expect(unpaid.map(\.document.number.description) == ["2026-000001"])
        #expect(unpaid.map(\.state) == [.overdue])
        #expect(unpaid.map(\.remaining) == [invoice.total])
    }
}
