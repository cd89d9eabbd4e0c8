import Testing
@testable import PortalCore

/// Seed 000: zone A; booking opens 3 weeks before a period for residents, 2 weeks for others;
/// bookings and cancellations at least 5 calendar days before; holidays « hors Noël ».
@Suite struct CayresPradellesRulesTests {
    @Test(arguments: [
        // Winter 2026 (zone A: Sunday 8 to Sunday 22 February), first running day Monday 9 February.
        RuleRow("alsh-vacances", "journee", "2026-02-09", now: "2026-02-04T23:59:59+01:00", allowed: true, rule: "booking.calendarDaysBefore(5)", deadline: "2026-02-04T23:59:59+01:00"),
        RuleRow("alsh-vacances", "journee", "2026-02-09", now: "2026-02-05T00:00:00+01:00", allowed: false, rule: "booking.calendarDaysBefore(5)", deadline: "2026-02-04T23:59:59+01:00"),
        RuleRow("alsh-vacances", "journee", "2026-02-09", now: "2026-01-18T23:59:59+01:00", allowed: false, rule: "opening.resident", opensAt: "2026-01-19T00:00:00+01:00"),
        RuleRow("alsh-vacances", "journee", "2026-02-09", now: "2026-01-19T00:00:00+01:00", allowed: true, rule: "booking.calendarDaysBefore(5)", deadline: "2026-02-04T23:59:59+01:00"),
        RuleRow("alsh-vacances", "journee", "2026-02-20", .book, .nonResident, now: "2026-01-25T23:59:59+01:00", allowed: false, rule: "opening.nonResident", opensAt: "2026-01-26T00:00:00+01:00"),
        RuleRow("alsh-vacances", "journee", "2026-02-20", .book, .nonResident, now: "2026-01-26T00:00:00+01:00", allowed: true, rule: "booking.calendarDaysBefore(5)", deadline: "2026-02-15T23:59:59+01:00"),
        // Deadline on a Sunday: 5 days before Friday 20 February.
        RuleRow("alsh-vacances", "matin", "2026-02-20", .cancel, now: "2026-02-15T23:00:00+01:00", allowed: true, rule: "cancellation.calendarDaysBefore(5)", deadline: "2026-02-15T23:59:59+01:00"),
        RuleRow("alsh-vacances", "matin", "2026-02-20", .cancel, now: "2026-02-16T00:00:00+01:00", allowed: false, rule: "cancellation.calendarDaysBefore(5)", deadline: "2026-02-15T23:59:59+01:00"),
        RuleRow("alsh-vacances", "journee", "2026-02-14", now: "2026-01-20T10:00:00+01:00", allowed: false, rule: "notRunning"),
        // « hors Noël »
        RuleRow("alsh-vacances", "journee", "2025-12-22", now: "2025-12-01T10:00:00+01:00", allowed: false, rule: "notRunning"),
        RuleRow("ados", "journee", "2026-01-02", now: "2025-12-01T10:00:00+01:00", allowed: false, rule: "notRunning"),
        // Outing day: half-days closed; a full day already booked excludes a half-day.
        RuleRow("alsh-vacances", "matin", "2026-02-12", now: "2026-01-20T10:00:00+01:00", allowed: false, rule: "unitClosed"),
        RuleRow("alsh-vacances", "journee", "2026-02-12", now: "2026-01-20T10:00:00+01:00", allowed: true, rule: "booking.calendarDaysBefore(5)", deadline: "2026-02-07T23:59:59+01:00"),
        RuleRow("alsh-vacances", "matin", "2026-02-10", now: "2026-01-20T10:00:00+01:00", allowed: false, rule: "exclusivity", alreadyBooked: ["journee"]),
        RuleRow("alsh-vacances", "journee", "2026-02-10", now: "2026-01-20T10:00:00+01:00", allowed: false, rule: "exclusivity", alreadyBooked: ["apresMidi"]),
        // Spring (zone A: 5 to 19 April): Easter Monday closed; the period's first day is then Tuesday 7 April,
        // so booking opens on 17 March, before the change to summer time, and closes after it.
        RuleRow("alsh-vacances", "journee", "2026-04-06", now: "2026-03-20T10:00:00+01:00", allowed: false, rule: "publicHoliday"),
        RuleRow("alsh-vacances", "journee", "2026-04-07", now: "2026-03-16T23:59:59+01:00", allowed: false, rule: "opening.resident", opensAt: "2026-03-17T00:00:00+01:00"),
        RuleRow("alsh-vacances", "journee", "2026-04-07", now: "2026-04-02T23:59:59+02:00", allowed: true, rule: "booking.calendarDaysBefore(5)", deadline: "2026-04-02T23:59:59+02:00"),
        // Pont de l'Ascension: Thursday 14 May 2026 is a public holiday, Friday 15 runs and opens the period.
        RuleRow("alsh-vacances", "journee", "2026-05-14", now: "2026-05-01T10:00:00+02:00", allowed: false, rule: "publicHoliday"),
        RuleRow("alsh-vacances", "journee", "2026-05-15", now: "2026-04-23T23:59:59+02:00", allowed: false, rule: "opening.resident", opensAt: "2026-04-24T00:00:00+02:00"),
        RuleRow("alsh-vacances", "journee", "2026-05-15", now: "2026-05-10T12:00:00+02:00", allowed: true, rule: "booking.calendarDaysBefore(5)", deadline: "2026-05-10T23:59:59+02:00"),
        // Summer closure of the town.
        RuleRow("alsh-vacances", "journee", "2026-08-18", now: "2026-07-01T10:00:00+02:00", allowed: false, rule: "closure"),
        // Toussaint 2026: deadline on Sunday 25 October, the day clocks go back.
        RuleRow("alsh-vacances", "journee", "2026-10-30", now: "2026-10-25T23:59:59+01:00", allowed: true, rule: "booking.calendarDaysBefore(5)", deadline: "2026-10-25T23:59:59+01:00"),
        RuleRow("alsh-vacances", "journee", "2026-10-30", now: "2026-10-26T00:00:00+01:00", allowed: false, rule: "booking.calendarDaysBefore(5)", deadline: "2026-10-25T23:59:59+01:00"),
        // Wednesdays: the period is the stretch of term between Christmas and winter (5 January – 7 February).
        RuleRow("alsh-mercredi", "journee", "2026-01-14", now: "2026-01-10T08:00:00+01:00", allowed: false, rule: "booking.calendarDaysBefore(5)", deadline: "2026-01-09T23:59:59+01:00"),
        RuleRow("alsh-mercredi", "journee", "2026-01-07", now: "2025-12-31T10:00:00+01:00", allowed: true, rule: "booking.calendarDaysBefore(5)", deadline: "2026-01-02T23:59:59+01:00"),
        RuleRow("alsh-mercredi", "matin", "2026-01-28", now: "2025-12-16T23:59:59+01:00", allowed: false, rule: "opening.resident", opensAt: "2025-12-17T00:00:00+01:00"),
        RuleRow("alsh-mercredi", "matin", "2026-01-28", .book, .nonResident, now: "2025-12-23T12:00:00+01:00", allowed: false, rule: "opening.nonResident", opensAt: "2025-12-24T00:00:00+01:00"),
        RuleRow("alsh-mercredi", "matin", "2026-01-28", .book, .nonResident, now: "2025-12-24T00:00:00+01:00", allowed: true, rule: "booking.calendarDaysBefore(5)", deadline: "2026-01-23T23:59:59+01:00"),
        // Month end in a non-leap February.
        RuleRow("alsh-mercredi", "apresMidi", "2026-03-04", now: "2026-02-27T20:00:00+01:00", allowed: true, rule: "booking.calendarDaysBefore(5)", deadline: "2026-02-27T23:59:59+01:00"),
        RuleRow("alsh-mercredi", "matin", "2026-03-18", now: "2026-03-01T10:00:00+01:00", allowed: false, rule: "unitClosed"),
        RuleRow("alsh-mercredi", "journee", "2026-02-11", now: "2026-01-20T10:00:00+01:00", allowed: false, rule: "notRunning"),
        // Wednesday 11 November 2026 is Armistice day.
        RuleRow("alsh-mercredi", "journee", "2026-11-11", now: "2026-11-01T10:00:00+01:00", allowed: false, rule: "publicHoliday"),
        // A cancellation is not subject to the opening date.
        RuleRow("alsh-mercredi", "journee", "2026-01-28", .cancel, now: "2025-12-01T10:00:00+01:00", allowed: true, rule: "cancellation.calendarDaysBefore(5)", deadline: "2026-01-23T23:59:59+01:00"),
    ])
    func decision(_ row: RuleRow) throws {
        try row.check(engine("cayres-pradelles"))
    }

