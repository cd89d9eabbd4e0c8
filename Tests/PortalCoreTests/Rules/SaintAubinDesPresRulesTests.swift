import Testing
@testable import PortalCore

/// Seed 004 (zone C): restauration, garderie and Wednesday centre before the 20th of the month for
/// the next month; the holiday centre only inside its windows (Automne until 01/10, Noël 03/11–03/12,
/// Hiver 05/01–04/02, Printemps 09/03–01/04, Été 04/05–17/06). The 2026-2027 windows follow the
/// same pattern; Toussaint 2026 has none (it had passed when they were added).
@Suite struct SaintAubinDesPresRulesTests {
    @Test(arguments: [
        // Monthly cut-off.
        RuleRow("restauration", "repas", "2026-03-10", now: "2026-02-20T23:59:59+01:00", allowed: true, rule: "booking.monthlyCutoff(20)", deadline: "2026-02-20T23:59:59+01:00"),
        RuleRow("restauration", "repas", "2026-03-10", now: "2026-02-21T00:00:00+01:00", allowed: false, rule: "booking.monthlyCutoff(20)", deadline: "2026-02-20T23:59:59+01:00"),
        RuleRow("restauration", "repas", "2026-03-31", .cancel, now: "2026-02-19T12:00:00+01:00", allowed: true, rule: "cancellation.monthlyCutoff(20)", deadline: "2026-02-20T23:59:59+01:00"),
        RuleRow("restauration", "repas", "2026-01-05", now: "2025-12-20T23:59:59+01:00", allowed: true, rule: "booking.monthlyCutoff(20)", deadline: "2025-12-20T23:59:59+01:00"),
        RuleRow("restauration", "repas", "2026-03-02", now: "2026-02-01T12:00:00+01:00", allowed: false, rule: "notRunning"),
        RuleRow("restauration", "repas", "2026-04-02", now: "2026-03-20T23:00:00+01:00", allowed: true, rule: "booking.monthlyCutoff(20)", deadline: "2026-03-20T23:59:59+01:00"),
        RuleRow("restauration", "repas", "2026-05-07", now: "2026-04-20T23:00:00+02:00", allowed: true, rule: "booking.monthlyCutoff(20)", deadline: "2026-04-20T23:59:59+02:00"),
        RuleRow("garderie-mercredi", "garderie", "2026-11-04", now: "2026-10-21T08:00:00+02:00", allowed: false, rule: "booking.monthlyCutoff(20)", deadline: "2026-10-20T23:59:59+02:00"),
        RuleRow("garderie-mercredi", "garderie", "2026-11-11", now: "2026-10-01T08:00:00+02:00", allowed: false, rule: "publicHoliday"),
        RuleRow("cl-maternel-mercredis", "sansRepas", "2026-01-07", now: "2025-12-12T09:00:00+01:00", allowed: true, rule: "booking.monthlyCutoff(20)", deadline: "2025-12-20T23:59:59+01:00"),
        RuleRow("cl-maternel-mercredis", "sansRepas", "2026-01-07", now: "2025-12-12T09:00:00+01:00", allowed: false, rule: "exclusivity", alreadyBooked: ["avecRepas"]),
        // ALAE: past the 20th, changes go through the service.
        RuleRow("alae-matin", "matin", "2026-03-16", now: "2026-03-01T09:00:00+01:00", allowed: true, rule: "booking.monthlyCutoff(20)", deadline: "2026-02-20T23:59:59+01:00"),
        // Holiday windows.
        RuleRow("clv", "matinAvecRepas", "2025-12-22", now: "2025-11-02T23:59:59+01:00", allowed: false, rule: "window.noel", deadline: "2025-12-03T23:59:59+01:00", opensAt: "2025-11-03T00:00:00+01:00"),
        RuleRow("clv", "matinAvecRepas", "2025-12-22", now: "2025-11-03T00:00:00+01:00", allowed: true, rule: "window.noel", deadline: "2025-12-03T23:59:59+01:00"),
        RuleRow("clv", "matinAvecRepas", "2025-12-22", now: "2025-12-04T00:00:00+01:00", allowed: false, rule: "window.noel", deadline: "2025-12-03T23:59:59+01:00"),
        RuleRow("clv", "matinAvecRepas", "2025-12-25", now: "2025-11-10T00:00:00+01:00", allowed: false, rule: "publicHoliday"),
        RuleRow("clv", "apresMidiSansRepas", "2025-10-20", now: "2025-09-15T12:00:00+02:00", allowed: true, rule: "window.toussaint", deadline: "2025-10-01T23:59:59+02:00"),
        RuleRow("clv", "apresMidiSansRepas", "2025-10-20", now: "2025-10-02T00:00:00+02:00", allowed: false, rule: "window.toussaint", deadline: "2025-10-01T23:59:59+02:00"),
        RuleRow("clv", "matinSansRepas", "2026-02-23", .cancel, now: "2026-02-01T12:00:00+01:00", allowed: true, rule: "window.hiver", deadline: "2026-02-04T23:59:59+01:00"),
        RuleRow("clv", "matinSansRepas", "2026-02-23", .cancel, now: "2026-02-05T12:00:00+01:00", allowed: false, rule: "window.hiver", deadline: "2026-02-04T23:59:59+01:00"),
        RuleRow("clv", "matinSansRepas", "2026-04-20", now: "2026-03-29T12:00:00+02:00", allowed: true, rule: "window.printemps", deadline: "2026-04-01T23:59:59+02:00"),
        RuleRow("clv", "matinSansRepas", "2026-07-06", now: "2026-06-17T23:59:59+02:00", allowed: true, rule: "window.ete", deadline: "2026-06-17T23:59:59+02:00"),
        RuleRow("clv", "matinSansRepas", "2026-07-14", now: "2026-06-01T12:00:00+02:00", allowed: false, rule: "publicHoliday"),
        RuleRow("clv", "matinSansRepas", "2026-05-15", now: "2026-05-04T12:00:00+02:00", allowed: false, rule: "notRunning"),
        RuleRow("clv", "matinSansRepas", "2026-10-19", now: "2026-09-15T12:00:00+02:00", allowed: false, rule: "window.toussaint"),
        // 2026-2027: the town repeats its pattern (Noël 02/11–02/12, Hiver 04/01–03/02…).
        RuleRow("clv", "matinAvecRepas", "2026-12-21", now: "2026-11-23T10:00:00+01:00", allowed: true, rule: "window.noel", deadline: "2026-12-02T23:59:59+01:00"),
        RuleRow("clv", "matinAvecRepas", "2027-02-15", now: "2026-11-23T10:00:00+01:00", allowed: false, rule: "window.hiver", deadline: "2027-02-03T23:59:59+01:00", opensAt: "2027-01-04T00:00:00+01:00"),
        RuleRow("clv", "apresMidiAvecRepas", "2026-02-24", now: "2026-01-10T12:00:00+01:00", allowed: false, rule: "exclusivity", alreadyBooked: ["matinAvecRepas"]),
    ])
    func decision(_ row: RuleRow) throws {
        try row.check(engine("saint-aubin-des-pres"))
    }

