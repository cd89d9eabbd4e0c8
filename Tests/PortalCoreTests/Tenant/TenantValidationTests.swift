import Testing
@testable import PortalCore

/// One validation rule per row: the fixture with one value changed (nil removes it) gives
/// exactly this error.
struct ValidationCase: Sendable, CustomTestStringConvertible {
    let path: [JSONStep]
    let value: String?
    let expected: String

    init(_ path: [JSONStep], _ value: String?, _ expected: String) {
        self.path = path
        self.value = value
        self.expected = expected
    }

    var testDescription: String { expected }
}

private let activity: [JSONStep] = ["activities", 0]
private let booking: [JSONStep] = activity + ["booking"]

@Suite struct TenantValidationTests {
    @Test func fixture_isValid() {
        #expect(TenantFixture.errors(TenantFixture.base) == [])
    }

    @Test(arguments: [
        ValidationCase(["name"], nil, "tenants/test.json: name: is required"),
        ValidationCase(["name"], #"" ""#, "tenants/test.json: name: must not be empty"),
        ValidationCase(["shortName"], "3", "tenants/test.json: shortName: must be a string"),
        ValidationCase(["shortNmae"], #""Test""#, "tenants/test.json: shortNmae: unknown field (did you mean \"shortName\"?)"),
        ValidationCase(["colours"], "{}", "tenants/test.json: colours: unknown field"),
        ValidationCase(["id"], #""Test_1""#, "tenants/test.json: id: must match ^[a-z][a-z0-9-]{0,40}$"),
        ValidationCase(["id"], #""other""#, "tenants/test.json: id: must equal the file name \"test\""),
        ValidationCase(["schema"], #""t-test""#, "tenants/test.json: schema: must match ^[a-z][a-z0-9_]{0,62}$"),
        ValidationCase(["hosts", "subdomain"], #""operateur""#, "tenants/test.json: hosts.subdomain: is reserved for the platform (operateur, www)"),
        ValidationCase(["hosts", "extraDomains", 0], #""Famille.Test""#, "tenants/test.json: hosts.extraDomains[0]: must be a lower-case domain name"),
        ValidationCase(["branding", "primaryColor"], #""blue""#, "tenants/test.json: branding.primaryColor: must be a colour #RRGGBB"),
        ValidationCase(["branding", "accentColor"], ##""#ABCDEG""##, "tenants/test.json: branding.accentColor: must be a colour #RRGGBB"),
        ValidationCase(["contact", "email"], #""enfance.test.example""#, "tenants/test.json: contact.email: must be an e-mail address"),
        ValidationCase(["tabs", 1], #""factures""#, "tenants/test.json: tabs[1]: must be one of dossier, inscriptions, planning, facturation, messagerie, actualites, documents"),
        ValidationCase(["tabs", 1], #""dossier""#, "tenants/test.json: tabs[1]: duplicate tab \"dossier\""),
        ValidationCase(["passwordPolicy"], #"{"requiredClasses": ["symbol"]}"#, "tenants/test.json: passwordPolicy.requiredClasses[0]: must be one of lower, upper, digit, special"),
        ValidationCase(["passwordPolicy"], #"{"minLength": 0}"#, "tenants/test.json: passwordPolicy.minLength: must be a positive integer"),
        ValidationCase(["schoolZone"], #""D""#, "tenants/test.json: schoolZone: must be one of A, B, C"),
        ValidationCase(["closures", 0, "from"], #""2026-02-30""#, "tenants/test.json: closures[0].from: must be a date YYYY-MM-DD"),
        ValidationCase(["closures", 0, "to"], #""2026-08-02""#, "tenants/test.json: closures[0].to: must not be before from"),
        ValidationCase(["registration", "validity"], #""forever""#, "tenants/test.json: registration.validity: must be one of calendarYear, schoolYear"),
        ValidationCase(["messaging", "maxAttachmentBytes"], "0", "tenants/test.json: messaging.maxAttachmentBytes: must be a positive integer"),
        ValidationCase(["messaging", "services", 1], #"{"code": "alsh", "label": "Autre"}"#, "tenants/test.json: messaging.services[1].code: duplicate service code \"alsh\""),
        ValidationCase(["activities", 1], TenantFixture.baseValue.at(activity).text, "tenants/test.json: activities[1].code: duplicate activity code \"alsh\""),
        ValidationCase(activity + ["code"], #""Alsh""#, "tenants/test.json: activities[0].code: must match ^[a-z][a-zA-Z0-9-]{0,40}$"),
        ValidationCase(activity + ["audience"], #"{"ageRange": {"min": 3, "max": 10}, "schoolLevels": ["cp"]}"#, "tenants/test.json: activities[0].audience: must have exactly one of ageRange, schoolLevels"),
        ValidationCase(activity + ["audience", "ageRange", "max"], "2", "tenants/test.json: activities[0].audience.ageRange.max: must not be less than min"),
        ValidationCase(activity + ["audience"], #"{"schoolLevels": ["6e"]}"#, "tenants/test.json: activities[0].audience.schoolLevels[0]: must be one of tps, ps, ms, gs, cp, ce1, ce2, cm1, cm2"),
        ValidationCase(activity + ["runs"], "{}", "tenants/test.json: activities[0].runs: must name at least one kind of day"),
        ValidationCase(activity + ["runs", "schoolHolidayWeekdays", "exceptHolidays", 0], #""christmas""#, "tenants/test.json: activities[0].runs.schoolHolidayWeekdays.exceptHolidays[0]: must be one of toussaint, noel, hiver, printemps, ete, pontAscension"),
        ValidationCase(activity + ["units", 0, "capacity"], "0", "tenants/test.json: activities[0].units[0].capacity: must be a positive integer"),
        ValidationCase(activity + ["units", 0, "capacity"], "2.5", "tenants/test.json: activities[0].units[0].capacity: must be a positive integer"),
        ValidationCase(activity + ["units", 1, "code"], #""journee""#, "tenants/test.json: activities[0].units[1].code: duplicate unit code \"journee\""),
        ValidationCase(activity + ["units", 0, "end"], #""08:00""#, "tenants/test.json: activities[0].units[0].end: must be after start"),
        ValidationCase(activity + ["units", 0, "start"], #""8h30""#, "tenants/test.json: activities[0].units[0].start: must be a time HH:MM"),
        ValidationCase(activity + ["units", 0, "priceCode"], #""jour""#, "tenants/test.json: activities[0].units[0].priceCode: no price table \"jour\" in prices"),
        ValidationCase(activity + ["units"], "[]", "tenants/test.json: activities[0].units: must list at least one unit"),
        ValidationCase(activity + ["exclusions", 0, "excludes", 0], #""matim""#, "tenants/test.json: activities[0].exclusions[0].excludes[0]: unknown unit \"matim\""),
        ValidationCase(activity + ["supplements", 0, "closedUnits", 0], #""soir""#, "tenants/test.json: activities[0].supplements[0].closedUnits[0]: unknown unit \"soir\""),
        ValidationCase(activity + ["supplements", 0, "amountCents"], "-500", "tenants/test.json: activities[0].supplements[0].amountCents: must not be negative"),
        ValidationCase(activity + ["supplements", 0, "date"], #""2026-03-21""#, "tenants/test.json: activities[0].supplements[0].date: the activity does not run on 2026-03-21 (not one of its days)"),
        ValidationCase(activity + ["supplements", 0, "date"], #""2026-08-05""#, "tenants/test.json: activities[0].supplements[0].date: the activity does not run on 2026-08-05 (closure \"Fermeture estivale\")"),
        ValidationCase(activity + ["billing"], #""monthly""#, "tenants/test.json: activities[0].billing: must be one of booked, attended"),
        ValidationCase(activity + ["prices", "journee", 0, "residentCents"], "-100", "tenants/test.json: activities[0].prices.journee[0].residentCents: must not be negative"),
        ValidationCase(activity + ["prices", "journee", 0, "residentCents"], "10.5", "tenants/test.json: activities[0].prices.journee[0].residentCents: must be an integer number of cents"),
        ValidationCase(activity + ["prices", "journee", 1, "minQuotient"], "700", "tenants/test.json: activities[0].prices.journee[1].minQuotient: overlaps bracket [0]"),
        ValidationCase(activity + ["prices", "journee", 1, "minQuotient"], "800", "tenants/test.json: activities[0].prices.journee[1].minQuotient: leaves quotients 701-799 without a price"),
        ValidationCase(activity + ["prices", "journee", 0, "minQuotient"], "100", "tenants/test.json: activities[0].prices.journee[0].minQuotient: the first bracket must start at 0"),
        ValidationCase(activity + ["prices", "journee", 1, "maxQuotient"], "5000", "tenants/test.json: activities[0].prices.journee[1].maxQuotient: the last bracket must omit maxQuotient (quotients above 5000 need a price)"),
        ValidationCase(activity + ["prices", "journee", 0, "cents"], "900", "tenants/test.json: activities[0].prices.journee[0]: must have either cents, or residentCents and nonResidentCents"),
        ValidationCase(booking + ["deadline", "workingDaysBefore"], "2", "tenants/test.json: activities[0].booking.deadline: must have exactly one of calendarDaysBefore, workingDaysBefore, monthlyCutoffDay"),
        ValidationCase(booking + ["deadline"], #"{"monthlyCutoffDay": 31}"#, "tenants/test.json: activities[0].booking.deadline.monthlyCutoffDay: must be a day between 1 and 28"),
        ValidationCase(booking + ["deadline", "calendarDaysBefore"], "-1", "tenants/test.json: activities[0].booking.deadline.calendarDaysBefore: must be a non-negative integer"),
        ValidationCase(booking + ["deadline", "time"], #""25:00""#, "tenants/test.json: activities[0].booking.deadline.time: must be a time HH:MM"),
        ValidationCase(booking + ["absenceDeadline"], #"{"calendarDaysBefore": 0, "late": {"policy": "request"}}"#, "tenants/test.json: activities[0].booking.absenceDeadline.late: must be refuse or surcharge: a late absence is not sent to staff"),
        ValidationCase(booking + ["absenceDeadline"], #"{"time": "09:00"}"#, "tenants/test.json: activities[0].booking.absenceDeadline: must have exactly one of calendarDaysBefore, workingDaysBefore, monthlyCutoffDay"),
        ValidationCase(booking + ["deadline", "late", "policy"], #""fine""#, "tenants/test.json: activities[0].booking.deadline.late.policy: must be one of refuse, request, surcharge"),
        ValidationCase(booking + ["deadline", "late"], #"{"policy": "surcharge"}"#, "tenants/test.json: activities[0].booking.deadline.late: must have fixedCents or unitPricePlusCents"),
        ValidationCase(booking + ["deadline", "late"], #"{"policy": "refuse", "fixedCents": 400}"#, "tenants/test.json: activities[0].booking.deadline.late: a refused late action carries no surcharge"),
        ValidationCase(booking + ["deadline"], nil, "tenants/test.json: activities[0].booking.deadline: is required: windows only cover school holidays and the activity runs on other days"),
        ValidationCase(booking + ["opens", "nonResidentDaysBefore"], nil, "tenants/test.json: activities[0].booking.opens.nonResidentDaysBefore: is required"),
        ValidationCase(booking + ["opens", "period"], #""week""#, "tenants/test.json: activities[0].booking.opens.period: must be one of schoolPeriod, month"),
        ValidationCase(booking + ["windows", 0, "to"], #""2026-01-04""#, "tenants/test.json: activities[0].booking.windows[0].to: must not be before from"),
        ValidationCase(booking + ["windows", 0, "schoolYear"], #""2030-2031""#, "tenants/test.json: activities[0].booking.windows[0].schoolYear: must be one of the school years in the calendar: 2024-2025, 2025-2026, 2026-2027"),
        ValidationCase(booking + ["windows", 1], #"{"period": "hiver", "schoolYear": "2025-2026", "to": "2026-02-01"}"#, "tenants/test.json: activities[0].booking.windows[1]: duplicate window for hiver 2025-2026"),
    ])
    func invalidValue_isReportedWithItsPathAndMessage(_ row: ValidationCase) {
        let broken = TenantFixture.baseValue.setting(row.path, to: row.value.map(JSONValue.json))
        #expect(TenantFixture.errors(broken.text) == [row.expected])
    }

    @Test func deadlineMissing_onAnActivityWithoutWindows_isRequired() {
        let broken = TenantFixture.baseValue.setting(booking + ["windows"], to: nil).setting(booking + ["deadline"], to: nil)
        #expect(TenantFixture.errors(broken.text) == ["tenants/test.json: activities[0].booking.deadline: is required unless windows are given"])
    }

    @Test func malformedJSON_isReportedWithLineAndColumn() {
        #expect(TenantFixture.errors("{\n  \"id\": \"test\",\n}") == ["tenants/test.json: invalid JSON at line 3, column 1: expected a key in quotes"])
    }

    @Test func duplicateKey_isReported() {
        let text = TenantFixture.base.replacingOccurrences(of: #""shortName": "Test","#, with: #""shortName": "Test", "shortName": "Autre","#)
        #expect(TenantFixture.errors(text).contains("tenants/test.json: shortName: duplicate key"))
    }

    @Test func everyErrorOfAFile_isReported_notOnlyTheFirst() {
        let broken = TenantFixture.baseValue
            .setting(["branding", "primaryColor"], to: .string("red"))
            .setting(activity + ["units", 1, "capacity"], to: .number("-3"))
            .setting(["tabs", 0], to: .string("accueil"))
        #expect(TenantFixture.errors(broken.text) == [
            "tenants/test.json: branding.primaryColor: must be a colour #RRGGBB",
            "tenants/test.json: tabs[0]: must be one of dossier, inscriptions, planning, facturation, messagerie, actualites, documents",
            "tenants/test.json: activities[0].units[1].capacity: must be a positive integer",
        ])
    }

    @Test func optionalPasswordPolicy_defaultsTo50BitsAnd8Characters() throws {
        let tenant = try TenantFixture.decode(TenantFixture.base).get()
        #expect(tenant.passwordPolicy == PasswordPolicy(minEntropyBits: 50, minLength: 8, requiredClasses: []))
    }

    @Test func openingPeriod_defaultsToTheSchoolPeriodForHolidayActivities() throws {
        let tenant = try TenantFixture.decode(TenantFixture.base).get()
        #expect(tenant.activities[0].booking.opening?.period == .schoolPeriod)
        #expect(tenant.activities[0].booking.cancellationDeadline == nil)
        #expect(tenant.activities[0].booking.deadline(for: .cancel) == tenant.activities[0].booking.bookingDeadline)
    }

    @Test func supplementWithoutUnits_billsEveryOpenUnit() throws {
        let tenant = try TenantFixture.decode(TenantFixture.base).get()
        #expect(tenant.activities[0].supplements[0].units == ["journee"])
    }
}