    @Test func closedBooking_explainsTheDeadlineInFrench() throws {
        let decision = try RuleRow("alsh-mercredi", "journee", "2026-01-14", now: "2026-01-10T08:00:00+01:00", allowed: false, rule: "").decide(engine("cayres-pradelles"))
        #expect(decision.message == "Réservation close depuis le vendredi 9 janvier 2026 à 23 h 59 (délai : 5 jours calendaires avant la date).")
        #expect(decision.explainJSON() == #"{"allowed": false, "rule": "booking.calendarDaysBefore(5)", "deadline": "2026-01-09T23:59:59+01:00", "opensAt": null, "surchargeCents": null, "message": "Réservation close depuis le vendredi 9 janvier 2026 à 23 h 59 (délai : 5 jours calendaires avant la date)."}"#)
    }

    @Test func openBooking_saysUntilWhen() throws {
        let decision = try RuleRow("alsh-mercredi", "journee", "2026-01-14", now: "2026-01-05T08:00:00+01:00", allowed: true, rule: "").decide(engine("cayres-pradelles"))
        #expect(decision.message == "Réservation possible jusqu'au vendredi 9 janvier 2026 à 23 h 59.")
    }

    @Test func notYetOpen_givesTheOpeningForResidents() throws {
        let decision = try RuleRow("alsh-vacances", "journee", "2026-02-09", now: "2026-01-10T08:00:00+01:00", allowed: false, rule: "").decide(engine("cayres-pradelles"))
        #expect(decision.message == "Les réservations pour les vacances d'hiver ouvrent le lundi 19 janvier 2026 à 0 h 00 pour les résidents.")
        #expect(decision.explainJSON() == #"{"allowed": false, "rule": "opening.resident", "deadline": null, "opensAt": "2026-01-19T00:00:00+01:00", "surchargeCents": null, "message": "Les réservations pour les vacances d'hiver ouvrent le lundi 19 janvier 2026 à 0 h 00 pour les résidents."}"#)
    }

