import Foundation
import Testing
@testable import PortalCore

/// The simulator on Cayres-Pradelles' Wednesdays (bookings at least 5 calendar days before).
struct RuleSimulationTests {
    static let lea = BookableChild(id: 1, firstName: "Léa", birthDate: LocalDate(iso: "2018-05-04")!, schoolLevel: .ce1)

    static func simulate(date: String, now: String, registered: Bool = true,
                         quotientValidity: ClosedRange<LocalDate>? = nil) throws -> RuleSimulation {
        let tenant = try shippedTenant("cayres-pradelles")
        let registrations = registered ? [Registration(childID: lea.id, activityCode: "alsh-mercredi",
                                                       period: RegistrationPeriod.containing(LocalDate(iso: date)!, validity: tenant.registration.validity),
                                                       status: .accepted)] : []
        let context = FamilyBookingContext(quotient: 800, residency: .resident, children: [lea], registrations: registrations, bookings: [],
                                           quotientValidity: quotientValidity)
        return RuleSimulation(judge: BookingJudge(engine: RulesEngine(tenant: tenant)), context: context,
                              slot: SlotKey(date: LocalDate(iso: date)!, childID: lea.id, activity: "alsh-mercredi", unit: "journee"),
                              now: try #require(ParisTime.parseISO8601(now)))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let date: String
        let now: String
        let allowed: Bool
        let rule: String
        let deadline: String
        var testDescription: String { "\(date) at \(now)" }
    }

    @Test(arguments: [
        // Wednesday 14 January 2026 asked on Saturday the 10th: 4 days before, one too few.
        Case(date: "2026-01-14", now: "2026-01-10T08:00:00+01:00", allowed: false, rule: "booking.calendarDaysBefore(5)", deadline: "2026-01-09T23:59:59+01:00"),
        // The same Wednesday asked on Friday the 9th, before midnight: in time.
        Case(date: "2026-01-14", now: "2026-01-09T22:00:00+01:00", allowed: true, rule: "booking.calendarDaysBefore(5)", deadline: "2026-01-09T23:59:59+01:00"),
    ])
    func wednesdayBooking_isJudgedByTheFiveCalendarDaysRuleWithItsDeadline(_ row: Case) throws {
        let simulation = try Self.simulate(date: row.date, now: row.now)
        let deadline = try #require(ParisTime.parseISO8601(row.deadline))
        #expect(simulation.booking.allowed == row.allowed)
        #expect(simulation.booking.ruleID == row.rule)
        #expect(simulation.booking.deadline == deadline)
        let timing = try #require(simulation.verdicts.first { $0.check == "Calendrier et délai de réservation" })
        #expect(timing.passed == row.allowed)
        #expect(timing.ruleID == row.rule)
        #expect(timing.deadline == deadline)
        #expect(simulation.verdicts.first { $0.check == "Pré-inscription" }?.passed == true)
    }

    @Test func bookingFourDaysBefore_saysWhenTheDeadlinePassed() throws {
        let simulation = try Self.simulate(date: "2026-01-14", now: "2026-01-10T08:00:00+01:00")
        #expect(simulation.booking.message.contains("9 janvier 2026"))
        let cancellation = try #require(simulation.verdicts.first { $0.check == "Calendrier et délai d'annulation" })
        #expect(cancellation.ruleID == "cancellation.calendarDaysBefore(5)")
    }

    @Test func withoutRegistration_theSimulatorNamesThatCheckAndTheJudgeRefuses() throws {
        let simulation = try Self.simulate(date: "2026-01-14", now: "2026-01-02T08:00:00+01:00", registered: false)
        #expect(simulation.verdicts.first { $0.check == "Pré-inscription" }?.passed == false)
        #expect(!simulation.booking.allowed)
        #expect(simulation.booking.ruleID == "notRegistered")
        // The calendar alone would allow it: the verdicts show which rule blocks.
        #expect(simulation.verdicts.first { $0.check == "Calendrier et délai de réservation" }?.passed == true)
    }

    @Test func anExpiredQuotient_isShownAndPricesAtTheHighestBracket_asAConfirmationWould() throws {
        let validity = LocalDate(iso: "2025-01-01")!...LocalDate(iso: "2025-12-31")!
        let expired = try Self.simulate(date: "2026-01-14", now: "2026-01-02T08:00:00+01:00", quotientValidity: validity)
        let valid = try Self.simulate(date: "2026-01-14", now: "2026-01-02T08:00:00+01:00")
        #expect(expired.verdicts.first { $0.check == "Quotient familial" }?.message == "Quotient familial expiré le 31/12/2025 : tarif maximum appliqué.")
        #expect(valid.verdicts.first { $0.check == "Quotient familial" }?.message == "Quotient familial 800 appliqué le mercredi 14 janvier 2026.")
        #expect(expired.booking.allowed && valid.booking.allowed)
        #expect(expired.booking.unitPrice != valid.booking.unitPrice)
    }
}
