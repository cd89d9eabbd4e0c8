import Foundation
import PortalCore
import PortalStore
import Postgres

/// What follows a change, in its transaction: the line in « Mes demandes », the e-mails to the
/// family's accounts, and the e-mails to families whose child got a freed place.
enum BookingEffects {
    static let bookingsKind = RequestKind(code: "bookings", label: "Réservations et annulations")
    static let registrationKind = RequestKind(code: "registration", label: "Pré-inscription")
    static let absenceKind = RequestKind(code: "absence", label: "Déclaration d'absence")

    /// A declared absence, in « Mes demandes »: done at once, with the charge of a late one.
    static func afterAbsence(_ booking: StoredBooking, family: BookingFamily, accountID: Int64, tenant: TenantConfig,
                             now: Date, in connection: PostgresConnection) throws {
        let labels = BookingViews.slotLabel(booking.slot, tenant: tenant)
        let summary = "Absence de \(family.childName(booking.slot.childId)) le \(FrenchDateFormat.long(booking.slot.date)) "
            + "(\(labels.activity) – \(labels.unit))"
        let note = booking.tariff == .lateAbsence
            ? "Déclarée hors délai : absence non excusée, facturée \(booking.amount.french)."
            : "Absence enregistrée."
        try Requests.record(absenceKind, summary: summary, accountID: accountID, familyID: family.id, status: .done, note: note,
                            now: now, in: connection)
    }

    static func afterConfirmation(_ confirmation: Confirmation, familyId: Int64, accountID: Int64?, childName: (Int64) -> String,
                                  tenant: TenantConfig, baseURL: String, now: Date, in connection: PostgresConnection) throws {
        let applied = confirmation.lines.filter { $0.outcome != nil }
        let bookings = applied.filter { $0.line.action == .book }.count
        let cancellations = applied.count - bookings
        let waiting = applied.contains { [.pendingValidation, .cancellationRequested].contains($0.outcome) }
        let draws = Set(applied.compactMap { $0.draw?.collected == true ? $0.draw?.at : nil }).sorted()
        var summary = "Réservation n° \(confirmation.id) : \(bookings) réservation(s), \(cancellations) annulation(s)"
        if applied.count < confirmation.lines.count { summary += ", \(confirmation.lines.count - applied.count) refusée(s)" }
        let notes = (waiting ? ["Certaines lignes attendent la validation du service."] : [])
            + draws.map { "En attente du tirage au sort du \(FrenchDateFormat.longWithTime($0))." }
        let requestID = try Requests.record(bookingsKind, summary: summary, accountID: accountID, familyID: familyId,
                                            status: notes.isEmpty ? .done : .pending, note: notes.joined(separator: " "),
                                            now: now, in: connection)
        try ConfirmationStore.setRequest(confirmationId: confirmation.id, requestId: requestID, in: connection)
        let link = baseURL + BookingPaths.planning(family: familyId)
        for email in try FamilyDirectory.emails(familyId: familyId, in: connection) {
            try Outbox.enqueue(BookingMails.recap(tenant, to: email, confirmation: confirmation, childName: childName, link: link),
                               now: now, in: connection)
        }
        try notify(confirmation.promotions, tenant: tenant, baseURL: baseURL, now: now, in: connection)
    }

    /// Families whose waiting child got a place are told (those passed over are not: they keep waiting).
    static func notify(_ promotions: [PromotionNotice], tenant: TenantConfig, baseURL: String, now: Date, in connection: PostgresConnection) throws {
        let promoted = promotions.filter { $0.status != nil }
        guard !promoted.isEmpty else { return }
        let names = try FamilyDirectory.childNames(promoted.map(\.slot.childId), in: connection)
        for notice in promoted {
            let link = baseURL + BookingPaths.planning(family: notice.familyId, anchor: notice.slot.date)
            for email in try FamilyDirectory.emails(familyId: notice.familyId, in: connection) {
                try Outbox.enqueue(BookingMails.promotion(tenant, to: email, notice: notice, childName: names[notice.slot.childId] ?? "Votre enfant",
                                                          link: link), now: now, in: connection)
            }
        }
    }

    /// An accepted pré-inscription: its first days are booked through the usual rules.
    static func bookFirstDays(_ registration: StoredRegistration, judge: BookingJudge, tenant: TenantConfig, baseURL: String,
                              now: Date, in connection: PostgresConnection) throws {
        let lines = try RegistrationStore.dayLines(of: registration.registration, in: connection)
        guard !lines.isEmpty else { return }
        try SlotStore.ensure(lines.map(\.slot), tenant: tenant, in: connection)
        let confirmation = try BookingStore.confirm(familyId: registration.familyId, lines: lines, judge: judge,
                                                    families: BookingSupport.profiles, now: now, in: connection)
        let names = try FamilyDirectory.childNames(lines.map(\.slot.childId), in: connection)
        try afterConfirmation(confirmation, familyId: registration.familyId, accountID: nil, childName: { names[$0] ?? "Enfant" },
                              tenant: tenant, baseURL: baseURL, now: now, in: connection)
    }
}