    @Test func windowMessages_nameTheHolidayAndTheWindow() throws {
        let rules = try engine("saint-aubin-des-pres")
        func message(_ date: String, _ now: String, _ action: BookingAction = .book) throws -> String {
            try RuleRow("clv", "matinAvecRepas", date, action, now: now, allowed: false, rule: "").decide(rules).message
        }
        #expect(try message("2025-12-22", "2025-11-01T10:00:00+01:00") == "Les réservations pour les vacances de Noël ouvrent le lundi 3 novembre 2025 à 0 h 00.")
        #expect(try message("2025-12-22", "2025-12-04T10:00:00+01:00") == "Réservation close depuis le mercredi 3 décembre 2025 à 23 h 59 (période de réservation des vacances de Noël : du 03/11/2025 au 03/12/2025).")
        #expect(try message("2025-10-20", "2025-10-02T10:00:00+02:00", .cancel) == "Annulation close depuis le mercredi 1er octobre 2025 à 23 h 59 (période de réservation des vacances de la Toussaint : jusqu'au 01/10/2025).")
        #expect(try message("2026-10-19", "2026-09-15T12:00:00+02:00") == "Aucune période de réservation en ligne n'est prévue pour les vacances de la Toussaint 2026-2027 : contactez le service.")
        #expect(try message("2026-02-23", "2026-02-01T12:00:00+01:00", .cancel) == "Annulation possible jusqu'au mercredi 4 février 2026 à 23 h 59.")
    }

    @Test func monthlyCutoff_isExplainedInFrench() throws {
        let decision = try RuleRow("restauration", "repas", "2026-03-10", now: "2026-02-21T00:00:00+01:00", allowed: false, rule: "").decide(engine("saint-aubin-des-pres"))
        #expect(decision.message == "Réservation close depuis le vendredi 20 février 2026 à 23 h 59 (délai : le 20 du mois précédent).")
    }

    @Test func prices_areTheSeedsFlatHalfDayPrices() throws {
        let rules = try engine("saint-aubin-des-pres")
        #expect(rules.unitPrice(activity: "cl-elementaire-mercredis", unit: "avecRepas", quotient: 300, residency: .resident)?.french == "10,40 €")
        #expect(rules.unitPrice(activity: "cl-elementaire-mercredis", unit: "sansRepas", quotient: nil, residency: .nonResident)?.french == "5,20 €")
    }

    @Test func calendar_marksHolidayDaysWithTheirWindowAndTermDaysWithTheCutoff() throws {
        let rules = try engine("saint-aubin-des-pres")
        let holiday = try rules.calendar(activity: "clv", from: day("2025-12-19"), to: day("2025-12-26"), residency: .resident)
        #expect(holiday.map(\.date.iso) == ["2025-12-22", "2025-12-23", "2025-12-24", "2025-12-26"])
        #expect(holiday[0].units[0].opensAt.map(ParisTime.iso8601) == "2025-11-03T00:00:00+01:00")
        #expect(holiday[0].units[0].bookingDeadline.map(ParisTime.iso8601) == "2025-12-03T23:59:59+01:00")
        #expect(holiday[0].units[0].bookingRule == "window.noel")
        let noWindow = try rules.calendar(activity: "clv", from: day("2026-10-19"), to: day("2026-10-19"), residency: .resident)
        #expect(noWindow[0].units[0].bookingDeadline == nil)
        #expect(ActivityDay.plainText(noWindow).contains("réservation ≤ hors ligne [window.toussaint]"))
    }
}