    @Test func refusalsForDaysWithoutActivity_sayWhy() throws {
        let rules = try engine("cayres-pradelles")
        func message(_ activity: String, _ date: String) throws -> String {
            try rules.decide(activity: activity, unit: "journee", date: day(date), action: .book, residency: .resident, now: instant("2026-01-01T00:00:00+01:00")).message
        }
        #expect(try message("alsh-vacances", "2026-04-06") == "Le lundi 6 avril 2026 est un jour férié (Lundi de Pâques) : l'activité « ALSH vacances » n'a pas lieu.")
        #expect(try message("alsh-vacances", "2025-12-22") == "L'activité « ALSH vacances » n'a pas lieu le lundi 22 décembre 2025.")
        #expect(try message("alsh-vacances", "2026-08-18") == "Le service est fermé le mardi 18 août 2026 (Fermeture estivale de l'ALSH).")
        let closed = try rules.decide(activity: "alsh-vacances", unit: "matin", date: day("2026-02-12"), action: .book, residency: .resident, now: instant("2026-01-20T10:00:00+01:00"))
        #expect(closed.message == "« Demi-journée ALSH matin » n'est pas proposé le jeudi 12 février 2026 : Sortie luge au Mont Bar.")
    }

    @Test(arguments: [(0, 950), (700, 950), (701, 1100), (1000, 1100), (1001, 1250), (5000, 1250)])
    func residentPrice_followsTheQuotientBrackets(_ quotient: Int, _ cents: Int) throws {
        #expect(try engine("cayres-pradelles").unitPrice(activity: "alsh-mercredi", unit: "journee", quotient: quotient, residency: .resident) == Money(cents: cents))
    }

