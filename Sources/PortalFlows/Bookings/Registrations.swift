public import Foundation
import PortalCore
public import PortalStore
import Postgres

/// The family a booking page acts for, alone: what the pré-inscription form shows around.
public struct BookingFamilyLookup: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// nil when the account is linked to no family yet (`BookingFamily.resolve`).
    public func load(accountID: Int64, family asked: Int64??) throws -> BookingFamily? {
        try town.transaction { try BookingFamily.resolve(accountID: accountID, asked: asked, in: $0) }
    }
}

/// « Inscriptions »: the family's pré-inscriptions with their status.
public struct RegistrationsPage: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// nil when the account is linked to no family yet.
    public func load(accountID: Int64, family asked: Int64??) throws -> (family: BookingFamily, registrations: [StoredRegistration])? {
        try town.transaction { connection in
            guard let family = try BookingFamily.resolve(accountID: accountID, asked: asked, in: connection) else { return nil }
            return (family, try RegistrationStore.forFamily(family.id, validity: town.tenant.registration.validity, in: connection))
        }
    }
}

/// The pré-inscription form as the family filled it in, kept to show it again with its errors.
public struct PreRegistrationForm: Sendable, Equatable {
    public var activity = ""
    public var children: [Int64] = []
    /// `courante` or `suivante`.
    public var period = "courante"
    /// `activity|unit` of the optional first days, empty for none.
    public var unit = ""
    public var weekdays: [Int] = []
    public var from = ""
    public var to = ""

    public init() {}
}

/// Pré-inscription requests for one activity and one or several children, each checked for
/// eligibility; accepted at once where the town validates automatically (the family is told by
/// e-mail, and any first days asked are booked), recorded in « Mes demandes » either way.
public struct RequestPreRegistration: Sendable {
    /// A message for one field of the form.
    public struct Problem: Sendable, Equatable {
        public let field: String
        public let message: String
    }

    public enum Outcome: Sendable {
        case requested(familyID: Int64)
        case invalid(BookingFamily, PreRegistrationForm, [Problem])
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(accountID: Int64, family asked: Int64??, form values: PreRegistrationForm, now: Date) throws -> Outcome {
        let tenant = town.tenant
        let today = ParisTime.localDate(of: now)
        let judge = town.judge
        return try town.transaction { connection -> Outcome in
            guard let family = try BookingFamily.resolve(accountID: accountID, asked: asked, in: connection) else { throw FlowError.notFound }
            var problems: [Problem] = []
            let activity = tenant.activity(values.activity)
            if activity == nil { problems.append(Problem(field: "activite", message: "Choisissez une activité.")) }
            let children = family.profile.children.filter { values.children.contains($0.id) }
            if children.isEmpty { problems.append(Problem(field: "enfant", message: "Choisissez au moins un enfant.")) }
            let current = RegistrationPeriod.containing(today, validity: tenant.registration.validity)
            let period = values.period == "suivante" ? current.next : current
            let existing = try RegistrationStore.forFamily(family.id, validity: tenant.registration.validity, in: connection).map(\.registration)
            if let activity {
                for child in children {
                    if let reason = RegistrationEligibility.check(child: child, activity: activity, period: period, existing: existing, today: today).reason {
                        problems.append(Problem(field: "enfant", message: reason))
                    }
                }
            }
            let days = Self.firstDays(values, activity: activity, period: period, engine: judge.engine, problems: &problems)
            guard problems.isEmpty, let activity else { return .invalid(family, values, problems) }
            for child in children {
                let registration = Registration.request(childID: child.id, activityCode: activity.code, period: period, policy: tenant.registration)
                let id = try RegistrationStore.create(registration, familyID: family.id, now: now, in: connection)
                try RegistrationStore.addDays(days, registrationID: id, in: connection)
                let accepted = registration.status == .accepted
                let requestID = try Requests.record(BookingEffects.registrationKind,
                                                    summary: "Pré-inscription de \(child.firstName) à « \(activity.label) » (\(period.label))",
                                                    accountID: accountID, familyID: family.id, status: accepted ? .accepted : .pending,
                                                    note: accepted ? "Acceptée automatiquement." : "", actor: accepted ? .system : .family,
                                                    now: now, in: connection)
                try RegistrationStore.setRequest(registrationID: id, requestID: requestID, in: connection)
                guard accepted else { continue }
                let link = town.url(town.links.registrations(family: family.id))
                for email in try FamilyDirectory.emails(familyID: family.id, in: connection) {
                    try Outbox.enqueue(BookingMails.registration(tenant, to: email, childName: child.firstName, activity: activity.label, period: period.label,
                                                                 accepted: true, reason: nil, link: link), now: now, in: connection)
                }
                let stored = StoredRegistration(registration: Registration(id: id, childID: child.id, activityCode: activity.code, period: period, status: .accepted),
                                                familyID: family.id, createdAt: now)
                try BookingEffects(town: town).bookFirstDays(stored, now: now, in: connection)
            }
            return .requested(familyID: family.id)
        }
    }

    /// The optional first days: one unit of the activity on chosen weekdays inside the period.
    private static func firstDays(_ values: PreRegistrationForm, activity: Activity?, period: RegistrationPeriod, engine: RulesEngine,
                                  problems: inout [Problem]) -> [(unit: String, date: LocalDate)] {
        guard !values.unit.isEmpty else { return [] }
        let parts = values.unit.split(separator: "|").map(String.init)
        guard let activity, parts.count == 2, parts[0] == activity.code, activity.unit(parts[1]) != nil else {
            problems.append(Problem(field: "unite", message: "Choisissez une prestation de l'activité demandée."))
            return []
        }
        guard !values.weekdays.isEmpty, let from = LocalDate(iso: values.from), let to = LocalDate(iso: values.to), from <= to else {
            problems.append(Problem(field: "unite", message: "Pour réserver des premiers jours, cochez les jours de la semaine et indiquez les dates de début et de fin."))
            return []
        }
        let first = max(from, period.firstDay), last = min(to, period.lastDay)
        guard first <= last else {
            problems.append(Problem(field: "du", message: "Les dates doivent être dans la période de la pré-inscription (\(period.label))."))
            return []
        }
        return JoursTypes(weekdays: Set(values.weekdays), firstDay: first, lastDay: last, childIDs: [0], activity: activity.code, units: [parts[1]])
            .lines { engine.offers(activity: activity.code, unit: $1, on: $0) }.map { ($0.slot.unit, $0.slot.date) }
    }
}
