import Testing
@testable import PortalCore

@Suite struct RegistrationTests {
    @Test(arguments: [
        ("2026-01-01", RegistrationPolicy.Validity.calendarYear, "2026-01-01", "2026-12-31", "année 2026"),
        ("2026-12-31", .calendarYear, "2026-01-01", "2026-12-31", "année 2026"),
        ("2026-08-31", .schoolYear, "2025-09-01", "2026-08-31", "année scolaire 2025-2026"),
        ("2026-09-01", .schoolYear, "2026-09-01", "2027-08-31", "année scolaire 2026-2027"),
        ("2028-02-29", .schoolYear, "2027-09-01", "2028-08-31", "année scolaire 2027-2028"),
    ])
    func period_coversTheTenantsKindOfYear(date: String, validity: RegistrationPolicy.Validity, first: String, last: String, label: String) {
        let period = RegistrationPeriod.containing(day(date), validity: validity)
        #expect(period.firstDay == day(first))
        #expect(period.lastDay == day(last))
        #expect(period.label == label)
    }

    @Test func nextPeriod_isTheFollowingYear() {
        #expect(RegistrationPeriod.containing(day("2026-03-01"), validity: .calendarYear).next.firstDay == day("2027-01-01"))
        #expect(RegistrationPeriod.containing(day("2026-03-01"), validity: .schoolYear).next.lastDay == day("2027-08-31"))
    }

    @Test(arguments: [
        (RegistrationPolicy.Validation.manual, RegistrationStatus.pending, "Demande en cours"),
        (.automatic, .accepted, "Réservation possible"),
    ])
    func newRequest_isAcceptedAtOnceOnlyWhereTheTownValidatesAutomatically(validation: RegistrationPolicy.Validation,
                                                                         status: RegistrationStatus, label: String) {
        let policy = RegistrationPolicy(validity: .calendarYear, validation: validation)
        let request = Registration.request(childID: 1, activityCode: "alsh-mercredi",
                                           period: RegistrationPeriod.containing(day("2026-01-10"), validity: .calendarYear), policy: policy)
        #expect(request.status == status)
        #expect(request.displayStatus(today: day("2026-01-10")).label == label)
    }

    @Test(arguments: [
        (RegistrationStatus.pending, "2026-12-31", RegistrationDisplayStatus.pending),
        (.pending, "2027-01-01", .ended),
        (.accepted, "2026-12-31", .accepted),
        (.accepted, "2027-01-01", .ended),
        (.refused, "2026-06-01", .refused),
        (.refused, "2027-01-01", .refused),
    ])
    func displayStatus_isTermineeOnceTheEndDateIsPastUnlessRefused(status: RegistrationStatus, today: String, expected: RegistrationDisplayStatus) {
        let registration = Registration(childID: 1, activityCode: "a", period: RegistrationPeriod.containing(day("2026-05-01"), validity: .calendarYear),
                                        status: status, refusalReason: status == .refused ? "Complet" : nil)
        #expect(registration.displayStatus(today: day(today)) == expected)
    }

    @Test func staffAccept_turnsAPendingRequestIntoReservationPossible() throws {
        let pending = Registration(childID: 1, activityCode: "a", period: RegistrationPeriod.containing(day("2026-05-01"), validity: .calendarYear), status: .pending)
        let result = try pending.accepted(today: day("2026-01-12"))
        #expect(result.status == .accepted)
        #expect(result.allowsBooking(on: day("2026-03-04")))
        #expect(!result.allowsBooking(on: day("2027-01-06")))
    }

    @Test func staffRefuse_keepsTheTrimmedReason() throws {
        let pending = Registration(childID: 1, activityCode: "a", period: RegistrationPeriod.containing(day("2026-05-01"), validity: .calendarYear), status: .pending)
        let result = try pending.refused(reason: "  Dossier incomplet : fiche sanitaire manquante \n", today: day("2026-01-12"))
        #expect(result.status == .refused)
        #expect(result.refusalReason == "Dossier incomplet : fiche sanitaire manquante")
        #expect(!result.allowsBooking(on: day("2026-03-04")))
    }

    @Test(arguments: [
        (RegistrationStatus.accepted, "2026-06-01", "accept", RegistrationTransitionError.alreadyAnswered(.accepted)),
        (.refused, "2026-06-01", "refuse", .alreadyAnswered(.refused)),
        (.pending, "2027-01-02", "accept", .periodOver),
        (.pending, "2026-06-01", "refuse-blank", .reasonRequired),
    ])
    func staffAnswer_isRefusedWhenNotPendingOrTooLateOrWithoutReason(status: RegistrationStatus, today: String, action: String,
                                                                      error: RegistrationTransitionError) {
        let registration = Registration(childID: 1, activityCode: "a", period: RegistrationPeriod.containing(day("2026-05-01"), validity: .calendarYear), status: status)
        #expect(throws: error) {
            switch action {
            case "accept": _ = try registration.accepted(today: day(today))
            case "refuse": _ = try registration.refused(reason: "Complet", today: day(today))
            default: _ = try registration.refused(reason: "   ", today: day(today))
            }
        }
        #expect(!error.frenchMessage.isEmpty)
    }
}
