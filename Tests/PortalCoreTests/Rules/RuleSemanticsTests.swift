import Foundation
import Testing
@testable import PortalCore

/// The rule semantics of issue 3 on a tenant built for the purpose: explicit dates (so that days
/// outside the shipped school calendar, such as 29 February 2028, can be tested), times of day on
/// the days clocks change, and the `surcharge` late policy that no seed town uses.
@Suite struct RuleSemanticsTests {
    private static func rules(deadline: DeadlineRule, cancellation: DeadlineRule? = nil, onPublicHolidays: Bool = false) throws -> RulesEngine {
        var tenant = try TenantFixture.decode(TenantFixture.base).get()
        var activity = tenant.activities[0]
        activity.schedule = ActivitySchedule(dates: ["2026-04-03", "2026-07-14", "2026-10-30", "2028-02-29", "2028-03-05", "2028-01-03"].map(day))
        activity.runsOnPublicHolidays = onPublicHolidays
        activity.supplements = []
        activity.booking = BookingPolicy(opening: nil, bookingDeadline: deadline, cancellationDeadline: cancellation, windows: [])
        tenant.activities = [activity]
        tenant.closures = []
        return RulesEngine(tenant: tenant)
    }

    struct DeadlineCase: Sendable, CustomTestStringConvertible {
        let rule: DeadlineRule
        let date: String
        let deadline: String
        var testDescription: String { "\(rule.idSuffix) for \(date) → \(deadline)" }
    }

    @Test(arguments: [
        // Spring change (29 March 2026): 23:59:59 is in summer time; 02:30 does not exist and becomes 03:00.
        DeadlineCase(rule: DeadlineRule(kind: .calendarDaysBefore(5)), date: "2026-04-03", deadline: "2026-03-29T23:59:59+02:00"),
        DeadlineCase(rule: DeadlineRule(kind: .calendarDaysBefore(5), time: LocalTime(hour: 2, minute: 30)), date: "2026-04-03", deadline: "2026-03-29T03:00:00+02:00"),
        DeadlineCase(rule: DeadlineRule(kind: .calendarDaysBefore(6), time: LocalTime(hour: 10, minute: 0)), date: "2026-04-03", deadline: "2026-03-28T10:00:00+01:00"),
        // Autumn change (25 October 2026): 02:30 happens twice; the first one counts.
        DeadlineCase(rule: DeadlineRule(kind: .calendarDaysBefore(5), time: LocalTime(hour: 2, minute: 30)), date: "2026-10-30", deadline: "2026-10-25T02:30:00+02:00"),
        DeadlineCase(rule: DeadlineRule(kind: .calendarDaysBefore(5)), date: "2026-10-30", deadline: "2026-10-25T23:59:59+01:00"),
        // 29 February 2028.
        DeadlineCase(rule: DeadlineRule(kind: .calendarDaysBefore(5)), date: "2028-03-05", deadline: "2028-02-29T23:59:59+01:00"),
        DeadlineCase(rule: DeadlineRule(kind: .calendarDaysBefore(1)), date: "2028-02-29", deadline: "2028-02-28T23:59:59+01:00"),
        DeadlineCase(rule: DeadlineRule(kind: .workingDaysBefore(4)), date: "2028-03-05", deadline: "2028-02-29T23:59:59+01:00"),
        DeadlineCase(rule: DeadlineRule(kind: .monthlyCutoff(day: 20)), date: "2028-02-29", deadline: "2028-01-20T23:59:59+01:00"),
        DeadlineCase(rule: DeadlineRule(kind: .monthlyCutoff(day: 28)), date: "2028-03-05", deadline: "2028-02-28T23:59:59+01:00"),
        // Year end: January's cut-off is in December; New Year's Day is not a working day.
        DeadlineCase(rule: DeadlineRule(kind: .monthlyCutoff(day: 20)), date: "2028-01-03", deadline: "2027-12-20T23:59:59+01:00"),
        DeadlineCase(rule: DeadlineRule(kind: .workingDaysBefore(1)), date: "2028-01-03", deadline: "2027-12-31T23:59:59+01:00"),
        DeadlineCase(rule: DeadlineRule(kind: .calendarDaysBefore(0)), date: "2028-01-03", deadline: "2028-01-03T23:59:59+01:00"),
    ])
    func deadline_fallsOnTheRightInstant(_ row: DeadlineCase) throws {
        #expect(ParisTime.iso8601(row.rule.deadline(for: day(row.date))) == row.deadline)
        let decision = try Self.rules(deadline: row.rule).decide(activity: "alsh", unit: "journee", date: day(row.date), action: .book,
                                                                 residency: .resident, now: instant(row.deadline))
        #expect(decision.allowed)
        #expect(decision.deadline.map(ParisTime.iso8601) == row.deadline)
    }

