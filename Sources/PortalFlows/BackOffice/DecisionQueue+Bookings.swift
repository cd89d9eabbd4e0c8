import Foundation
import PortalCore
import PortalStore
import Postgres

/// The two booking queues on the shared `DecisionQueue` behaviour: pré-inscriptions, and the
/// bookings and cancellations the town validates by hand.
extension DecisionQueue {
    /// Pré-inscriptions per activity and period; an accepted one books the first days the family
    /// asked with it, through the usual rules and capacity.
    public static let registrations = DecisionQueue(
        code: "registrations", itemNoun: "Pré-inscription",
        filters: { try registrationFilters($0, $1) }, load: { try registrationItems($0, $1, $2) },
        decide: { try decideRegistration($0, $1, $2, $3, $4) })

    /// Bookings awaiting validation and cancellation requests, per activity, days and kind; an
    /// answer that frees a place gives it to the first waiting child.
    public static let bookingRequests = DecisionQueue(
        code: "bookings", itemNoun: "Demande",
        filters: { tenant, _ in bookingFilters(tenant) }, load: { try bookingItems($0, $1, $2) },
        decide: { try decideBookingRequest($0, $1, $2, $3, $4) })

    private static func registrationFilters(_ tenant: TenantConfig, _ connection: PostgresConnection) throws -> [QueueFilter] {
        let periods = try RegistrationStore.pendingPeriods(validity: tenant.registration.validity, in: connection)
        let options: [(value: String, label: String)] = periods.map { period in
            (periodValue(period), period.label.prefix(1).uppercased() + period.label.dropFirst())
        }
        return [activityFilter(tenant), QueueFilter(name: "periode", label: "Période", options: [("", "Toutes les périodes")] + options)]
    }

    private static func registrationItems(_ filters: [String: String], _ tenant: TenantConfig, _ connection: PostgresConnection) throws -> [QueueItem] {
        let validity = tenant.registration.validity
        let period = filters["periode"].flatMap { Self.period(from: $0, validity: validity) }
        let pending = try RegistrationStore.pending(activity: filters["activite"], period: period, validity: validity, in: connection)
        let children = try FamilyDirectory.childNames(pending.map(\.registration.childID), in: connection)
        let families = try FamilyDirectory.familyNames(pending.map(\.familyID), in: connection)
        return pending.map { stored -> QueueItem in
            let registration = stored.registration
            let activity = tenant.activity(registration.activityCode)?.label ?? registration.activityCode
            let child = children[registration.childID] ?? "?"
            return QueueItem(id: registration.id ?? 0, who: families[stored.familyID] ?? "?",
                             summary: "\(child) – \(activity) – \(registration.period.label)",
                             submittedAt: stored.createdAt, subject: .family(stored.familyID))
        }
    }

    private static func decideRegistration(_ id: Int64, _ verdict: QueueVerdict, _ reason: String, _ context: QueueDecisionContext,
                                           _ connection: PostgresConnection) throws -> QueueItemOutcome {
        let tenant = context.tenant
        let accept = verdict == .accepted
        let answered: [StoredRegistration]
        do {
            answered = try RegistrationStore.answer(ids: [id], accept: accept, reason: reason, today: ParisTime.localDate(of: context.now),
                                                    now: context.now, validity: tenant.registration.validity, in: connection)
        } catch BookingStoreError.registration(.alreadyAnswered(_)) {
            return .alreadyDecided
        } catch BookingStoreError.registration(let error) {
            return .problem(error.frenchMessage)
        }
        guard let stored = answered.first else { return .problem("introuvable.") }
        let registration = stored.registration
        let activity = tenant.activity(registration.activityCode)?.label ?? registration.activityCode
        let childName = try FamilyDirectory.childNames([registration.childID], in: connection)[registration.childID] ?? "Votre enfant"
        if let requestID = try RegistrationStore.requestID(registrationID: id, in: connection) {
            try Requests.update(requestID: requestID, status: accept ? .accepted : .refused, note: accept ? "" : "Motif : \(reason)",
                                actor: .staff, now: context.now, in: connection)
        }
        let link = context.town.url(context.town.links.registrations(family: stored.familyID))
        let mails = try FamilyDirectory.emails(familyID: stored.familyID, in: connection).map { email in
            BookingMails.registration(tenant, to: email, childName: childName, activity: activity, period: registration.period.label,
                                      accepted: accept, reason: accept ? nil : reason, link: link)
        }
        if accept {
            try BookingEffects(town: context.town).bookFirstDays(stored, now: context.now, in: connection)
        }
        return .decided(summary: "\(childName), \(activity), \(registration.period.label)", mails: mails)
    }

    private static func bookingFilters(_ tenant: TenantConfig) -> [QueueFilter] {
        let kinds: [(value: String, label: String)] = BookingRequestKind.allCases.map { ($0.rawValue, $0.label) }
        return [activityFilter(tenant), .date(name: "du", label: "Jours du"), .date(name: "au", label: "au"),
                QueueFilter(name: BookingRequestKind.filter, label: "Type", options: [("", "Toutes les demandes")] + kinds)]
    }

