import Testing
@testable import PortalCore

/// Seed 003: zone C; a booking is accepted at once or becomes a request; cancelling is a new request.
/// Booking months open 45 days ahead; evening care until 10:00 on the previous working day.
@Suite struct ClermontaisRulesTests {
    @Test(arguments: [
        // Wednesdays: 8 calendar days; past it, a late request to the service.
        RuleRow("alsh-mercredis", "journee", "2026-03-11", now: "2026-03-03T23:59:59+01:00", allowed: true, rule: "booking.calendarDaysBefore(8)", deadline: "2026-03-03T23:59:59+01:00"),
        RuleRow("alsh-mercredis", "journee", "2026-03-11", now: "2026-03-04T09:00:00+01:00", allowed: true, rule: "booking.calendarDaysBefore(8)", deadline: "2026-03-03T23:59:59+01:00"),
        RuleRow("alsh-mercredis", "matin", "2026-03-11", .cancel, now: "2026-03-10T09:00:00+01:00", allowed: true, rule: "cancellation.calendarDaysBefore(8)", deadline: "2026-03-03T23:59:59+01:00"),
        // Month opening: the first Wednesday of March in term is the 11th (4 March is in winter holidays, zone C).
        RuleRow("alsh-mercredis", "journee", "2026-03-25", now: "2026-01-24T12:00:00+01:00", allowed: false, rule: "opening.resident", opensAt: "2026-01-25T00:00:00+01:00"),
        RuleRow("alsh-mercredis", "journee", "2026-03-25", .book, .nonResident, now: "2026-01-25T00:00:00+01:00", allowed: true, rule: "booking.calendarDaysBefore(8)", deadline: "2026-03-17T23:59:59+01:00"),
        RuleRow("alsh-mercredis", "journee", "2026-03-04", now: "2026-02-01T12:00:00+01:00", allowed: false, rule: "notRunning"),
        // Holidays: closure over Christmas 2025, open at Christmas 2026 except the public holiday.
        RuleRow("alsh-vacances", "journee", "2025-12-29", now: "2025-12-01T12:00:00+01:00", allowed: false, rule: "closure"),
        RuleRow("alsh-vacances", "journee", "2026-12-21", now: "2026-12-01T12:00:00+01:00", allowed: true, rule: "booking.calendarDaysBefore(8)", deadline: "2026-12-13T23:59:59+01:00"),
        RuleRow("alsh-vacances", "journee", "2026-12-25", now: "2026-12-01T12:00:00+01:00", allowed: false, rule: "publicHoliday"),
        // Winter 2026 zone C: 21 February – 8 March; opens 30 days before Monday 23 February.
        RuleRow("alsh-vacances", "apresMidi", "2026-03-06", now: "2026-01-23T23:59:59+01:00", allowed: false, rule: "opening.resident", opensAt: "2026-01-24T00:00:00+01:00"),
        RuleRow("alsh-vacances", "journee", "2026-05-15", now: "2026-04-01T12:00:00+02:00", allowed: false, rule: "notRunning"),
        // Evening care: 1 working day before, at 10:00.
        RuleRow("periscolaire-soir", "soir", "2026-04-07", now: "2026-04-03T10:00:00+02:00", allowed: true, rule: "booking.workingDaysBefore(1)@10:00", deadline: "2026-04-03T10:00:00+02:00"),
        RuleRow("periscolaire-soir", "soir", "2026-04-07", now: "2026-04-03T10:00:01+02:00", allowed: false, rule: "booking.workingDaysBefore(1)@10:00", deadline: "2026-04-03T10:00:00+02:00"),
        RuleRow("periscolaire-soir", "soir", "2026-04-06", now: "2026-04-01T10:00:00+02:00", allowed: false, rule: "publicHoliday"),
        RuleRow("periscolaire-soir", "soir", "2026-03-31", now: "2026-03-30T09:59:00+02:00", allowed: true, rule: "booking.workingDaysBefore(1)@10:00", deadline: "2026-03-30T10:00:00+02:00"),
        RuleRow("periscolaire-soir", "soir", "2026-03-30", now: "2026-03-27T10:30:00+01:00", allowed: false, rule: "booking.workingDaysBefore(1)@10:00", deadline: "2026-03-27T10:00:00+01:00"),
        RuleRow("periscolaire-soir", "soir", "2026-11-02", .cancel, now: "2026-10-30T09:00:00+01:00", allowed: true, rule: "cancellation.workingDaysBefore(1)@10:00", deadline: "2026-10-30T10:00:00+01:00"),
        RuleRow("periscolaire-soir", "soir", "2026-11-12", now: "2026-11-10T09:00:00+01:00", allowed: true, rule: "booking.workingDaysBefore(1)@10:00", deadline: "2026-11-10T10:00:00+01:00"),
        RuleRow("periscolaire-soir", "soir", "2026-05-15", now: "2026-05-01T09:00:00+02:00", allowed: false, rule: "notRunning"),
        RuleRow("periscolaire-soir", "soir", "2026-05-18", now: "2026-05-15T09:00:00+02:00", allowed: true, rule: "booking.workingDaysBefore(1)@10:00", deadline: "2026-05-15T10:00:00+02:00"),
        RuleRow("periscolaire-soir", "soir", "2026-01-14", now: "2026-01-05T09:00:00+01:00", allowed: false, rule: "notRunning"),
    ])
    func decision(_ row: RuleRow) throws {
        try row.check(engine("clermontais"))
    }

    @Test func lateBooking_becomesARequestToTheService() throws {
        let decision = try RuleRow("alsh-mercredis", "journee", "2026-03-11", now: "2026-03-04T09:00:00+01:00", allowed: true, rule: "").decide(engine("clermontais"))
        #expect(decision.lateOutcome == .request(surcharge: nil))
        #expect(decision.message == "Délai dépassé depuis le mardi 3 mars 2026 à 23 h 59 (délai : 8 jours calendaires avant la date) : votre demande sera transmise au service pour accord.")
    }

    @Test func monthOpening_namesTheMonthWithoutResidencyWhenBothOpenTogether() throws {
        let decision = try RuleRow("alsh-mercredis", "journee", "2026-03-25", now: "2026-01-24T12:00:00+01:00", allowed: false, rule: "").decide(engine("clermontais"))
        #expect(decision.message == "Les réservations pour mars 2026 ouvrent le dimanche 25 janvier 2026 à 0 h 00.")
    }

    @Test func timeOfDayRule_isWrittenWithItsTime() throws {
        let decision = try RuleRow("periscolaire-soir", "soir", "2026-04-07", now: "2026-04-03T11:00:00+02:00", allowed: false, rule: "").decide(engine("clermontais"))
        #expect(decision.message == "Réservation close depuis le vendredi 3 avril 2026 à 10 h 00 (délai : 1 jour ouvré avant la date à 10 h 00).")
    }
}
