public import PortalCore
public import Postgres

/// Places taken on a slot, for the planning's « complet » and the waiting-list offer.
public struct SlotOccupancy: Sendable, Equatable {
    public let activity: String
    public let unit: String
    public let date: LocalDate
    public let booked: Int
    public let capacity: Int

    public var isFull: Bool { booked >= capacity }
}

extension SlotStore {
    /// The slots of these activities used from `from` to `to`; a slot never used is empty.
    public static func occupancies(activities: [String], from: LocalDate, to: LocalDate,
                                   in connection: PostgresConnection) throws -> [SlotOccupancy] {
        try connection.fetch(occupancies(activities: activities, from: from, to: to))
    }

    public static func occupancies(activities: [String], from: LocalDate, to: LocalDate) -> PostgresQuery<[SlotOccupancy]> {
        PostgresQuery("""
            SELECT activity, unit, day::text AS day, booked, capacity FROM slots
            WHERE activity = ANY(\(activities)::text[]) AND day BETWEEN \(from.iso)::date AND \(to.iso)::date
            """) {
            try $0.map { row in
                SlotOccupancy(activity: try row.decode("activity"), unit: try row.decode("unit"), date: try row.localDate("day"),
                              booked: try row.decode("booked"), capacity: try row.decode("capacity"))
            }
        }
    }
}
