import Testing
@testable import PortalCore

private func booking(_ id: Int64, _ day: String, _ child: String = "LENA", _ unit: String = "sansRepas",
                     status: BookingStatus = .booked, tariff: Tariff = .unit) -> BillableBooking {
    BillableBooking(bookingID: id, childID: child == "LENA" ? 1 : 2, childName: child, activity: "cl-maternel-mercredis", unit: unit,
                    day: PortalCore.LocalDate(iso: day)!, status: status, tariff: tariff)
}

@Suite struct InvoiceDraftTests {
    @Test func seed004January_billsFourAfternoonsAt520_for2080() throws {
        let pricing = InvoicePricing(tenant: try shippedTenant("saint-aubin-des-pres"), quotient: nil, residency: .resident)
        let draft = InvoiceDraft.make(familyID: 7, month: BillingMonth(year: 2025, month: 1)!, bookings: [
            booking(4, "2025-01-29"), booking(1, "2025-01-08"), booking(3, "2025-01-22"), booking(2, "2025-01-15"),
        ], pricing: pricing)
        #expect(draft.lines.map(\.day.iso) == ["2025-01-08", "2025-01-15", "2025-01-22", "2025-01-29"])
        #expect(draft.lines.map(\.amount.french) == ["5,20 €", "5,20 €", "5,20 €", "5,20 €"])
        #expect(draft.lines[0] == InvoiceLine(bookingID: 1, day: day("2025-01-08"), childName: "LENA", activityLabel: "CL Maternel Mercredis",
                                              unitLabel: "Après-midi SANS repas", tariffLabel: "à l'unité", amount: Money(cents: 520)))
        #expect(draft.total.french == "20,80 €")
    }

    @Test func bookingsAfterTheMonth_waitForTheirOwnRun_andEarlierUnbilledOnesAreCaughtUp() throws {
        let pricing = InvoicePricing(tenant: try shippedTenant("saint-aubin-des-pres"), quotient: nil, residency: .resident)
        let draft = InvoiceDraft.make(familyID: 7, month: BillingMonth(year: 2025, month: 1)!, bookings: [
            booking(1, "2024-12-18", "LENA", "avecRepas"), booking(2, "2025-01-08"), booking(3, "2025-02-05"),
        ], pricing: pricing)
        #expect(draft.lines.compactMap(\.bookingID) == [1, 2])
        #expect(draft.total.french == "15,60 €")
    }

    @Test func skippedBookings_areListedWithTheirReason() throws {
        let pricing = InvoicePricing(tenant: try shippedTenant("saint-aubin-des-pres"), quotient: nil, residency: .resident)
        let draft = InvoiceDraft.make(familyID: 7, month: BillingMonth(year: 2025, month: 1)!, bookings: [
            booking(1, "2025-01-08", status: .cancelled, tariff: .none), booking(2, "2025-01-15", status: .pendingValidation),
            booking(3, "2025-01-22", "TOM", "avecRepas"),
        ], pricing: pricing)
        #expect(draft.lines.compactMap(\.bookingID) == [3])
        #expect(draft.skipped.map(\.bookingID) == [1, 2])
        #expect(draft.skipped.map(\.reason) == [.notConsumed, .pending])
    }

    @Test(arguments: [("2026-03", "2026-03-01", "2026-03-31", "mars 2026"), ("2024-02", "2024-02-01", "2024-02-29", "février 2024")])
    func billingMonth_coversItsDays(_ iso: String, _ first: String, _ last: String, _ label: String) throws {
        let month = try #require(BillingMonth(iso: iso))
        #expect((month.firstDay.iso, month.lastDay.iso, month.label, month.iso) == (first, last, label, iso))
    }

    @Test(arguments: ["2026-13", "2026-3", "26-03", "mars"])
    func malformedMonth_isRejected(_ text: String) {
        #expect(BillingMonth(iso: text) == nil)
    }
}
