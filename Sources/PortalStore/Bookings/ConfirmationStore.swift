public import Foundation
public import PortalCore
public import Postgres

/// A « Valider » as recorded: the summary page and the booking number families quote.
public struct StoredConfirmation: Sendable, Equatable {
    public let id: Int64
    public let familyID: Int64
    public let confirmedAt: Date
    public let total: Money
    public let lines: [StoredConfirmationLine]
}

public struct StoredConfirmationLine: Sendable, Equatable {
    public let slot: SlotKey
    public let action: BookingAction
    /// nil when the line was refused.
    public let outcome: BookingStatus?
    public let message: String
    public let amount: Money
    public let tariff: Tariff
}

public enum ConfirmationStore {
    /// The confirmation if it belongs to the family (another family's number reads as unknown).
    public static func find(id: Int64, familyID: Int64, in connection: PostgresConnection) throws -> StoredConfirmation? {
        guard let head = try connection.query("""
            SELECT id, family_id, confirmed_at, total_cents FROM confirmations WHERE id = \(id) AND family_id = \(familyID)
            """).first else { return nil }
        let lines = try connection.query("""
            SELECT child_id, activity, unit, day::text AS day, action, outcome, message, amount_cents, tariff
            FROM confirmation_lines WHERE confirmation_id = \(id) ORDER BY position
            """).map { row in
            // 'refused' names a line the rules refused at confirmation, never a staff answer.
            let outcome: String = try row.decode("outcome")
            return StoredConfirmationLine(slot: try row.slotKey(), action: try row.enumValue("action", as: BookingAction.self),
                                          outcome: outcome == "refused" ? nil : BookingStatus(rawValue: outcome), message: try row.decode("message"),
                                          amount: Money(cents: try row.decode("amount_cents")),
                                          tariff: try row.enumValue("tariff", as: Tariff.self))
        }
        return StoredConfirmation(id: id, familyID: try head.decode("family_id"), confirmedAt: try head.decode("confirmed_at"),
                                  total: Money(cents: try head.decode("total_cents")), lines: lines)
    }

    /// Links the confirmation to its line in « Mes demandes ».
    public static func setRequest(confirmationID: Int64, requestID: Int64, in connection: PostgresConnection) throws {
        try connection.execute("UPDATE confirmations SET request_id = \(requestID) WHERE id = \(confirmationID)")
    }

    /// The « Mes demandes » line of the latest confirmation that made this booking, and how many
    /// of that confirmation's bookings still wait for staff.
    public static func request(ofBooking bookingID: Int64, in connection: PostgresConnection) throws -> (requestID: Int64, stillOpen: Int)? {
        guard let row = try connection.query("""
            SELECT c.request_id,
                   (SELECT count(*)::int FROM confirmation_lines l2 JOIN bookings b ON b.id = l2.booking_id
                    WHERE l2.confirmation_id = c.id AND b.status IN ('pendingValidation', 'cancellationRequested')) AS open
            FROM confirmation_lines l JOIN confirmations c ON c.id = l.confirmation_id
            WHERE l.booking_id = \(bookingID) AND c.request_id IS NOT NULL
            ORDER BY c.confirmed_at DESC, c.id DESC LIMIT 1
            """).first else { return nil }
        return (try row.decode("request_id"), try row.decode("open"))
    }
}
