public import Foundation
public import PortalCore
public import Postgres

/// Actualités of the town whose schema the transaction is bound to.
public enum NewsStore {
    private static let columns = SQL(unsafeSQL: """
        SELECT id, title, body, published_on::text AS published_on, expires_on::text AS expires_on, pinned, updated_at FROM news_items
        """)

    /// What families see on `today`: pinned first, then the newest.
    public static func latest(limit: Int, today: LocalDate, in connection: PostgresConnection) throws -> [NewsItem] {
        try connection.query(columns + """
             WHERE published_on <= \(today.iso)::date AND (expires_on IS NULL OR expires_on >= \(today.iso)::date)
            ORDER BY pinned DESC, published_on DESC, id DESC LIMIT \(limit)
            """).map(NewsItem.init(row:))
    }

    /// Every item, scheduled and expired ones included, for staff.
    public static func all(in connection: PostgresConnection) throws -> [NewsItem] {
        try connection.query(columns + " ORDER BY published_on DESC, id DESC LIMIT 500").map(NewsItem.init(row:))
    }

    public static func find(id: Int64, in connection: PostgresConnection) throws -> NewsItem? {
        try connection.query(columns + " WHERE id = \(id)").first.map(NewsItem.init(row:))
    }

    @discardableResult
    public static func insert(title: String, body: String, publishedOn: LocalDate, expiresOn: LocalDate? = nil, pinned: Bool = false,
                              now: Date = Date(), in connection: PostgresConnection) throws -> Int64 {
        try connection.query("""
            INSERT INTO news_items (title, body, published_on, expires_on, pinned, updated_at)
            VALUES (\(title), \(body), \(publishedOn.iso)::date, \(expiresOn?.iso)::date, \(pinned), \(now)) RETURNING id
            """)[0].decode("id", as: Int64.self)
    }

    public static func update(id: Int64, title: String, body: String, publishedOn: LocalDate, expiresOn: LocalDate?, pinned: Bool,
                              now: Date, in connection: PostgresConnection) throws -> Bool {
        try connection.execute("""
            UPDATE news_items SET title = \(title), body = \(body), published_on = \(publishedOn.iso)::date,
                   expires_on = \(expiresOn?.iso)::date, pinned = \(pinned), updated_at = \(now)
            WHERE id = \(id)
            """) == 1
    }

    public static func delete(id: Int64, in connection: PostgresConnection) throws -> Bool {
        try connection.execute("DELETE FROM news_items WHERE id = \(id)") == 1
    }
}

extension NewsItem {
    init(row: PostgresRow) throws {
        let day: String = try row.decode("published_on")
        guard let publishedOn = LocalDate(iso: day) else { throw StoreError.corruptValue(column: "published_on", value: day) }
        let expiry: String? = try row.decode("expires_on")
        var expiresOn: LocalDate?
        if let expiry {
            guard let parsed = LocalDate(iso: expiry) else { throw StoreError.corruptValue(column: "expires_on", value: expiry) }
            expiresOn = parsed
        }
        self.init(id: try row.decode("id"), title: try row.decode("title"), body: try row.decode("body"), publishedOn: publishedOn,
                  expiresOn: expiresOn, pinned: try row.decode("pinned"), updatedAt: try row.decode("updated_at"))
    }
}

public enum StoreError: Error, Equatable {
    case corruptValue(column: String, value: String)
}
