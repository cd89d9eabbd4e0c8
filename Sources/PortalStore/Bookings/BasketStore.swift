import Foundation
import Postgres
import PortalCore

/// The panier kept server-side, so an unconfirmed basket survives sign-out and a lost connection.
public enum BasketStore {
    public static func load(familyId: Int64, in connection: PostgresConnection) throws -> Basket {
        try connection.fetch(load(familyId: familyId))
    }

    public static func load(familyId: Int64) -> PostgresQuery<Basket> {
        PostgresQuery("""
            SELECT child_id, activity, unit, day::text AS day, action FROM basket_lines WHERE family_id = \(familyId)
            """) { Basket(lines: try $0.map { BasketLine(slot: try $0.slotKey(), action: try $0.enumValue("action", as: BookingAction.self)) }) }
    }

    /// Adds lines; a line for a slot already in the basket replaces it.
    public static func add(_ lines: [BasketLine], familyId: Int64, now: Date, in connection: PostgresConnection) throws {
        guard !lines.isEmpty else { return }
        try connection.execute("""
            INSERT INTO basket_lines (family_id, child_id, activity, unit, day, action, added_at)
            SELECT \(familyId), l.child_id, l.activity, l.unit, l.day, l.action, \(now)::timestamptz
            FROM unnest(\(lines.map(\.slot.childId))::bigint[], \(lines.map(\.slot.activity))::text[], \(lines.map(\.slot.unit))::text[],
                        \(lines.map(\.slot.date.iso))::date[], \(lines.map(\.action.rawValue))::text[]) AS l(child_id, activity, unit, day, action)
            ON CONFLICT (family_id, child_id, activity, unit, day) DO UPDATE SET action = EXCLUDED.action, added_at = EXCLUDED.added_at
            """)
    }

    public static func remove(_ slot: SlotKey, familyId: Int64, in connection: PostgresConnection) throws {
        try connection.execute("""
            DELETE FROM basket_lines WHERE family_id = \(familyId) AND child_id = \(slot.childId) AND activity = \(slot.activity)
              AND unit = \(slot.unit) AND day = \(slot.date.iso)::date
            """)
    }

    public static func clear(familyId: Int64, in connection: PostgresConnection) throws {
        try connection.execute("DELETE FROM basket_lines WHERE family_id = \(familyId)")
    }
}
