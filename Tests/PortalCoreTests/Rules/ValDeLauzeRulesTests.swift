import Testing
@testable import PortalCore

/// Seed 002 (zone B): périscolaire 2 working days, Wednesdays and holidays 5 working days. Past the
/// deadline the family's change goes to the ALSH, billed 4 € (morning), 10 € (evening), the day
/// price + 3 € (Wednesdays, holidays); a late cancellation is billed at the service price.
@Suite struct ValDeLauzeRulesTests {
    @Test(arguments: [
        // Monday 5 January 2026: back over New Year's Day to Wednesday 31 December.
        RuleRow("restauration", "repas", "2026-01-05", now: "2025-12-31T23:59:59+01:00", allowed: true, rule: "booking.workingDaysBefore(2)", deadline: "2025-12-31T23:59:59+01:00"),
        RuleRow("restauration", "repas", "2026-01-05", now: "2026-01-01T10:00:00+01:00", allowed: true, rule: "booking.workingDaysBefore(2)", deadline: "2025-12-31T23:59:59+01:00"),
        // Late cancellation: a request, billed at the service price (quotient 600: 3,60 €).
        RuleRow("restauration", "repas", "2026-01-05", .cancel, now: "2026-01-02T10:00:00+01:00", allowed: true, rule: "cancellation.workingDaysBefore(2)", deadline: "2025-12-31T23:59:59+01:00", surchargeCents: 360, quotient: 600),
        // Whit Monday 25 May 2026 is skipped.
        RuleRow("restauration", "repas", "2026-05-26", now: "2026-05-21T23:00:00+02:00", allowed: true, rule: "booking.workingDaysBefore(2)", deadline: "2026-05-21T23:59:59+02:00"),
        RuleRow("restauration", "repas", "2026-05-25", now: "2026-05-01T23:00:00+02:00", allowed: false, rule: "publicHoliday"),
        // Morning care over a weekend: Tuesday 3 March → Friday 27 February; late: 4 €.
        RuleRow("periscolaire-matin", "matin", "2026-03-03", now: "2026-02-27T18:00:00+01:00", allowed: true, rule: "booking.workingDaysBefore(2)", deadline: "2026-02-27T23:59:59+01:00"),
        RuleRow("periscolaire-matin", "matin", "2026-03-03", now: "2026-02-28T09:00:00+01:00", allowed: true, rule: "booking.workingDaysBefore(2)", deadline: "2026-02-27T23:59:59+01:00", surchargeCents: 400),
        RuleRow("periscolaire-soir", "soir", "2026-03-03", now: "2026-03-02T09:00:00+01:00", allowed: true, rule: "booking.workingDaysBefore(2)", deadline: "2026-02-27T23:59:59+01:00", surchargeCents: 1000),
        RuleRow("periscolaire-soir", "soir", "2026-02-17", now: "2026-02-01T09:00:00+01:00", allowed: false, rule: "notRunning"),
        RuleRow("etude", "etude", "2026-03-03", now: "2026-03-02T09:00:00+01:00", allowed: true, rule: "booking.workingDaysBefore(2)", deadline: "2026-02-27T23:59:59+01:00"),
        // Wednesdays: 5 working days; late: day price + 3 € (quotient 600: 12 € + 3 €; unknown: 15 € + 3 €).
        RuleRow("alsh-mercredi", "journee", "2026-03-11", now: "2026-03-04T23:59:59+01:00", allowed: true, rule: "booking.workingDaysBefore(5)", deadline: "2026-03-04T23:59:59+01:00"),
        RuleRow("alsh-mercredi", "journee", "2026-03-11", now: "2026-03-05T08:00:00+01:00", allowed: true, rule: "booking.workingDaysBefore(5)", deadline: "2026-03-04T23:59:59+01:00", surchargeCents: 1500, quotient: 600),
        RuleRow("alsh-mercredi", "journee", "2026-03-11", now: "2026-03-05T08:00:00+01:00", allowed: true, rule: "booking.workingDaysBefore(5)", deadline: "2026-03-04T23:59:59+01:00", surchargeCents: 1800),
        RuleRow("alsh-mercredi", "matin", "2026-03-11", .cancel, now: "2026-03-05T08:00:00+01:00", allowed: true, rule: "cancellation.workingDaysBefore(5)", deadline: "2026-03-04T23:59:59+01:00", surchargeCents: 450, quotient: 400),
        // Ascension Thursday 14 May is skipped when counting back from Wednesday 20 May.
        RuleRow("alsh-mercredi", "journee", "2026-05-20", now: "2026-05-12T23:59:59+02:00", allowed: true, rule: "booking.workingDaysBefore(5)", deadline: "2026-05-12T23:59:59+02:00"),
        // Spring holidays zone B (12 – 26 April): Easter Monday 6 April is skipped.
        RuleRow("alsh-vacances", "journee", "2026-04-13", now: "2026-04-03T22:00:00+02:00", allowed: true, rule: "booking.workingDaysBefore(5)", deadline: "2026-04-03T23:59:59+02:00"),
        RuleRow("alsh-vacances", "journee", "2026-04-06", now: "2026-03-03T22:00:00+01:00", allowed: false, rule: "notRunning"),
        RuleRow("alsh-vacances", "matin", "2026-04-14", now: "2026-03-03T22:00:00+01:00", allowed: false, rule: "exclusivity", alreadyBooked: ["journee"]),
    ])
    func decision(_ row: RuleRow) throws {
        try row.check(engine("val-de-lauze"))
    }

    @Test func lateAddition_isARequestBilledAtTheSurcharge() throws {
        let decision = try RuleRow("periscolaire-matin", "matin", "2026-03-03", now: "2026-02-28T09:00:00+01:00", allowed: true, rule: "").decide(engine("val-de-lauze"))
        #expect(decision.lateOutcome == .request(surcharge: .fixed(Money(cents: 400))))
        #expect(decision.message == "Délai dépassé depuis le vendredi 27 février 2026 à 23 h 59 (délai : 2 jours ouvrés avant la date) : votre demande sera transmise au service pour accord. En cas d'accord, l'ajout sera facturé au tarif majoré de 4,00 €.")
        #expect(decision.explainJSON() == #"{"allowed": true, "rule": "booking.workingDaysBefore(2)", "deadline": "2026-02-27T23:59:59+01:00", "opensAt": null, "surchargeCents": 400, "message": "Délai dépassé depuis le vendredi 27 février 2026 à 23 h 59 (délai : 2 jours ouvrés avant la date) : votre demande sera transmise au service pour accord. En cas d'accord, l'ajout sera facturé au tarif majoré de 4,00 €."}"#)
    }

    @Test func lateCancellation_isBilledAtTheServicePrice() throws {
        let decision = try RuleRow("alsh-mercredi", "journee", "2026-03-11", .cancel, now: "2026-03-05T08:00:00+01:00", allowed: true, rule: "", quotient: 600).decide(engine("val-de-lauze"))
        #expect(decision.message.hasSuffix("En cas d'accord, l'annulation sera facturée 12,00 €."))
    }
}
