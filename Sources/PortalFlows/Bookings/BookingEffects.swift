public import Foundation
import PortalCore
public import PortalStore
public import Postgres

/// What follows a change, in its transaction: the line in « Mes demandes », the e-mails to the
/// family's accounts, and the e-mails to families whose child got a freed place.
public struct BookingEffects: Sendable {
    public static let bookingsKind = RequestKind(code: "bookings", label: "Réservations et annulations")
    public static let registrationKind = RequestKind(code: "registration", label: "Pré-inscription")
    public static let absenceKind = RequestKind(code: "absence", label: "Déclaration d'absence")

    /// How the rules read a family's quotient, residency and children.
    public static let profiles = DossierBookingProfiles()

    let town: Town

    public init(town: Town) { self.town = town }

    /// A declared absence, in « Mes demandes »: done at once, with the charge of a late one.
    public func afterAbsence(_ booking: StoredBooking, familyID: Int64, childName: String, accountID: Int64, now: Date,
                      in connection: PostgresConnection) throws {
        let labels = town.tenant.labels(of: booking.slot)
        let summary = "Absence de \(childName) le \(FrenchDateFormat.long(booking.slot.date)) "
            + "(\(labels.activity) – \(labels.unit))"
        let note = booking.tariff == .lateAbsence
            ? "Déclarée hors délai : absence non excusée, facturée \(booking.amount.french)."
            : "Absence enregistrée."
        try Requests.record(Self.absenceKind, summary: summary, accountID: accountID, familyID: familyID, status: .done, note: note,
                            now: now, in: connection)
    }

    public func afterConfirmation(_ confirmation: Confirmation, familyID: Int64, accountID: Int64?, childName: (Int64) -> String,
                           now: Date, in connection: PostgresConnection) throws {
        let applied = confirmation.lines.filter { $0.outcome != nil }
        let bookings = applied.filter { $0.line.action == .book }.count
        let cancellations = applied.count - bookings
        let waiting = applied.contains { [.pendingValidation, .cancellationRequested].contains($0.outcome) }
        let draws = Set(applied.compactMap { $0.draw?.collected == true ? $0.draw?.at : nil }).sorted()
        var summary = "Réservation n° \(confirmation.id) : \(bookings) réservation(s), \(cancellations) annulation(s)"
        if applied.count < confirmation.lines.count { summary += ", \(confirmation.lines.count - applied.count) refusée(s)" }
        let notes = (waiting ? ["Certaines lignes attendent la validation du service."] : [])
            + draws.map { "En attente du tirage au sort du \(FrenchDateFormat.longWithTime($0))." }
        let requestID = try Requests.record(Self.bookingsKind, summary: summary, accountID: accountID, familyID: familyID,
                                            status: notes.isEmpty ? .done : .pending, note: notes.joined(separator: " "),
                                            now: now, in: connection)
        try ConfirmationStore.setRequest(confirmationID: confirmation.id, requestID: requestID, in: connection)
        let link = town.url(town.links.planning(family: familyID, anchor: nil))
        for email in try FamilyDirectory.emails(familyID: familyID, in: connection) {
            try Outbox.enqueue(BookingMails.recap(town.tenant, to: email, confirmation: confirmation, childName: childName, link: link),
                               now: now, in: connection)
        }
        try notify(confirmation.promotions, now: now, in: connection)
    }

    /// Families whose waiting child got a place are told (those passed over are not: they keep waiting).
    public func notify(_ promotions: [PromotionNotice], now: Date, in connection: PostgresConnection) throws {
        let promoted = promotions.filter { $0.status != nil }
        guard !promoted.isEmpty else { return }
        let names = try FamilyDirectory.childNames(promoted.map(\.slot.childID), in: connection)
        for notice in promoted {
            let link = town.url(town.links.planning(family: notice.familyID, anchor: notice.slot.date))
            for email in try FamilyDirectory.emails(familyID: notice.familyID, in: connection) {
                try Outbox.enqueue(BookingMails.promotion(town.tenant, to: email, notice: notice,
                                                          childName: names[notice.slot.childID] ?? "Votre enfant", link: link),
                                   now: now, in: connection)
            }
        }
    }

    /// An accepted pré-inscription: its first days are booked through the usual rules.
    public func bookFirstDays(_ registration: StoredRegistration, now: Date, in connection: PostgresConnection) throws {
        let lines = try RegistrationStore.dayLines(of: registration.registration, in: connection)
        guard !lines.isEmpty else { return }
        try SlotStore.ensure(lines.map(\.slot), tenant: town.tenant, in: connection)
        let confirmation = try BookingStore.confirm(familyID: registration.familyID, lines: lines, judge: town.judge,
                                                    families: Self.profiles, now: now, in: connection)
        let names = try FamilyDirectory.childNames(lines.map(\.slot.childID), in: connection)
        try afterConfirmation(confirmation, familyID: registration.familyID, accountID: nil, childName: { names[$0] ?? "Enfant" },
                              now: now, in: connection)
    }
}
