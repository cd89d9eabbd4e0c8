import Postgres
import PortalCore

/// Actualités of the town whose schema the transaction is bound to.
public enum NewsStore {
    public static func latest(limit: Int, in connection: PostgresConnection) throws -> [NewsItem] {
        try connection.query("""
            SELECT id, title, body, published_on::text AS published_on FROM news_items
            WHERE published_on <= current_date AND (expires_on IS NULL OR expires_on >= current_date)
            ORDER BY pinned DESC, published_on DESC, id DESC LIMIT \(limit)
            """).map(NewsItem.init(row:))
    }

    @discardableResult
    public static func insert(title: String, body: String, publishedOn: LocalDate, pinned: Bool = false,
                              in connection: PostgresConnection) throws -> Int64 {
        try connection.query("""
            INSERT INTO news_items (title, body, published_on, pinned)
            VALUES (\(title), \(body), \(publishedOn.iso)::date, \(pinned)) RETURNING id
            """)[0].decode("id", as: Int64.self)
    }
}

extension NewsItem {
    init(row: PostgresRow) throws {
        let day: String = try row.decode("published_on")
        guard let publishedOn = LocalDate(iso: day) else { throw StoreError.corruptValue(column: "published_on", value: day) }
        self.init(id: try row.decode("id"), title: try row.decode("title"), body: try row.decode("body"), publishedOn: publishedOn)
    }
}

public enum StoreError: Error, Equatable {
    case corruptValue(column: String, value: String)
}
