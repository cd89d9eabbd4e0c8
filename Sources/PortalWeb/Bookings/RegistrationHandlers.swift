import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// « Inscriptions »: the list, and pré-inscription requests for one activity and one or several
/// children, each checked for eligibility; accepted at once where the town validates
/// automatically (the family is told, and any first days asked are booked).
enum RegistrationHandlers {
    static func list(_ context: RequestContext) throws -> HTTPResponse {
        try BookingSupport.requireTab(context, .inscriptions)
        let page = try context.transaction { connection -> (BookingFamily, [StoredRegistration])? in
            guard let family = try BookingSupport.family(context, in: connection) else { return nil }
            return (family, try RegistrationStore.forFamily(family.id, validity: context.tenant.registration.validity, in: connection))
        }
        guard let (family, registrations) = page else { return BookingSupport.noFamily(context, tab: .inscriptions) }
        return .html(RegistrationViews.list(context, family: family, registrations: registrations))
    }

    static func form(_ context: RequestContext) throws -> HTTPResponse {
        try BookingSupport.requireTab(context, .inscriptions)
        guard let family = try context.transaction({ try BookingSupport.family(context, in: $0) }) else {
            return BookingSupport.noFamily(context, tab: .inscriptions)
        }
        var values = RegistrationViews.FormValues()
        values.activity = context.request.queryValue("activite") ?? ""
        return .html(RegistrationViews.form(context, family: family, values: values, errors: FieldErrors()))
    }

    static func create(_ context: RequestContext) throws -> HTTPResponse {
        try BookingSupport.requireTab(context, .inscriptions)
        let account = try context.family
        let tenant = context.tenant
        let today = BookingSupport.today(context)
        let judge = BookingSupport.judge(tenant)
        enum Outcome { case done(Int64), invalid(BookingFamily, RegistrationViews.FormValues, FieldErrors) }
        let outcome = try context.transaction { connection -> Outcome in
            guard let family = try BookingSupport.family(context, in: connection) else { throw RouteError.notFound }
            var values = RegistrationViews.FormValues()
            values.activity = context.form.text("activite")
            values.children = context.formValues("enfant").compactMap { Int64($0) }
            values.period = context.form.text("periode")
            values.unit = context.form.text("unite")
            values.weekdays = context.formValues("jour").compactMap { Int($0) }.filter { (1...7).contains($0) }
            values.from = context.form.text("du")
            values.to = context.form.text("au")
            var errors = FieldErrors()
            let activity = tenant.activity(values.activity)
            if activity == nil { errors.add("activite", "Choisissez une activité.") }
            let children = family.profile.children.filter { values.children.contains($0.id) }
            if children.isEmpty { errors.add("enfant", "Choisissez au moins un enfant.") }
            let current = RegistrationPeriod.containing(today, validity: tenant.registration.validity)
            let period = values.period == "suivante" ? current.next : current
            let existing = try RegistrationStore.forFamily(family.id, validity: tenant.registration.validity, in: connection).map(\.registration)
            if let activity {
                for child in children {
                    if let reason = RegistrationEligibility.check(child: child, activity: activity, period: period, existing: existing, today: today).reason {
                        errors.add("enfant", reason)
                    }
                }
            }
            let days = firstDays(values, activity: activity, period: period, engine: judge.engine, errors: &errors)
            guard errors.isEmpty, let activity else { return .invalid(family, values, errors) }
            for child in children {
                let registration = Registration.request(childID: child.id, activityCode: activity.code, period: period, policy: tenant.registration)
                let id = try RegistrationStore.create(registration, familyID: family.id, now: context.now, in: connection)
                try RegistrationStore.addDays(days, registrationID: id, in: connection)
                let accepted = registration.status == .accepted
                let requestID = try Requests.record(BookingEffects.registrationKind,
                                                    summary: "Pré-inscription de \(child.firstName) à « \(activity.label) » (\(period.label))",
                                                    accountID: account.id, familyID: family.id, status: accepted ? .accepted : .pending,
                                                    note: accepted ? "Acceptée automatiquement." : "", actor: accepted ? .system : .family,
                                                    now: context.now, in: connection)
                try RegistrationStore.setRequest(registrationID: id, requestID: requestID, in: connection)
                guard accepted else { continue }
                let link = context.baseURL + BookingPaths.registrations(family: family.id)
                for email in try FamilyDirectory.emails(familyID: family.id, in: connection) {
                    try Outbox.enqueue(BookingMails.registration(tenant, to: email, childName: child.firstName, activity: activity.label, period: period.label,
                                                                 accepted: true, reason: nil, link: link), now: context.now, in: connection)
                }
                let stored = StoredRegistration(registration: Registration(id: id, childID: child.id, activityCode: activity.code, period: period, status: .accepted),
                                                familyID: family.id, createdAt: context.now)
                try BookingEffects(town: context.town).bookFirstDays(stored, now: context.now, in: connection)
            }
            return .done(family.id)
        }
        switch outcome {
        case .done(let family):
            return .redirect(to: BookingPaths.registrations(family: family) + "&message=preinscription")
        case let .invalid(family, values, errors):
            return .html(RegistrationViews.form(context, family: family, values: values, errors: errors), status: .unprocessableContent)
        }
    }

    /// The optional first days: one unit of the activity on chosen weekdays inside the period.
    private static func firstDays(_ values: RegistrationViews.FormValues, activity: Activity?, period: RegistrationPeriod, engine: RulesEngine,
                                  errors: inout FieldErrors) -> [(unit: String, date: LocalDate)] {
        guard !values.unit.isEmpty else { return [] }
        let parts = values.unit.split(separator: "|").map(String.init)
        guard let activity, parts.count == 2, parts[0] == activity.code, activity.unit(parts[1]) != nil else {
            errors.add("unite", "Choisissez une prestation de l'activité demandée.")
            return []
        }
        guard !values.weekdays.isEmpty, let from = LocalDate(iso: values.from), let to = LocalDate(iso: values.to), from <= to else {
            errors.add("unite", "Pour réserver des premiers jours, cochez les jours de la semaine et indiquez les dates de début et de fin.")
            return []
        }
        let first = max(from, period.firstDay), last = min(to, period.lastDay)
        guard first <= last else {
            errors.add("du", "Les dates doivent être dans la période de la pré-inscription (\(period.label)).")
            return []
        }
        return JoursTypes(weekdays: Set(values.weekdays), firstDay: first, lastDay: last, childIDs: [0], activity: activity.code, units: [parts[1]])
            .lines { engine.offers(activity: activity.code, unit: $1, on: $0) }.map { ($0.slot.unit, $0.slot.date) }
    }
}
