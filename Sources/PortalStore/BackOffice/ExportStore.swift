public import Foundation
public import PortalCore
public import Postgres

/// One booking as the exports list it.
public struct BookingExportRow: Sendable, Equatable {
    public let day: LocalDate
    public let activity: String
    public let unit: String
    public let familyName: String
    public let subscriberCode: String
    public let childName: String
    public let status: BookingStatus
    public let amount: Money
    public let tariff: Tariff
    public let requestedAt: Date
    public let walkIn: Bool
    public let mark: AttendanceMark?
    public let markedBy: String?
}

/// The rows of the CSV exports: bookings of every status, or the expected children with their
/// marks, per period and optionally one activity, in date then name order.
public enum ExportStore {
    public static func bookings(from: LocalDate, to: LocalDate, activity: String?, expectedOnly: Bool, familyID: Int64? = nil,
                                in connection: PostgresConnection) throws -> [BookingExportRow] {
        let statuses: [String]? = expectedOnly ? AttendanceStore.expectedStatuses : nil
        return try connection.query("""
            SELECT s.day::text AS day, s.activity, s.unit, f.name AS family, f.subscriber_code,
                   trim(c.first_names || ' ' || c.last_name) AS child, b.status, b.amount_cents, b.tariff, b.requested_at,
                   w.booking_id IS NOT NULL AS walk_in, a.mark, a.marked_by_name
            FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN children c ON c.id = b.child_id JOIN families f ON f.id = b.family_id
                 LEFT JOIN walk_in_bookings w ON w.booking_id = b.id LEFT JOIN attendance a ON a.booking_id = b.id
            WHERE s.day BETWEEN \(from.iso)::date AND \(to.iso)::date AND (\(activity)::text IS NULL OR s.activity = \(activity))
              AND (\(statuses)::text[] IS NULL OR b.status = ANY(\(statuses)::text[]))
              AND (\(familyID)::bigint IS NULL OR b.family_id = \(familyID))
            ORDER BY s.day, s.activity, s.unit, c.last_name, c.first_names, b.id
            """).map { row in
            return BookingExportRow(
                day: try row.localDate("day"), activity: try row.decode("activity"), unit: try row.decode("unit"),
                familyName: try row.decode("family"), subscriberCode: try row.decode("subscriber_code"), childName: try row.decode("child"),
                status: try row.enumValue("status", as: BookingStatus.self), amount: Money(cents: try row.decode("amount_cents")),
                tariff: try row.enumValue("tariff", as: Tariff.self), requestedAt: try row.decode("requested_at"),
                walkIn: try row.decode("walk_in"), mark: try row.optionalEnumValue("mark", as: AttendanceMark.self), markedBy: try row.decode("marked_by_name"))
        }
    }
}
