public import Foundation
import PortalCore
public import Postgres

/// A received justificatif waiting for review.
public struct DocumentToReview: Sendable, Equatable {
    public let id: Int64
    public let accountID: Int64
    public let senderName: String
    public let senderEmail: String
    public let title: String
    public let uploadedAt: Date
}

/// Staff review of the justificatifs families send: each is accepted or refused once. The
/// conditional UPDATE on `review_status` is what makes the second of two agents lose.
public enum DocumentReviewStore {
    public static let queue = "documents"

    public static func pending(title: String? = nil, limit: Int = 200, in connection: PostgresConnection) throws -> [DocumentToReview] {
        let pattern = title.map { "%" + $0 + "%" }
        return try connection.query("""
            SELECT d.id, d.account_id, d.title, d.uploaded_at, a.first_names || ' ' || a.last_name AS sender, a.email
            FROM account_documents d JOIN accounts a ON a.id = d.account_id
            WHERE d.review_status = 'received' AND (\(pattern)::text IS NULL OR d.title ILIKE \(pattern))
            ORDER BY d.uploaded_at, d.id LIMIT \(limit)
            """).map { row in
            DocumentToReview(id: try row.decode("id"), accountID: try row.decode("account_id"), senderName: try row.decode("sender"),
                             senderEmail: try row.decode("email"), title: try row.decode("title"), uploadedAt: try row.decode("uploaded_at"))
        }
    }

    public static func pendingCount(in connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*)::int AS n FROM account_documents WHERE review_status = 'received'")[0].decode("n")
    }

    /// Marks the document reviewed if nobody did yet; nil when it was already reviewed (or does
    /// not exist). The « Mes demandes » line written with the upload moves along.
    public static func review(id: Int64, verdict: QueueVerdict, reason: String, now: Date,
                              in connection: PostgresConnection) throws -> DocumentToReview? {
        guard let row = try connection.query("""
            UPDATE account_documents d SET review_status = \(verdict.rawValue)
            FROM accounts a WHERE d.id = \(id) AND d.review_status = 'received' AND a.id = d.account_id
            RETURNING d.id, d.account_id, d.title, d.uploaded_at, a.first_names || ' ' || a.last_name AS sender, a.email
            """).first else { return nil }
        let document = DocumentToReview(id: try row.decode("id"), accountID: try row.decode("account_id"), senderName: try row.decode("sender"),
                                        senderEmail: try row.decode("email"), title: try row.decode("title"), uploadedAt: try row.decode("uploaded_at"))
        // The upload wrote its request line in the same transaction, hence the same instant.
        if let requestID: Int64 = try connection.query("""
            SELECT id FROM requests WHERE kind = \(RequestKind.document.code) AND account_id = \(document.accountID)
              AND created_at = \(document.uploadedAt) AND status = 'pending' ORDER BY id LIMIT 1
            """).first?.decode("id") {
            try Requests.update(requestID: requestID, status: verdict == .accepted ? .accepted : .refused,
                                note: verdict == .accepted ? "Justificatif accepté." : "Justificatif refusé : \(reason)",
                                actor: .staff, now: now, in: connection)
        }
        return document
    }
}