    @Test func publicHoliday_runsOnlyWhenTheFileSaysSo() throws {
        let rule = DeadlineRule(kind: .calendarDaysBefore(5))
        #expect(try !Self.rules(deadline: rule).runs(activity: "alsh", on: day("2026-07-14")))
        #expect(try Self.rules(deadline: rule, onPublicHolidays: true).runs(activity: "alsh", on: day("2026-07-14")))
    }

    @Test func explicitDates_runEvenOnAWeekend() throws {
        #expect(try Self.rules(deadline: DeadlineRule(kind: .calendarDaysBefore(5))).runs(activity: "alsh", on: day("2028-03-05")))
    }

    @Test func lateBookingWithSurcharge_isAllowedAtOnceAndBilled() throws {
        let rules = try Self.rules(deadline: DeadlineRule(kind: .calendarDaysBefore(5), late: .surcharge(.fixed(Money(cents: 400)))),
                                   cancellation: DeadlineRule(kind: .calendarDaysBefore(2), late: .surcharge(.unitPricePlus(.zero))))
        let book = try rules.decide(activity: "alsh", unit: "journee", date: day("2028-03-05"), action: .book, residency: .resident,
                                    now: instant("2028-03-01T08:00:00+01:00"))
        #expect(book.allowed)
        #expect(book.surchargeCents == 400)
        #expect(book.lateOutcome == .surcharge(.fixed(Money(cents: 400))))
        #expect(book.message == "Délai dépassé depuis le mardi 29 février 2028 à 23 h 59 (délai : 5 jours calendaires avant la date) : réservation possible au tarif majoré de 4,00 €.")

        let cancel = try rules.decide(activity: "alsh", unit: "journee", date: day("2028-03-05"), action: .cancel, residency: .nonResident,
                                      now: instant("2028-03-04T08:00:00+01:00"), quotient: 650)
        #expect(cancel.allowed)
        #expect(cancel.ruleID == "cancellation.calendarDaysBefore(2)")
        #expect(cancel.surchargeCents == 1300)
        #expect(cancel.message == "Délai dépassé depuis le vendredi 3 mars 2028 à 23 h 59 (délai : 2 jours calendaires avant la date) : annulation possible, mais la prestation reste facturée 13,00 €.")
    }

    @Test func withinTheDeadline_noSurchargeIsAnnounced() throws {
        let rules = try Self.rules(deadline: DeadlineRule(kind: .calendarDaysBefore(5), late: .surcharge(.fixed(Money(cents: 400)))))
        let decision = try rules.decide(activity: "alsh", unit: "journee", date: day("2028-03-05"), action: .book, residency: .resident,
                                        now: instant("2028-02-29T23:59:59.900+01:00"))
        #expect(decision.allowed)
        #expect(decision.surchargeCents == nil)
        #expect(decision.lateOutcome == nil)
    }

    @Test(arguments: [
        ("2020-02-29", "2028-02-28", 7), ("2020-02-29", "2028-02-29", 8), ("2020-02-29", "2027-02-28", 6),
        ("2020-02-29", "2027-03-01", 7), ("2016-09-01", "2026-08-31", 9), ("2016-09-01", "2026-09-01", 10),
    ])
    func age_countsWholeYearsOnTheSlotDate(_ birth: String, _ date: String, _ age: Int) {
        #expect(Audience.age(birthDate: day(birth), on: day(date)) == age)
    }

    @Test func audience_admitsByAgeOrSchoolLevel() {
        #expect(Audience.ageRange(min: 3, max: 10).admits(birthDate: day("2016-03-01"), schoolLevel: nil, on: day("2026-02-28")))
        #expect(!Audience.ageRange(min: 3, max: 10).admits(birthDate: day("2016-03-01"), schoolLevel: nil, on: day("2027-03-01")))
        #expect(Audience.schoolLevels([.cp, .ce1]).admits(birthDate: day("2019-05-01"), schoolLevel: .cp, on: day("2026-01-07")))
        #expect(!Audience.schoolLevels([.cp, .ce1]).admits(birthDate: day("2019-05-01"), schoolLevel: nil, on: day("2026-01-07")))
    }

    @Test(arguments: [(1040, "10,40 €"), (5, "0,05 €"), (0, "0,00 €"), (123_450, "1 234,50 €"), (-300, "-3,00 €"), (100_000_000, "1 000 000,00 €")])
    func money_isWrittenTheFrenchWay(_ cents: Int, _ text: String) {
        #expect(Money(cents: cents).french == text)
    }

    @Test func explainJSON_escapesQuotesBackslashesAndControlCharacters() {
        let decision = RuleDecision(allowed: true, ruleID: "noDeadline", surchargeCents: 0, message: "a \"b\" \\ c\nd\u{01}é")
        #expect(decision.explainJSON() == #"{"allowed": true, "rule": "noDeadline", "deadline": null, "opensAt": null, "surchargeCents": 0, "message": "a \"b\" \\ c\nd\u0001é"}"#)
    }
}