    private static func bookingItems(_ filters: [String: String], _ tenant: TenantConfig, _ connection: PostgresConnection) throws -> [QueueItem] {
        let kind = filters[BookingRequestKind.filter].flatMap(BookingRequestKind.init(rawValue:))
        let from = filters["du"].flatMap { LocalDate(iso: $0) }, to = filters["au"].flatMap { LocalDate(iso: $0) }
        let requests = try BookingStore.staffQueue(activity: filters["activite"], from: from, to: to, limit: 500, in: connection)
            .filter { kind == nil || BookingRequestKind(of: $0) == kind }
        let children = try FamilyDirectory.childNames(requests.map(\.slot.childID), in: connection)
        let families = try FamilyDirectory.familyNames(requests.map(\.familyID), in: connection)
        return requests.map { request -> QueueItem in
            let labels = tenant.labels(of: request.slot)
            let kind = BookingRequestKind(of: request)
            let what = kind == .cancellation ? "Annulation" : "Réservation"
            let child = children[request.slot.childID] ?? "?"
            let amount = request.amount.cents > 0 ? " – \(request.amount.french)" : ""
            return QueueItem(id: request.bookingID, who: families[request.familyID] ?? "?",
                             summary: "\(what) du \(FrenchDateFormat.long(request.slot.date)) – \(child) – \(labels.activity), \(labels.unit)\(amount)",
                             submittedAt: request.requestedAt, subject: .family(request.familyID),
                             tags: kind == .late ? ["Hors délai"] : [])
        }
    }

    private static func decideBookingRequest(_ id: Int64, _ verdict: QueueVerdict, _ reason: String, _ context: QueueDecisionContext,
                                             _ connection: PostgresConnection) throws -> QueueItemOutcome {
        let tenant = context.tenant
        let accept = verdict == .accepted
        let note = reason.isEmpty ? nil : reason
        guard let found = try BookingStore.find(bookingID: id, in: connection) else { return .problem("introuvable.") }
        let change: BookingChange
        do {
            change = try BookingStore.answer(bookingID: id, accept: accept, note: note, judge: context.town.judge,
                                             families: BookingEffects.profiles, now: context.now, in: connection)
        } catch BookingStoreError.transition {
            return .alreadyDecided
        }
        let slot = found.booking.slot
        let childName = try FamilyDirectory.childNames([slot.childID], in: connection)[slot.childID] ?? "Votre enfant"
        if let (requestID, open) = try ConfirmationStore.request(ofBooking: id, in: connection) {
            let answer = "\(FrenchDateFormat.short(slot.date)), \(childName) : demande \(accept ? "acceptée" : "refusée")"
            try Requests.update(requestID: requestID, status: open > 0 ? .pending : .done, note: answer + (note.map { " (\($0))" } ?? ""),
                                actor: .staff, now: context.now, in: connection)
        }
        let link = context.town.url(context.town.links.planning(family: found.familyID, anchor: slot.date))
        let mails = try FamilyDirectory.emails(familyID: found.familyID, in: connection).map { email in
            BookingMails.answer(tenant, to: email, slot: slot, childName: childName, change: change, accepted: accept, note: note, link: link)
        }
        try BookingEffects(town: context.town).notify(change.promotions, now: context.now, in: connection)
        let what = change.from == .cancellationRequested ? "annulation" : "réservation"
        return .decided(summary: "\(what) du \(FrenchDateFormat.short(slot.date)), \(childName), \(tenant.labels(of: slot).activity)",
                        mails: mails)
    }

    private static func activityFilter(_ tenant: TenantConfig) -> QueueFilter {
        QueueFilter(name: "activite", label: "Activité", options: [("", "Toutes les activités")] + tenant.activities.map { ($0.code, $0.label) })
    }

    /// `2026-01-01_2026-12-31`: a period as the filter sends it.
    private static func periodValue(_ period: RegistrationPeriod) -> String { "\(period.firstDay.iso)_\(period.lastDay.iso)" }

    private static func period(from value: String, validity: RegistrationPolicy.Validity) -> RegistrationPeriod? {
        let days = value.split(separator: "_").compactMap { LocalDate(iso: String($0)) }
        guard days.count == 2 else { return nil }
        return RegistrationPeriod(validity: validity, firstDay: days[0], lastDay: days[1])
    }
}

/// The kinds of booking request the queue and the dashboard's counters tell apart.
public enum BookingRequestKind: String, CaseIterable, Sendable {
    case booking = "reservation"
    case late = "hors-delai"
    case cancellation = "annulation"

    /// The name of the queue's filter on kinds, which the dashboard's links set.
    public static let filter = "type"

    init(of request: StaffBookingRequest) {
        self = request.status == .cancellationRequested ? .cancellation : request.late ? .late : .booking
    }

    public var label: String {
        switch self {
        case .booking: "Réservations dans les délais"
        case .late: "Réservations hors délai"
        case .cancellation: "Annulations"
        }
    }
}
