public import Foundation
public import PortalCore
public import Postgres

/// The panier kept server-side, so an unconfirmed basket survives sign-out and a lost connection.
public enum BasketStore {
    public static func load(familyID: Int64, in connection: PostgresConnection) throws -> Basket {
        try connection.fetch(load(familyID: familyID))
    }

    public static func load(familyID: Int64) -> PostgresQuery<Basket> {
        PostgresQuery("""
            SELECT child_id, activity, unit, day::text AS day, action FROM basket_lines WHERE family_id = \(familyID)
            """) { Basket(lines: try $0.map { BasketLine(slot: try $0.slotKey(), action: try $0.enumValue("action", as: BookingAction.self)) }) }
    }

    /// Adds lines; a line for a slot already in the basket replaces it.
    public static func add(_ lines: [BasketLine], familyID: Int64, now: Date, in connection: PostgresConnection) throws {
        guard !lines.isEmpty else { return }
        try connection.execute("""
            INSERT INTO basket_lines (family_id, child_id, activity, unit, day, action, added_at)
            SELECT \(familyID), l.child_id, l.activity, l.unit, l.day, l.action, \(now)::timestamptz
            FROM unnest(\(lines.map(\.slot.childID))::bigint[], \(lines.map(\.slot.activity))::text[], \(lines.map(\.slot.unit))::text[],
                        \(lines.map(\.slot.date.iso))::date[], \(lines.map(\.action.rawValue))::text[]) AS l(child_id, activity, unit, day, action)
            ON CONFLICT (family_id, child_id, activity, unit, day) DO UPDATE SET action = EXCLUDED.action, added_at = EXCLUDED.added_at
            """)
    }

    /// Takes these slots' lines out of the basket, in one statement.
    public static func remove(_ slots: [SlotKey], familyID: Int64, in connection: PostgresConnection) throws {
        guard !slots.isEmpty else { return }
        try connection.execute("""
            DELETE FROM basket_lines b
            USING unnest(\(slots.map(\.childID))::bigint[], \(slots.map(\.activity))::text[], \(slots.map(\.unit))::text[],
                         \(slots.map(\.date.iso))::date[]) AS l(child_id, activity, unit, day)
            WHERE b.family_id = \(familyID) AND b.child_id = l.child_id AND b.activity = l.activity AND b.unit = l.unit AND b.day = l.day
            """)
    }

    public static func clear(familyID: Int64, in connection: PostgresConnection) throws {
        try connection.execute("DELETE FROM basket_lines WHERE family_id = \(familyID)")
    }
}
