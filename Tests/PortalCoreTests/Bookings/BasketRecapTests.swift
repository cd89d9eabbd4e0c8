import Testing
@testable import PortalCore

@Suite struct BasketRecapTests {
    static let cayresFamily = FamilyBookingContext(
        quotient: 650, residency: .resident, children: [Kids.lea, Kids.tom],
        registrations: [accepted(Kids.lea, "alsh-mercredi"), accepted(Kids.tom, "alsh-mercredi")], bookings: [])

    @Test func threeWednesdaysForTwoChildren_arePricedByQuotientAndResidency() throws {
        let judge = BookingJudge(engine: try engine("cayres-pradelles"))
        let lines = JoursTypes(weekdays: [3], firstDay: day("2026-01-12"), lastDay: day("2026-01-31"), childIDs: [1, 2],
                               activity: "alsh-mercredi", units: ["journee"]).lines { _, _ in true }
        let recap = BasketRecap.make(Basket(lines: lines), judge: judge, context: Self.cayresFamily, now: instant("2026-01-05T10:00:00+01:00"))
        #expect(recap.lines.count == 6)
        #expect(recap.lines.allSatisfy { $0.decision.allowed && $0.decision.amount == Money(cents: 950) && $0.decision.tariff == .unit })
        #expect(recap.lines.allSatisfy { $0.decision.needsValidation })  // Cayres-Pradelles validates every booking
        #expect(recap.total.french == "57,00 €")
        #expect(recap.lines[0].dateLabel == "mer. 14 janv.")
        #expect(recap.lines[0].childName == "Léa")
        #expect(recap.lines[0].unitLabel == "Journée avec repas")
    }

    @Test func nonResidentAboveTheLastBracket_paysTheHighestPrice() throws {
        let judge = BookingJudge(engine: try engine("cayres-pradelles"))
        let context = FamilyBookingContext(quotient: nil, residency: .nonResident, children: [Kids.lea],
                                           registrations: [accepted(Kids.lea, "alsh-mercredi")], bookings: [])
        let decision = judge.decide(book("2026-01-28", Kids.lea, "alsh-mercredi", "journee"), context: context, now: instant("2026-01-05T10:00:00+01:00"))
        #expect(decision.amount.french == "15,50 €")
    }

    @Test func outingDay_addsTheSupplementToTheUnitsItBills() throws {
        let judge = BookingJudge(engine: try engine("cayres-pradelles"))
        let decision = judge.decide(book("2026-03-18", Kids.lea, "alsh-mercredi", "journee"), context: Self.cayresFamily,
                                    now: instant("2026-03-01T10:00:00+01:00"))
        #expect(decision.unitPrice == Money(cents: 950))
        #expect(decision.supplement == Money(cents: 500))
        #expect(decision.amount.french == "14,50 €")
    }

    @Test func seed004Recap_showsTenFortyWithMealAndFiveTwentyWithout() throws {
        let judge = BookingJudge(engine: try engine("saint-aubin-des-pres"))
        let context = FamilyBookingContext(quotient: 800, residency: .resident, children: [Kids.lea],
                                           registrations: [accepted(Kids.lea, "cl-elementaire-mercredis", year: "2026", validity: .schoolYear)], bookings: [])
        let basket = Basket(lines: [book("2026-02-04", Kids.lea, "cl-elementaire-mercredis", "avecRepas"),
                                    book("2026-02-11", Kids.lea, "cl-elementaire-mercredis", "avecRepas"),
                                    book("2026-02-18", Kids.lea, "cl-elementaire-mercredis", "sansRepas")])
        let recap = BasketRecap.make(basket, judge: judge, context: context, now: instant("2026-01-20T18:00:00+01:00"))
        #expect(recap.lines.map(\.decision.amount.french) == ["10,40 €", "10,40 €", "5,20 €"])
        #expect(recap.lines.allSatisfy { !$0.decision.needsValidation })
        #expect(recap.total.french == "26,00 €")
        #expect(recap.lines[0].decision.tariff.label == "à l'unité")
        // Past the 20th, February is closed: every line refused with the rule's sentence.
        let late = BasketRecap.make(basket, judge: judge, context: context, now: instant("2026-01-21T00:00:00+01:00"))
        #expect(late.refused.count == 3)
        #expect(late.total == .zero)
        #expect(late.lines[0].decision.ruleID == "booking.monthlyCutoff(20)")
    }

