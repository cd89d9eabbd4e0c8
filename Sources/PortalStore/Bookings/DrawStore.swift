public import Foundation
public import PortalCore
public import Postgres

/// A held draw as published: the slot, the seed and what it was computed from.
public struct PublishedDraw: Sendable, Equatable {
    public let id: Int64
    public let activity: String
    public let unit: String
    public let date: LocalDate
    public let seed: UInt64
    public let seedText: String
    public let priorities: [DrawPriority]
    public let entries: Int
    public let places: Int
    public let heldAt: Date
}

/// One line of a published ranking: references only, never a name.
public struct PublishedDrawEntry: Sendable, Equatable {
    public let rank: Int
    public let familyID: Int64
    public let childID: Int64
    public let resident: Bool
    public let siblingHasPlace: Bool
    public let placed: Bool
}

/// The record of the draws held, for the published page and « Mes demandes ».
public enum DrawStore {
    /// The draws of the given activities, newest first.
    public static func list(activities: [String], limit: Int = 200, in connection: PostgresConnection) throws -> [PublishedDraw] {
        try connection.query("""
            SELECT d.id, s.activity, s.unit, s.day::text AS day, d.seed::text AS seed, d.seed_text, d.priorities, d.entries, d.places, d.held_at
            FROM draws d JOIN slots s ON s.id = d.slot_id WHERE s.activity = ANY(\(activities)::text[]) AND d.entries > 0
            ORDER BY d.held_at DESC, s.day, s.activity, s.unit LIMIT \(limit)
            """).map(PublishedDraw.init(row:))
    }

    public static func find(id: Int64, in connection: PostgresConnection) throws -> (PublishedDraw, [PublishedDrawEntry])? {
        guard let draw = try connection.query("""
            SELECT d.id, s.activity, s.unit, s.day::text AS day, d.seed::text AS seed, d.seed_text, d.priorities, d.entries, d.places, d.held_at
            FROM draws d JOIN slots s ON s.id = d.slot_id WHERE d.id = \(id)
            """).first.map(PublishedDraw.init(row:)) else { return nil }
        let entries = try connection.query("""
            SELECT rank, family_id, child_id, resident, sibling, placed FROM draw_entries WHERE draw_id = \(id) ORDER BY rank
            """).map { row in
            PublishedDrawEntry(rank: try row.decode("rank"), familyID: try row.decode("family_id"), childID: try row.decode("child_id"),
                               resident: try row.decode("resident"), siblingHasPlace: try row.decode("sibling"), placed: try row.decode("placed"))
        }
        return (draw, entries)
    }

    /// The « Mes demandes » lines of the confirmations that made these bookings, each with how
    /// many of its bookings still wait for staff or for a draw.
    public static func requests(ofBookings bookingIDs: [Int64], in connection: PostgresConnection) throws -> [(requestID: Int64, bookingIDs: [Int64], stillOpen: Int)] {
        try connection.query("""
            SELECT c.request_id, array_agg(DISTINCT l.booking_id) AS bookings,
                   (SELECT count(*)::int FROM confirmation_lines l2 JOIN bookings b ON b.id = l2.booking_id
                    WHERE l2.confirmation_id = c.id AND (b.in_draw OR b.status IN ('pendingValidation', 'cancellationRequested'))) AS open
            FROM confirmation_lines l JOIN confirmations c ON c.id = l.confirmation_id
            WHERE l.booking_id = ANY(\(bookingIDs)::bigint[]) AND c.request_id IS NOT NULL
            GROUP BY c.id, c.request_id ORDER BY c.request_id
            """).map { (try $0.decode("request_id"), try $0.decode("bookings"), try $0.decode("open")) }
    }
}

extension PublishedDraw {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        activity = try row.decode("activity")
        unit = try row.decode("unit")
        date = try row.localDate("day")
        let seedText: String = try row.decode("seed")
        guard let seed = UInt64(seedText) else { throw StoreError.corruptValue(column: "seed", value: seedText) }
        self.seed = seed
        self.seedText = try row.decode("seed_text")
        let priorities: [String] = try row.decode("priorities")
        self.priorities = priorities.compactMap(DrawPriority.init(rawValue:))
        entries = try row.decode("entries")
        places = try row.decode("places")
        heldAt = try row.decode("held_at")
    }
}
