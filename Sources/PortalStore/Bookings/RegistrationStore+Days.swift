public import PortalCore
public import Postgres

extension RegistrationStore {
    /// The first days asked with a pré-inscription (booked once it is accepted).
    public static func addDays(_ days: [(unit: String, date: LocalDate)], registrationID: Int64, in connection: PostgresConnection) throws {
        guard !days.isEmpty else { return }
        try connection.execute("""
            INSERT INTO registration_days (registration_id, unit, day)
            SELECT \(registrationID), d.unit, d.day FROM unnest(\(days.map(\.unit))::text[], \(days.map(\.date.iso))::date[]) AS d(unit, day)
            ON CONFLICT DO NOTHING
            """)
    }

    /// The registration's asked days as booking lines of its child.
    public static func dayLines(of registration: Registration, in connection: PostgresConnection) throws -> [BasketLine] {
        guard let id = registration.id else { return [] }
        return try connection.query("SELECT unit, day::text AS day FROM registration_days WHERE registration_id = \(id) ORDER BY day, unit").map {
            BasketLine(date: try $0.localDate("day"), childID: registration.childID, activity: registration.activityCode,
                       unit: try $0.decode("unit"), action: .book)
        }
    }

    public static func setRequest(registrationID: Int64, requestID: Int64, in connection: PostgresConnection) throws {
        try connection.execute("UPDATE registrations SET request_id = \(requestID) WHERE id = \(registrationID)")
    }

    public static func requestID(registrationID: Int64, in connection: PostgresConnection) throws -> Int64? {
        try connection.query("SELECT request_id FROM registrations WHERE id = \(registrationID)").first?.decode("request_id")
    }
}
