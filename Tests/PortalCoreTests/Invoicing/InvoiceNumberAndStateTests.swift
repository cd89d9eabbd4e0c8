import Testing
@testable import PortalCore

@Suite struct InvoiceNumberAndStateTests {
    @Test(arguments: [(2026, 123, "2026-000123"), (2027, 1, "2027-000001"), (2026, 999_999, "2026-999999")])
    func number_isTheYearAndSixDigits(_ year: Int, _ sequence: Int, _ text: String) throws {
        let number = try #require(InvoiceNumber(year: year, sequence: sequence))
        #expect(number.description == text)
        #expect(InvoiceNumber(text) == number)
    }

    @Test(arguments: ["2026-123", "2026-0001234", "2026_000123", "abcd-000123", "2026-000000"])
    func malformedNumber_isRejected(_ text: String) {
        #expect(InvoiceNumber(text) == nil)
    }

    @Test(arguments: [
        // total, paid, credited, due, today → state
        (4160, 0, 0, "2026-04-30", "2026-04-15", InvoiceState.toPay),
        (4160, 0, 0, "2026-04-30", "2026-04-30", .toPay),
        (4160, 0, 0, "2026-04-30", "2026-05-01", .overdue),
        (4160, 1000, 0, "2026-04-30", "2026-04-15", .partiallyPaid),
        (4160, 1000, 0, "2026-04-30", "2026-05-02", .overdue),
        (4160, 0, 520, "2026-04-30", "2026-04-15", .partiallyPaid),
        (4160, 3640, 520, "2026-04-30", "2026-05-02", .paid),
        (4160, 4160, 0, "2026-04-30", "2026-04-15", .paid),
        (4160, 0, 4160, "2026-04-30", "2026-06-15", .paid),
    ])
    func state_followsDueDatePaymentsAndCredits(_ total: Int, _ paid: Int, _ credited: Int, _ due: String, _ today: String, _ expected: InvoiceState) {
        #expect(InvoiceState.of(total: Money(cents: total), paid: Money(cents: paid), credited: Money(cents: credited),
                                dueDate: day(due), today: day(today)) == expected)
    }

    @Test func stateLabels_areTheFrenchOnes() {
        #expect(InvoiceState.allCases.map(\.label) == ["à payer", "partiellement payée", "payée", "en retard"])
    }
}
