import Testing
@testable import PortalCore

private let invoiceLines = [
    InvoiceLine(bookingID: 1, day: day("2026-03-11"), childName: "Léa", activityLabel: "ALSH", unitLabel: "Journée", tariffLabel: "à l'unité", amount: Money(cents: 1200)),
    InvoiceLine(bookingID: 2, day: day("2026-03-18"), childName: "Léa", activityLabel: "ALSH", unitLabel: "Journée", tariffLabel: "à l'unité", amount: Money(cents: 1500)),
]

@Suite struct CreditNoteAndHistoryTests {
    @Test func creditNote_creditsChosenLinesWithTheReason() throws {
        let lines = try CreditNote.lines(crediting: [.init(position: 2, amount: Money(cents: 500))], of: invoiceLines,
                                         alreadyCredited: [:], reason: "sortie annulée")
        #expect(lines.map(\.position) == [2])
        #expect(lines[0].line.amount == Money(cents: 500))
        #expect(lines[0].line.tariffLabel == "avoir : sortie annulée")
        #expect(lines[0].line.bookingID == 2)
    }

    @Test(arguments: [
        ([CreditNote.Request(position: 3, amount: Money(cents: 100))], [Int: Money](), "motif", CreditNote.Refusal.unknownLine(3)),
        ([.init(position: 1, amount: Money(cents: 0))], [:], "motif", .notPositive(1)),
        ([.init(position: 1, amount: Money(cents: 1300))], [:], "motif", .exceedsLine(position: 1, left: Money(cents: 1200))),
        ([.init(position: 1, amount: Money(cents: 800))], [1: Money(cents: 500)], "motif", .exceedsLine(position: 1, left: Money(cents: 700))),
        ([.init(position: 1, amount: Money(cents: 700)), .init(position: 1, amount: Money(cents: 600))], [:], "motif", .exceedsLine(position: 1, left: Money(cents: 500))),
        ([], [:], "motif", .nothingToCredit),
        ([.init(position: 1, amount: Money(cents: 100))], [:], "  ", .emptyReason),
    ])
    func creditNote_neverCreditsMoreThanALineBilled(_ requests: [CreditNote.Request], _ already: [Int: Money], _ reason: String, _ refusal: CreditNote.Refusal) {
        #expect(throws: refusal) { try CreditNote.lines(crediting: requests, of: invoiceLines, alreadyCredited: already, reason: reason) }
    }

    @Test func history_ordersMovementsAndKeepsARunningBalance() {
        let history = AccountHistory([
            .init(date: day("2026-04-20"), kind: .payment, label: "Chèque", amount: Money(cents: 2000), order: 1),
            .init(date: day("2026-04-05"), kind: .invoice, label: "Facture 2026-000002", amount: Money(cents: 4160), order: 2),
            .init(date: day("2026-03-05"), kind: .invoice, label: "Facture 2026-000001", amount: Money(cents: 1000), order: 1),
            .init(date: day("2026-04-05"), kind: .payment, label: "Paiement en ligne", amount: Money(cents: 1000), order: 2),
            .init(date: day("2026-04-10"), kind: .creditNote, label: "Avoir 2026-000003", amount: Money(cents: 520), order: 3),
        ])
        #expect(history.entries.map(\.label) == ["Facture 2026-000001", "Facture 2026-000002", "Paiement en ligne", "Avoir 2026-000003", "Chèque"])
        #expect(history.entries.map(\.balanceAfter.cents) == [1000, 5160, 4160, 3640, 1640])
        #expect(history.balance.french == "16,40 €")
    }

    @Test func emptyHistory_hasANullBalance() {
        #expect(AccountHistory([]).balance == .zero)
    }
}