    @Test func lateRequest_isPricedAtTheSurchargeAndGoesToStaff() throws {
        let judge = BookingJudge(engine: try engine("val-de-lauze"))
        let context = FamilyBookingContext(quotient: 600, residency: .resident, children: [Kids.tom],
                                           registrations: [accepted(Kids.tom, "alsh-mercredi", year: "2026", validity: .schoolYear)], bookings: [])
        // Deadline for Wednesday 14 January: Wednesday 7 January 23:59:59 (5 working days).
        let onTime = judge.decide(book("2026-01-14", Kids.tom, "alsh-mercredi", "journee"), context: context, now: instant("2026-01-07T23:00:00+01:00"))
        #expect(onTime.amount.french == "12,00 €")
        #expect(!onTime.needsValidation)
        let late = judge.decide(book("2026-01-14", Kids.tom, "alsh-mercredi", "journee"), context: context, now: instant("2026-01-08T08:00:00+01:00"))
        #expect(late.allowed)
        #expect(late.needsValidation)
        #expect(late.amount.french == "15,00 €")
        #expect(late.tariff == .lateSurcharge)
    }

    @Test func lateCancellation_isBilledAtTheUnitPrice() throws {
        let judge = BookingJudge(engine: try engine("val-de-lauze"))
        let booked = ExistingBooking(slot: slot("2026-01-14", Kids.tom, "alsh-mercredi", "journee"), status: .booked)
        let context = FamilyBookingContext(quotient: 600, residency: .resident, children: [Kids.tom],
                                           registrations: [accepted(Kids.tom, "alsh-mercredi", year: "2026", validity: .schoolYear)], bookings: [booked])
        let decision = judge.decide(cancel("2026-01-14", Kids.tom, "alsh-mercredi", "journee"), context: context, now: instant("2026-01-12T08:00:00+01:00"))
        #expect(decision.allowed)
        #expect(decision.needsValidation)
        #expect(decision.amount.french == "12,00 €")
        #expect(decision.tariff == .lateCancellation)
        let onTime = judge.decide(cancel("2026-01-14", Kids.tom, "alsh-mercredi", "journee"), context: context, now: instant("2026-01-06T08:00:00+01:00"))
        #expect(onTime.amount == .zero)
        #expect(onTime.tariff == .none)
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        let line: BasketLine
        let bookings: [ExistingBooking]
        let now: String
        let rule: String
        let message: String
        var testDescription: String { rule }
    }

    @Test(arguments: [
        Refusal(line: book("2026-01-07", Kids.lea, "alsh-mercredi", "journee"), bookings: [], now: "2026-01-05T10:00:00+01:00",
                rule: "booking.calendarDaysBefore(5)",
                message: "Réservation close depuis le vendredi 2 janvier 2026 à 23 h 59 (délai : 5 jours calendaires avant la date)."),
        Refusal(line: book("2026-01-14", Kids.lea, "alsh-vacances", "journee"), bookings: [], now: "2026-01-05T10:00:00+01:00",
                rule: "notRegistered", message: "Léa n'a pas de pré-inscription acceptée à « ALSH vacances » pour le mercredi 14 janvier 2026."),
        Refusal(line: book("2026-01-14", Kids.lea, "alsh-mercredi", "journee"),
                bookings: [ExistingBooking(slot: slot("2026-01-14", Kids.lea, "alsh-mercredi", "journee"), status: .waitingList)],
                now: "2026-01-05T10:00:00+01:00", rule: "alreadyBooked", message: "Léa : L'enfant est déjà sur la liste d'attente de ce créneau."),
        Refusal(line: book("2026-01-14", Kids.lea, "alsh-mercredi", "matin"),
                bookings: [ExistingBooking(slot: slot("2026-01-14", Kids.lea, "alsh-mercredi", "journee"), status: .pendingValidation)],
                now: "2026-01-05T10:00:00+01:00", rule: "exclusivity",
                message: "« Matin » ne peut pas s'ajouter à « Journée avec repas », déjà réservé le mercredi 14 janvier 2026."),
        Refusal(line: cancel("2026-01-28", Kids.tom, "alsh-mercredi", "journee"), bookings: [], now: "2026-01-05T10:00:00+01:00",
                rule: "notBooked", message: "Aucune réservation de Tom à annuler le mercredi 28 janvier 2026."),
        Refusal(line: cancel("2026-01-14", Kids.tom, "alsh-mercredi", "journee"),
                bookings: [ExistingBooking(slot: slot("2026-01-14", Kids.tom, "alsh-mercredi", "journee"), status: .booked)],
                now: "2026-01-10T00:00:00+01:00", rule: "cancellation.calendarDaysBefore(5)",
                message: "Annulation close depuis le vendredi 9 janvier 2026 à 23 h 59 (délai : 5 jours calendaires avant la date)."),
    ])
    func refusedLine_carriesTheRuleAndItsFrenchReason(_ row: Refusal) throws {
        let judge = BookingJudge(engine: try engine("cayres-pradelles"))
        let context = FamilyBookingContext(quotient: 650, residency: .resident, children: [Kids.lea, Kids.tom],
                                           registrations: Self.cayresFamily.registrations, bookings: row.bookings)
        let decision = judge.decide(row.line, context: context, now: instant(row.now))
        #expect(!decision.allowed)
        #expect(decision.ruleID == row.rule)
        #expect(decision.message == row.message)
        #expect(decision.amount == .zero)
    }

