public import Foundation
public import PortalCore
public import Postgres

public struct TownDocument: Sendable, Equatable {
    public let id: Int64
    public let category: TownDocumentCategory
    public let title: String
    public let fileName: String
    public let contentType: String
    public let size: Int
    public let validFrom: LocalDate
    public let validUntil: LocalDate?
}

/// Documents the town publishes; families see those valid on the day.
public enum TownDocumentStore {
    private static let columns = SQL(unsafeSQL: """
        SELECT id, category, title, file_name, content_type, octet_length(bytes) AS size,
               valid_from::text AS valid_from, valid_until::text AS valid_until FROM town_documents
        """)

    @discardableResult
    public static func insert(category: TownDocumentCategory, title: String, fileName: String, format: DocumentFormat, bytes: [UInt8],
                              validFrom: LocalDate, validUntil: LocalDate?, now: Date, in connection: PostgresConnection) throws -> Int64 {
        try connection.query("""
            INSERT INTO town_documents (category, title, file_name, content_type, bytes, valid_from, valid_until, created_at)
            VALUES (\(category.rawValue), \(title), \(fileName), \(format.contentType), \(bytes)::bytea, \(validFrom.iso)::date,
                    \(validUntil?.iso)::date, \(now)) RETURNING id
            """)[0].decode("id")
    }

    public static func valid(on day: LocalDate, in connection: PostgresConnection) throws -> [TownDocument] {
        try connection.query(columns + """
             WHERE valid_from <= \(day.iso)::date AND (valid_until IS NULL OR valid_until >= \(day.iso)::date)
            ORDER BY category, valid_from DESC, id DESC
            """).map(TownDocument.init(row:))
    }

    public static func all(in connection: PostgresConnection) throws -> [TownDocument] {
        try connection.query(columns + " ORDER BY category, valid_from DESC, id DESC LIMIT 500").map(TownDocument.init(row:))
    }

    /// The bytes of a document; `validOn` limits it to those valid that day (families).
    public static func content(id: Int64, validOn day: LocalDate?, in connection: PostgresConnection) throws -> (TownDocument, [UInt8])? {
        guard let row = try connection.query("""
            SELECT id, category, title, file_name, content_type, octet_length(bytes) AS size,
                   valid_from::text AS valid_from, valid_until::text AS valid_until, bytes FROM town_documents
            WHERE id = \(id) AND (\(day?.iso)::date IS NULL OR (valid_from <= \(day?.iso)::date AND (valid_until IS NULL OR valid_until >= \(day?.iso)::date)))
            """).first else { return nil }
        return (try TownDocument(row: row), try row.decode("bytes", as: [UInt8].self))
    }

    public static func delete(id: Int64, in connection: PostgresConnection) throws -> Bool {
        try connection.execute("DELETE FROM town_documents WHERE id = \(id)") == 1
    }
}

extension TownDocument {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        category = try row.enumValue("category", as: TownDocumentCategory.self)
        title = try row.decode("title")
        fileName = try row.decode("file_name")
        contentType = try row.decode("content_type")
        size = try row.decode("size")
        let from: String = try row.decode("valid_from")
        guard let validFrom = LocalDate(iso: from) else { throw StoreError.corruptValue(column: "valid_from", value: from) }
        self.validFrom = validFrom
        let until: String? = try row.decode("valid_until")
        if let until {
            guard let parsed = LocalDate(iso: until) else { throw StoreError.corruptValue(column: "valid_until", value: until) }
            validUntil = parsed
        } else {
            validUntil = nil
        }
    }
}
