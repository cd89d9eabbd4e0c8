import Testing
@testable import PortalCore

struct QuotientRow: Sendable, CustomTestStringConvertible {
    let validFrom: String
    let validUntil: String
    let slotDay: String
    let cents: Int
    let note: String?

    var testDescription: String { "QF 650 valid \(validFrom)…\(validUntil), slot on \(slotDay)" }
}

/// Cayres-Pradelles, Mercredi journée, resident: 9,50 € at QF 650, 12,50 € in the highest bracket.
@Suite struct QuotientValidityTests {
    @Test(arguments: [
        QuotientRow(validFrom: "2025-01-01", validUntil: "2025-12-31", slotDay: "2026-01-14", cents: 1250,
                    note: "quotient familial expiré le 31/12/2025 : tarif maximum appliqué"),
        QuotientRow(validFrom: "2026-01-01", validUntil: "2026-12-31", slotDay: "2026-01-14", cents: 950, note: nil),
        QuotientRow(validFrom: "2025-01-01", validUntil: "2026-01-14", slotDay: "2026-01-14", cents: 950, note: nil),
        QuotientRow(validFrom: "2026-02-01", validUntil: "2026-12-31", slotDay: "2026-01-28", cents: 1250,
                    note: "quotient familial valable à partir du 01/02/2026 : tarif maximum appliqué"),
        QuotientRow(validFrom: "2026-02-01", validUntil: "2026-12-31", slotDay: "2026-02-04", cents: 950, note: nil),
    ])
    func bookedDay_isPricedWithTheQuotientOnlyWhileItIsValid(row: QuotientRow) throws {
        let judge = BookingJudge(engine: try engine("cayres-pradelles"))
        let context = FamilyBookingContext(quotient: 650, residency: .resident, children: [Kids.lea],
                                           registrations: [accepted(Kids.lea, "alsh-mercredi")], bookings: [],
                                           quotientValidity: day(row.validFrom)...day(row.validUntil))
        let decision = judge.decide(book(row.slotDay, Kids.lea, "alsh-mercredi", "journee"), context: context,
                                    now: instant("2026-01-05T10:00:00+01:00"))
        #expect(decision.allowed)
        #expect(decision.amount == Money(cents: row.cents))
        #expect(decision.pricingNote == row.note)
    }

    @Test func familyWithoutQuotient_paysTheHighestBracketWithoutANote() throws {
        let judge = BookingJudge(engine: try engine("cayres-pradelles"))
        let context = FamilyBookingContext(quotient: nil, residency: .resident, children: [Kids.lea],
                                           registrations: [accepted(Kids.lea, "alsh-mercredi")], bookings: [])
        let decision = judge.decide(book("2026-01-14", Kids.lea, "alsh-mercredi", "journee"), context: context,
                                    now: instant("2026-01-05T10:00:00+01:00"))
        #expect(decision.amount == Money(cents: 1250))
        #expect(decision.pricingNote == nil)
    }
}