    @Test func childTooYoungOnTheDay_isRefusedWhileOlderDaysAreAllowed() throws {
        let judge = BookingJudge(engine: try engine("cayres-pradelles"))
        let context = FamilyBookingContext(quotient: 650, residency: .resident, children: [Kids.bebe],
                                           registrations: [accepted(Kids.bebe, "alsh-mercredi")], bookings: [])
        let before = judge.decide(book("2026-06-10", Kids.bebe, "alsh-mercredi", "journee"), context: context, now: instant("2026-06-01T10:00:00+02:00"))
        let after = judge.decide(book("2026-06-17", Kids.bebe, "alsh-mercredi", "journee"), context: context, now: instant("2026-06-01T10:00:00+02:00"))
        #expect(before.ruleID == "audience")
        #expect(before.message == "« Alsh mercredi » est réservé aux 3-17 ans : ce n'est pas le cas de Jade le mercredi 10 juin 2026.")
        #expect(after.allowed)
    }

    @Test func recap_judgesCancellationsFirstSoASwapOnOneDayApplies() throws {
        let judge = BookingJudge(engine: try engine("val-de-lauze"))
        let booked = ExistingBooking(slot: slot("2026-01-14", Kids.lea, "alsh-mercredi", "matin"), status: .booked)
        let context = FamilyBookingContext(quotient: 600, residency: .resident, children: [Kids.lea],
                                           registrations: [accepted(Kids.lea, "alsh-mercredi", year: "2026", validity: .schoolYear)], bookings: [booked])
        // "journee" sorts before "matin": without cancellations first, the full day would clash with the morning.
        let basket = Basket(lines: [book("2026-01-14", Kids.lea, "alsh-mercredi", "journee"), cancel("2026-01-14", Kids.lea, "alsh-mercredi", "matin")])
        let recap = BasketRecap.make(basket, judge: judge, context: context, now: instant("2026-01-05T10:00:00+01:00"))
        #expect(recap.refused.isEmpty)
        #expect(recap.lines.map(\.actionLabel) == ["Réservation", "Annulation"])
        #expect(recap.total.french == "12,00 €")
    }

    @Test func whereCancellationsWaitForStaff_theMorningStillHoldsAndTheSwapIsRefused() throws {
        let judge = BookingJudge(engine: try engine("cayres-pradelles"))
        let booked = ExistingBooking(slot: slot("2026-01-14", Kids.lea, "alsh-mercredi", "matin"), status: .booked)
        let context = FamilyBookingContext(quotient: 650, residency: .resident, children: [Kids.lea],
                                           registrations: [accepted(Kids.lea, "alsh-mercredi")], bookings: [booked])
        let basket = Basket(lines: [book("2026-01-14", Kids.lea, "alsh-mercredi", "journee"), cancel("2026-01-14", Kids.lea, "alsh-mercredi", "matin")])
        let recap = BasketRecap.make(basket, judge: judge, context: context, now: instant("2026-01-05T10:00:00+01:00"))
        #expect(recap.lines.map(\.decision.allowed) == [false, true])
        #expect(recap.lines[0].decision.ruleID == "exclusivity")
        #expect(recap.lines[1].decision.needsValidation)
    }

    @Test func twoExclusiveUnitsInOneBasket_refuseTheLaterOne() throws {
        let judge = BookingJudge(engine: try engine("cayres-pradelles"))
        let basket = Basket(lines: [book("2026-01-14", Kids.lea, "alsh-mercredi", "journee"), book("2026-01-14", Kids.lea, "alsh-mercredi", "matin")])
        let recap = BasketRecap.make(basket, judge: judge, context: Self.cayresFamily, now: instant("2026-01-05T10:00:00+01:00"))
        #expect(recap.lines.map(\.decision.allowed) == [true, false])
        #expect(recap.lines[1].decision.ruleID == "exclusivity")
        #expect(recap.total.french == "9,50 €")
    }
}
