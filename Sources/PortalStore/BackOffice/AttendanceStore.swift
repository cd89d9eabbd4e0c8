public import Foundation
public import PortalCore
public import Postgres

/// What the director needs at hand about a child's health during the day. Read only for the
/// roles of `HealthDataPolicy` (the caller decides and logs the view).
public struct HealthAlert: Sendable, Equatable {
    public let allergies: String
    public let diet: String
    public let hasPAI: Bool
    public let paiDetails: String

    public var isEmpty: Bool { allergies.isEmpty && diet.isEmpty && !hasPAI }
}

/// Someone to call, or who may pick the child up.
public struct ContactAtHand: Sendable, Equatable {
    public let name: String
    public let relation: String
    public let phone: String
    public let mayPickUp: Bool
}

/// A child expected on a slot (or added on the day), with its mark if taken.
public struct ExpectedChild: Sendable, Equatable {
    public let bookingID: Int64
    public let familyID: Int64
    public let familyName: String
    public let childID: Int64
    public let childName: String
    public let bookingStatus: BookingStatus
    public let mark: AttendanceMark?
    public let markedBy: String?
    /// Added by staff on the day without a booking.
    public let walkIn: Bool
    /// nil when the viewer may not see health data.
    public let health: HealthAlert?
    public let contacts: [ContactAtHand]
}

/// The counts of one slot on one day for the dashboard.
public struct AttendanceSummary: Sendable, Equatable {
    public let activity: String
    public let unit: String
    public let expected: Int
    public let present: Int
    public let absent: Int

    public var unmarked: Int { expected - present - absent }
}

/// Pointage: the children a slot expects (bookings holding a place, family-declared absences
/// included so staff see them), marks per booking, and children added on the day.
public enum AttendanceStore {
    /// Booking statuses whose child is on the day's list.
    public static let expectedStatuses: [String] = [BookingStatus.booked, .absent, .cancellationRequested].map(\.rawValue)

    public static func expected(activity: String, unit: String, day: LocalDate, includeHealth: Bool,
                                in connection: PostgresConnection) throws -> [ExpectedChild] {
        let rows = try connection.query("""
            SELECT b.id, b.family_id, f.name AS family_name, b.child_id, b.status,
                   trim(c.first_names || ' ' || c.last_name) AS child_name,
                   a.mark, a.marked_by_name, w.booking_id IS NOT NULL AS walk_in,
                   coalesce(h.allergies, '') AS allergies, coalesce(h.diet, '') AS diet, coalesce(h.pai, false) AS pai,
                   coalesce(h.pai_details, '') AS pai_details
            FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN children c ON c.id = b.child_id JOIN families f ON f.id = b.family_id
                 LEFT JOIN attendance a ON a.booking_id = b.id LEFT JOIN walk_in_bookings w ON w.booking_id = b.id
                 LEFT JOIN child_health h ON h.child_id = b.child_id AND \(includeHealth)::boolean
            WHERE s.activity = \(activity) AND s.unit = \(unit) AND s.day = \(day.iso)::date AND b.status = ANY(\(expectedStatuses)::text[])
            ORDER BY c.last_name, c.first_names, b.id
            """)
        let families = Array(Set(try rows.map { try $0.decode("family_id", as: Int64.self) }))
        var contacts: [Int64: [ContactAtHand]] = [:]
        for row in try connection.query("""
            SELECT family_id, trim(first_names || ' ' || last_name) AS name, relation, phone, true AS pick_up, 0 AS rank, id
            FROM authorized_contacts WHERE family_id = ANY(\(families)::bigint[]) AND permission = 'peut_recuperer'
            UNION ALL
            SELECT family_id, trim(first_names || ' ' || last_name), CASE relation WHEN 'mere' THEN 'Mère' WHEN 'pere' THEN 'Père'
                   WHEN 'tuteur' THEN 'Tuteur' ELSE 'Responsable' END, mobile_phone, true, -1, id
            FROM guardians WHERE family_id = ANY(\(families)::bigint[])
            UNION ALL
            SELECT family_id, trim(first_names || ' ' || last_name), relation, phone, false, 1, id
            FROM authorized_contacts WHERE family_id = ANY(\(families)::bigint[]) AND permission = 'urgence'
            ORDER BY 1, 6, 7
            """) {
            contacts[try row.decode("family_id"), default: []].append(ContactAtHand(
                name: try row.decode("name"), relation: try row.decode("relation"), phone: try row.decode("phone"), mayPickUp: try row.decode("pick_up")))
        }
        return try rows.map { row in
            let familyID: Int64 = try row.decode("family_id")
            return ExpectedChild(
                bookingID: try row.decode("id"), familyID: familyID, familyName: try row.decode("family_name"),
                childID: try row.decode("child_id"), childName: try row.decode("child_name"),
                bookingStatus: try row.enumValue("status", as: BookingStatus.self), mark: try row.optionalEnumValue("mark", as: AttendanceMark.self),
                markedBy: try row.decode("marked_by_name"), walkIn: try row.decode("walk_in"),
                health: includeHealth ? HealthAlert(allergies: try row.decode("allergies"), diet: try row.decode("diet"),
                                                    hasPAI: try row.decode("pai"), paiDetails: try row.decode("pai_details")) : nil,
                contacts: contacts[familyID] ?? [])
        }
    }

    /// Marks (or corrects the mark of) a child expected on a slot; false when the booking is not
    /// on that slot's list, so a form cannot mark a booking of another day.
    @discardableResult
    public static func mark(bookingID: Int64, activity: String, unit: String, day: LocalDate, _ mark: AttendanceMark,
                            by actor: StaffActor, now: Date, in connection: PostgresConnection) throws -> Bool {
        try connection.execute("""
            INSERT INTO attendance (booking_id, mark, marked_by_id, marked_by_name, marked_at)
            SELECT b.id, \(mark.rawValue), \(actor.id), \(actor.name), \(now)
            FROM bookings b JOIN slots s ON s.id = b.slot_id
            WHERE b.id = \(bookingID) AND s.activity = \(activity) AND s.unit = \(unit) AND s.day = \(day.iso)::date
              AND b.status = ANY(\(expectedStatuses)::text[])
            ON CONFLICT (booking_id) DO UPDATE SET mark = EXCLUDED.mark, marked_by_id = EXCLUDED.marked_by_id,
                marked_by_name = EXCLUDED.marked_by_name, marked_at = EXCLUDED.marked_at
            """) == 1
    }

    /// Per activity and unit on `day`: expected, present (late included), absent.
    public static func summary(day: LocalDate, in connection: PostgresConnection) throws -> [AttendanceSummary] {
        try connection.query("""
            SELECT s.activity, s.unit, count(b.id)::int AS expected,
                   count(*) FILTER (WHERE a.mark IN ('present', 'late'))::int AS present,
                   count(*) FILTER (WHERE a.mark IN ('absentExcused', 'absentUnexcused'))::int AS absent
            FROM slots s JOIN bookings b ON b.slot_id = s.id AND b.status = ANY(\(expectedStatuses)::text[])
                 LEFT JOIN attendance a ON a.booking_id = b.id
            WHERE s.day = \(day.iso)::date GROUP BY s.activity, s.unit ORDER BY s.activity, s.unit
            """).map { row in
            AttendanceSummary(activity: try row.decode("activity"), unit: try row.decode("unit"), expected: try row.decode("expected"),
                              present: try row.decode("present"), absent: try row.decode("absent"))
        }
    }
}
