public import PortalCore
public import Postgres

/// Slot rows are created on first use with the capacity the tenant file gives.
public enum SlotStore {
    /// Creates the missing slots. Run in its own short transaction before a confirmation so
    /// that the confirmation never waits on another's uncommitted insert.
    public static func ensure(_ slots: [SlotKey], tenant: TenantConfig, in connection: PostgresConnection) throws {
        var seen = Set<String>()
        var activities: [String] = [], units: [String] = [], days: [String] = [], capacities: [Int] = []
        for slot in slots.sorted() {
            guard let unit = tenant.activity(slot.activity)?.unit(slot.unit),
                  seen.insert("\(slot.activity)/\(slot.unit)/\(slot.date.iso)").inserted else { continue }
            activities.append(slot.activity)
            units.append(slot.unit)
            days.append(slot.date.iso)
            capacities.append(unit.capacity)
        }
        guard !activities.isEmpty else { return }
        try connection.execute("""
            INSERT INTO slots (activity, unit, day, capacity)
            SELECT * FROM unnest(\(activities)::text[], \(units)::text[], \(days)::date[], \(capacities)::integer[])
            ON CONFLICT (activity, unit, day) DO NOTHING
            """)
    }

    /// Ids of existing slots by (activity, unit, day); the child of the key is ignored.
    static func ids(_ slots: [SlotKey], in connection: PostgresConnection) throws -> [SlotPlace: Int64] {
        guard !slots.isEmpty else { return [:] }
        let rows = try connection.query("""
            SELECT s.id, s.activity, s.unit, s.day::text AS day
            FROM slots s JOIN unnest(\(slots.map(\.activity))::text[], \(slots.map(\.unit))::text[], \(slots.map(\.date.iso))::date[])
                 AS k(activity, unit, day) ON s.activity = k.activity AND s.unit = k.unit AND s.day = k.day
            """)
        var ids: [SlotPlace: Int64] = [:]
        for row in rows {
            ids[SlotPlace(activity: try row.decode("activity"), unit: try row.decode("unit"), date: try row.localDate("day"))] = try row.decode("id")
        }
        return ids
    }

    /// Places taken and capacity of one slot, nil when it was never used.
    public static func occupancy(activity: String, unit: String, date: LocalDate,
                                 in connection: PostgresConnection) throws -> (booked: Int, capacity: Int)? {
        try connection.query("""
            SELECT booked, capacity FROM slots WHERE activity = \(activity) AND unit = \(unit) AND day = \(date.iso)::date
            """).first.map { (try $0.decode("booked"), try $0.decode("capacity")) }
    }
}

/// A slot regardless of the child.
struct SlotPlace: Hashable {
    let activity: String
    let unit: String
    let date: LocalDate

    init(activity: String, unit: String, date: LocalDate) {
        self.activity = activity
        self.unit = unit
        self.date = date
    }

    init(_ key: SlotKey) { self.init(activity: key.activity, unit: key.unit, date: key.date) }
}
