import Foundation
import Testing
@testable import PortalCore

struct AbsenceRow: Sendable, CustomTestStringConvertible {
    let town: String
    let activity: String
    let unit: String
    let date: String
    let now: String
    let allowed: Bool
    let ruleID: String
    /// Where the rule's sentence starts: it names the deadline.
    let message: String
    /// The charge of a late absence the town records; nil when in time or refused.
    let lateCents: Int?

    var testDescription: String { "\(town) \(activity) \(date) at \(now)" }
}

@Suite struct AbsenceDeadlineTests {
    @Test(arguments: [
        // Cayres-Pradelles: « le jour même avant 9 h », refused afterwards.
        AbsenceRow(town: "cayres-pradelles", activity: "alsh-mercredi", unit: "journee", date: "2026-01-14", now: "2026-01-13T18:00:00+01:00",
                   allowed: true, ruleID: "absence.calendarDaysBefore(0)@09:00",
                   message: "Absence à déclarer au plus tard le mercredi 14 janvier 2026 à 9 h 00.", lateCents: nil),
        AbsenceRow(town: "cayres-pradelles", activity: "alsh-mercredi", unit: "journee", date: "2026-01-14", now: "2026-01-14T09:00:00+01:00",
                   allowed: true, ruleID: "absence.calendarDaysBefore(0)@09:00",
                   message: "Absence à déclarer au plus tard le mercredi 14 janvier 2026 à 9 h 00.", lateCents: nil),
        AbsenceRow(town: "cayres-pradelles", activity: "alsh-mercredi", unit: "journee", date: "2026-01-14", now: "2026-01-14T09:00:01+01:00",
                   allowed: false, ruleID: "absence.calendarDaysBefore(0)@09:00",
                   message: "Déclaration d'absence close depuis le mercredi 14 janvier 2026 à 9 h 00 (délai : le jour même à 9 h 00) : contactez le service.",
                   lateCents: nil),
        // Clermontais: the day before at noon; late, recorded as not excused and billed the day (unit price + 0).
        AbsenceRow(town: "clermontais", activity: "alsh-mercredis", unit: "journee", date: "2026-03-11", now: "2026-03-10T12:00:00+01:00",
                   allowed: true, ruleID: "absence.calendarDaysBefore(1)@12:00",
                   message: "Absence à déclarer au plus tard le mardi 10 mars 2026 à 12 h 00.", lateCents: nil),
        AbsenceRow(town: "clermontais", activity: "alsh-mercredis", unit: "journee", date: "2026-03-11", now: "2026-03-10T12:01:00+01:00",
                   allowed: true, ruleID: "absence.calendarDaysBefore(1)@12:00",
                   message: "Délai dépassé depuis le mardi 10 mars 2026 à 12 h 00 (délai : 1 jour calendaire avant la date à 12 h 00) : l'absence sera enregistrée hors délai, non excusée, et facturée",
                   lateCents: 1150),
    ])
    func absence_isJudgedAgainstTheTownsAbsenceDeadline(row: AbsenceRow) throws {
        let decision = try engine(row.town).decideAbsence(activity: row.activity, unit: row.unit, date: day(row.date), residency: .resident,
                                                           now: instant(row.now), quotient: 650)
        #expect(decision.allowed == row.allowed)
        #expect(decision.ruleID == row.ruleID)
        #expect(decision.message.hasPrefix(row.message), "\(decision.message)")
        #expect(decision.surchargeCents == row.lateCents)
        #expect((decision.lateOutcome != nil) == (row.lateCents != nil))
    }

    @Test func withoutARule_anAbsenceIsPossibleUntilTheEndOfTheDay() throws {
        var tenant = try shippedTenant("cayres-pradelles")
        let index = tenant.activities.firstIndex { $0.code == "alsh-mercredi" }!
        tenant.activities[index].booking.absenceDeadline = nil
        let engine = RulesEngine(tenant: tenant)
        let inTime = try engine.decideAbsence(activity: "alsh-mercredi", unit: "journee", date: day("2026-01-14"), residency: .resident,
                                              now: instant("2026-01-14T23:59:59+01:00"))
        let after = try engine.decideAbsence(activity: "alsh-mercredi", unit: "journee", date: day("2026-01-14"), residency: .resident,
                                             now: instant("2026-01-15T00:00:00+01:00"))
        #expect(inTime.allowed && inTime.ruleID == "absence.calendarDaysBefore(0)")
        #expect(!after.allowed)
        #expect(after.message == "Déclaration d'absence close depuis le mercredi 14 janvier 2026 à 23 h 59 (délai : le jour même) : contactez le service.")
    }

    @Test func judge_refusesAnAbsenceOnADayThatIsNotBooked() throws {
        let judge = BookingJudge(engine: try engine("cayres-pradelles"))
        let waiting = FamilyBookingContext(quotient: 650, residency: .resident, children: [Kids.lea], registrations: [accepted(Kids.lea, "alsh-mercredi")],
                                           bookings: [ExistingBooking(slot: slot("2026-01-14", Kids.lea, "alsh-mercredi", "journee"), status: .waitingList)])
        let decision = judge.decideAbsence(slot("2026-01-14", Kids.lea, "alsh-mercredi", "journee"), context: waiting, now: instant("2026-01-10T10:00:00+01:00"))
        #expect(!decision.allowed)
        #expect(decision.message == "Une absence ne peut être déclarée que sur un jour réservé.")
    }
}