    @Test func price_withoutQuotientIsTheTopBracket_andNonResidentsPayMore() throws {
        let rules = try engine("cayres-pradelles")
        #expect(rules.unitPrice(activity: "alsh-mercredi", unit: "journee", quotient: nil, residency: .resident) == Money(cents: 1250))
        #expect(rules.unitPrice(activity: "alsh-mercredi", unit: "matin", quotient: 500, residency: .nonResident) == Money(cents: 650))
        #expect(rules.unitPrice(activity: "alsh-mercredi", unit: "soir", quotient: 500, residency: .resident) == nil)
    }

    @Test func calendar_listsRunningDaysWithDeadlinesAndOutings() throws {
        let days = try engine("cayres-pradelles").calendar(activity: "alsh-vacances", from: day("2026-02-06"), to: day("2026-02-15"), residency: .resident)
        #expect(days.map(\.date.iso) == ["2026-02-09", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13"])
        let outing = days[3]
        #expect(outing.units.map(\.unit.code) == ["journee"])
        #expect(outing.closedUnits.map(\.code) == ["matin", "apresMidi"])
        #expect(outing.supplement?.amount == Money(cents: 800))
        #expect(days[0].units.map { ParisTime.iso8601($0.bookingDeadline!) } == Array(repeating: "2026-02-04T23:59:59+01:00", count: 3))
        #expect(days[0].units[0].opensAt.map(ParisTime.iso8601) == "2026-01-19T00:00:00+01:00")
        #expect(ActivityDay.plainText(Array(days[3...3])) ==
            "2026-02-12 jeu. 12 févr. | journee 08:30-17:30 ouverture 2026-01-19T00:00:00+01:00 réservation ≤ 2026-02-07T23:59:59+01:00 [booking.calendarDaysBefore(5)] annulation ≤ 2026-02-07T23:59:59+01:00 | Sortie luge au Mont Bar +8,00 € (fermé : matin, apresMidi)")
    }

    @Test func runs_isFalseOnClosuresHolidaysAndUnknownActivities() throws {
        let rules = try engine("cayres-pradelles")
        #expect(rules.runs(activity: "alsh-mercredi", on: day("2026-01-14")))
        #expect(!rules.runs(activity: "alsh-mercredi", on: day("2026-01-15")))
        #expect(!rules.runs(activity: "alsh-vacances", on: day("2026-08-20")))
        #expect(!rules.runs(activity: "piscine", on: day("2026-01-14")))
        #expect(try rules.notRunningReason(activity: "alsh-mercredi", on: day("2026-11-11")) == .publicHoliday(PublicHoliday(date: day("2026-11-11"), name: "Armistice 1918")))
    }

    @Test func unknownActivityOrUnit_isAnErrorWithAFrenchMessage() throws {
        let rules = try engine("cayres-pradelles")
        #expect(throws: RulesError.unknownActivity("piscine")) {
            try rules.decide(activity: "piscine", unit: "journee", date: day("2026-01-14"), action: .book, residency: .resident, now: instant("2026-01-01T00:00:00+01:00"))
        }
        #expect(throws: RulesError.unknownUnit(activity: "ados", unit: "matin")) {
            try rules.decide(activity: "ados", unit: "matin", date: day("2026-02-09"), action: .book, residency: .resident, now: instant("2026-01-01T00:00:00+01:00"))
        }
        #expect(RulesError.unknownUnit(activity: "ados", unit: "matin").frenchMessage == "Unité inconnue pour l'activité « ados » : « matin ».")
    }

    @Test func malformedRuleInTheTenantFile_isAConfigError() throws {
        let file = "\(tenantsDirectory())/cayres-pradelles.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let broken = try JSONValue.parse(Array(text.utf8)).setting(["activities", 0, "booking", "deadline", "calendarDaysBefore"], to: .string("cinq"))
        let errors = TenantConfigLoader.decode(Array(broken.text.utf8), file: "tenants/cayres-pradelles.json")
        #expect(throws: TenantConfigErrors([TenantConfigError(file: "tenants/cayres-pradelles.json", path: "activities[0].booking.deadline.calendarDaysBefore", message: "must be a non-negative integer")])) {
            try errors.get()
        }
    }
}
