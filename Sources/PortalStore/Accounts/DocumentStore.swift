public import Foundation
public import PortalCore
public import Postgres

public struct AccountDocument: Sendable, Equatable {
    public let id: Int64
    public let accountID: Int64
    public let title: String
    public let fileName: String
    public let contentType: String
    public let size: Int
    public let uploadedAt: Date
    /// Filled for staff lists: who sent it.
    public let senderName: String?
}

/// Justificatifs (Mes documents). Bytes are read only when one is downloaded.
public enum DocumentStore {
    @discardableResult
    public static func insert(accountID: Int64, title: String, fileName: String, format: DocumentFormat, bytes: [UInt8],
                              now: Date, in connection: PostgresConnection) throws -> Int64 {
        try connection.query("""
            INSERT INTO account_documents (account_id, title, file_name, content_type, bytes, uploaded_at)
            VALUES (\(accountID), \(title), \(fileName), \(format.contentType), \(bytes)::bytea, \(now)) RETURNING id
            """)[0].decode("id")
    }

    /// Files and bytes the account sent since `since`, for its upload quota.
    public static func usage(accountID: Int64, since: Date, in connection: PostgresConnection) throws -> (files: Int, bytes: Int) {
        let row = try connection.query("""
            SELECT count(*)::bigint AS files, coalesce(sum(octet_length(bytes)), 0)::bigint AS bytes
            FROM account_documents WHERE account_id = \(accountID) AND uploaded_at > \(since)
            """)[0]
        return (Int(try row.decode("files", as: Int64.self)), Int(try row.decode("bytes", as: Int64.self)))
    }

    public static func list(accountID: Int64, in connection: PostgresConnection) throws -> [AccountDocument] {
        try connection.query("""
            SELECT d.id, d.account_id, d.title, d.file_name, d.content_type, octet_length(d.bytes) AS size, d.uploaded_at, NULL::text AS sender
            FROM account_documents d WHERE d.account_id = \(accountID) ORDER BY d.uploaded_at DESC, d.id DESC
            """).map(AccountDocument.init(row:))
    }

    /// The document and its bytes; restricted to `accountID` when given (a family), any for staff.
    public static func content(id: Int64, accountID: Int64?, in connection: PostgresConnection) throws -> (AccountDocument, [UInt8])? {
        guard let row = try connection.query("""
            SELECT d.id, d.account_id, d.title, d.file_name, d.content_type, octet_length(d.bytes) AS size, d.uploaded_at,
                   NULL::text AS sender, d.bytes
            FROM account_documents d WHERE d.id = \(id) AND (\(accountID as Int64?)::bigint IS NULL OR d.account_id = \(accountID as Int64?))
            """).first else { return nil }
        return (try AccountDocument(row: row), try row.decode("bytes", as: [UInt8].self))
    }
}

extension AccountDocument {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        accountID = try row.decode("account_id")
        title = try row.decode("title")
        fileName = try row.decode("file_name")
        contentType = try row.decode("content_type")
        size = try row.decode("size")
        uploadedAt = try row.decode("uploaded_at")
        senderName = try row.decode("sender")
    }
}
