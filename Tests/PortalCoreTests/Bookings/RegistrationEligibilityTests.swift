import Testing
@testable import PortalCore

@Suite struct RegistrationEligibilityTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let tenant: String
        let activity: String
        let child: BookableChild
        let periodDate: String
        let today: String
        let reason: String?
        var testDescription: String { "\(child.firstName) → \(tenant)/\(activity) in \(periodDate)" }
    }

    @Test(arguments: [
        Row(tenant: "cayres-pradelles", activity: "alsh-mercredi", child: Kids.lea, periodDate: "2026-06-01", today: "2026-01-05", reason: nil),
        // Jade turns 3 on 15 June 2026: she may register for 2026, not for 2025.
        Row(tenant: "cayres-pradelles", activity: "alsh-mercredi", child: Kids.bebe, periodDate: "2026-06-01", today: "2026-01-05", reason: nil),
        Row(tenant: "cayres-pradelles", activity: "alsh-mercredi", child: Kids.bebe, periodDate: "2025-06-01", today: "2025-03-05",
            reason: "Jade n'aura pas 3 ans avant la fin de l'année 2025 : « Alsh mercredi » accueille les enfants de 3 à 17 ans."),
        Row(tenant: "cayres-pradelles", activity: "ados", child: Kids.lea, periodDate: "2026-06-01", today: "2026-01-05",
            reason: "Léa n'aura pas 11 ans avant la fin de l'année 2026 : « Journée ados » accueille les enfants de 11 à 17 ans."),
        Row(tenant: "cayres-pradelles", activity: "alsh-vacances", child: BookableChild(id: 9, firstName: "Noé", birthDate: day("2014-02-01"), schoolLevel: nil),
            periodDate: "2026-06-01", today: "2026-03-01",
            reason: "Noé a 12 ans : « ALSH vacances » accueille les enfants de 3 à 10 ans."),
        Row(tenant: "saint-aubin-des-pres", activity: "cl-elementaire-mercredis", child: Kids.lea, periodDate: "2026-01-15", today: "2025-09-01", reason: nil),
        Row(tenant: "saint-aubin-des-pres", activity: "cl-elementaire-mercredis", child: Kids.tom, periodDate: "2026-01-15", today: "2025-09-01",
            reason: "Tom est en GS : « CL Élémentaire Mercredis » est réservé aux niveaux CP, CE1, CE2, CM1, CM2."),
        Row(tenant: "saint-aubin-des-pres", activity: "alae-matin", child: Kids.bebe, periodDate: "2026-01-15", today: "2025-09-01",
            reason: "Le niveau scolaire de Jade n'est pas renseigné dans le dossier : « ALAE Matin » est réservé aux niveaux TPS, PS, MS, GS, CP, CE1, CE2, CM1, CM2."),
        Row(tenant: "cayres-pradelles", activity: "alsh-mercredi", child: Kids.lea, periodDate: "2025-06-01", today: "2026-01-05",
            reason: "La période année 2025 est terminée."),
    ])
    func eligibility_givesAClearFrenchReason(_ row: Row) throws {
        let tenant = try shippedTenant(row.tenant)
        let activity = try #require(tenant.activity(row.activity))
        let period = RegistrationPeriod.containing(day(row.periodDate), validity: tenant.registration.validity)
        let result = RegistrationEligibility.check(child: row.child, activity: activity, period: period, existing: [], today: day(row.today))
        #expect(result.reason == row.reason)
    }

    @Test func secondRequestForTheSamePeriod_isRefusedUnlessTheFirstWasRefused() throws {
        let tenant = try shippedTenant("cayres-pradelles")
        let activity = try #require(tenant.activity("alsh-mercredi"))
        let period = RegistrationPeriod.containing(day("2026-02-01"), validity: .calendarYear)
        let pending = Registration(childID: Kids.lea.id, activityCode: "alsh-mercredi", period: period, status: .pending)
        let refused = Registration(childID: Kids.lea.id, activityCode: "alsh-mercredi", period: period, status: .refused, refusalReason: "Complet")
        #expect(RegistrationEligibility.check(child: Kids.lea, activity: activity, period: period, existing: [pending], today: day("2026-01-05")).reason
                == "Léa a déjà une pré-inscription à « Alsh mercredi » pour l'année 2026 (Demande en cours).")
        #expect(RegistrationEligibility.check(child: Kids.lea, activity: activity, period: period, existing: [refused], today: day("2026-01-05")) == .eligible)
    }
}
