public import Foundation
public import PortalCore
public import Postgres

/// A slot row as the back-office shows it: places, waiting children.
public struct SlotOverview: Sendable, Equatable {
    public let id: Int64
    public let activity: String
    public let unit: String
    public let day: LocalDate
    public let capacity: Int
    public let booked: Int
    public let waiting: Int

    public var placesLeft: Int { max(0, capacity - booked) }

    public var dayPlaces: DayPlaces {
        DayPlaces(day: day, activity: activity, unit: unit, capacity: capacity, booked: booked, waiting: waiting, slotID: id)
    }
}

/// A child on a slot's waiting list, in the order promotion follows.
public struct WaitingChild: Sendable, Equatable {
    public let bookingID: Int64
    public let rank: Int
    public let familyName: String
    public let childName: String
    public let requestedAt: Date
    public let inDraw: Bool
}

/// A move from the waiting list, recorded by the trigger of migration 060.
public struct PromotionTrace: Sendable, Equatable {
    public let bookingID: Int64
    public let childName: String
    public let toStatus: BookingStatus
    /// nil for an automatic promotion (a place freed by a cancellation).
    public let promotedBy: String?
    public let promotedAt: Date
}

/// Places left and waiting lists, read from `slots` (created on first use, so a day nobody
/// booked has no row: its places are all free).
public enum SlotOverviewStore {
    private static let columns: SQL = """
        s.id, s.activity, s.unit, s.day::text AS day, s.capacity, s.booked,
        (SELECT count(*)::int FROM bookings w WHERE w.slot_id = s.id AND w.status = 'waitingList') AS waiting
        """

    public static func slots(from: LocalDate, to: LocalDate, activity: String? = nil, in connection: PostgresConnection) throws -> [SlotOverview] {
        try connection.query("""
            SELECT \(columns) FROM slots s
            WHERE s.day BETWEEN \(from.iso)::date AND \(to.iso)::date AND (\(activity)::text IS NULL OR s.activity = \(activity))
            ORDER BY s.day, s.activity, s.unit
            """).map(SlotOverview.init(row:))
    }

    /// Slots from `from` on with someone waiting.
    public static func withWaitingList(from: LocalDate, in connection: PostgresConnection) throws -> [SlotOverview] {
        try connection.query("""
            SELECT \(columns) FROM slots s
            WHERE s.day >= \(from.iso)::date AND EXISTS (SELECT 1 FROM bookings w WHERE w.slot_id = s.id AND w.status = 'waitingList')
            ORDER BY s.day, s.activity, s.unit LIMIT 200
            """).map(SlotOverview.init(row:))
    }

    public static func slot(id: Int64, in connection: PostgresConnection) throws -> SlotOverview? {
        try connection.query("SELECT \(columns) FROM slots s WHERE s.id = \(id)").first.map(SlotOverview.init(row:))
    }

    public static func waitingList(slotID: Int64, in connection: PostgresConnection) throws -> [WaitingChild] {
        try connection.query("""
            SELECT b.id, row_number() OVER (ORDER BY b.draw_rank NULLS LAST, b.requested_at, b.id)::int AS rank, f.name AS family,
                   trim(c.first_names || ' ' || c.last_name) AS child, b.requested_at, b.in_draw
            FROM bookings b JOIN children c ON c.id = b.child_id JOIN families f ON f.id = b.family_id
            WHERE b.slot_id = \(slotID) AND b.status = 'waitingList'
            ORDER BY rank
            """).map { row in
            WaitingChild(bookingID: try row.decode("id"), rank: try row.decode("rank"), familyName: try row.decode("family"),
                         childName: try row.decode("child"), requestedAt: try row.decode("requested_at"), inDraw: try row.decode("in_draw"))
        }
    }

    public static func promotions(slotID: Int64, in connection: PostgresConnection) throws -> [PromotionTrace] {
        try connection.query("""
            SELECT p.booking_id, trim(c.first_names || ' ' || c.last_name) AS child, p.to_status, p.promoted_by, p.promoted_at
            FROM waiting_list_promotions p JOIN bookings b ON b.id = p.booking_id JOIN children c ON c.id = b.child_id
            WHERE p.slot_id = \(slotID) ORDER BY p.promoted_at DESC, p.id DESC
            """).map { row in
            PromotionTrace(bookingID: try row.decode("booking_id"), childName: try row.decode("child"),
                           toStatus: try row.enumValue("to_status", as: BookingStatus.self), promotedBy: try row.decode("promoted_by"),
                           promotedAt: try row.decode("promoted_at"))
        }
    }

    public enum PromotionOutcome: Sendable, Equatable {
        case promoted(familyID: Int64, childName: String)
        case notWaiting
        case full
    }

    /// Staff give a free place to a child of the list, out of order if they choose; the place
    /// is taken with the same conditional UPDATE as a booking, the booking moves only if it is
    /// still waiting, and the trigger traces the move under the agent's name.
    public static func promote(bookingID: Int64, slotID: Int64, by actor: StaffActor, now: Date,
                               in connection: PostgresConnection) throws -> PromotionOutcome {
        guard let row = try connection.query("""
            SELECT b.family_id, trim(c.first_names || ' ' || c.last_name) AS child FROM bookings b JOIN children c ON c.id = b.child_id
            WHERE b.id = \(bookingID) AND b.slot_id = \(slotID) AND b.status = 'waitingList' FOR UPDATE OF b
            """).first else { return .notWaiting }
        guard try BookingStore.takePlace(slotID: slotID, in: connection) else { return .full }
        _ = try connection.query("SELECT set_config('portal.staff_name', \(actor.name), true)")
        try connection.execute("""
            UPDATE bookings SET status = 'booked', in_draw = false, updated_at = \(now),
                   staff_note = \("Promu de la liste d'attente par \(actor.name)") WHERE id = \(bookingID)
            """)
        _ = try connection.query("SELECT set_config('portal.staff_name', '', true)")
        return .promoted(familyID: try row.decode("family_id"), childName: try row.decode("child"))
    }
}

extension SlotOverview {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        activity = try row.decode("activity")
        unit = try row.decode("unit")
        day = try row.localDate("day")
        capacity = try row.decode("capacity")
        booked = try row.decode("booked")
        waiting = try row.decode("waiting")
    }
}
