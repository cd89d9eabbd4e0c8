public import Foundation
public import Postgres

public enum RequestStatus: String, Sendable, CaseIterable {
    case pending, accepted, refused, withdrawn, done

    /// The labels of the seeds (« Demande en cours », « Refusée »…).
    public var frenchLabel: String {
        switch self {
        case .pending: "Demande en cours"
        case .accepted: "Acceptée"
        case .refused: "Refusée"
        case .withdrawn: "Retirée"
        case .done: "Traitée"
        }
    }
}

public enum RequestActor: String, Sendable {
    case family, staff, system
}

/// The type of a request as « Mes demandes » shows it; each feature declares its own.
public struct RequestKind: Sendable, Equatable {
    public let code: String
    public let label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }

    public static let subscription = RequestKind(code: "subscription", label: "Abonnement à un dossier famille")
    public static let document = RequestKind(code: "document", label: "Envoi d'un justificatif")
}

public struct RequestEvent: Sendable, Equatable {
    public let status: RequestStatus
    public let note: String
    public let actor: RequestActor
    public let at: Date
}

public struct FamilyRequest: Sendable, Equatable {
    public let id: Int64
    public let kindCode: String
    public let kindLabel: String
    public let status: RequestStatus
    public let summary: String
    public let createdAt: Date
    public let updatedAt: Date
    public var events: [RequestEvent]
}

/// « Mes demandes »: every feature records what a family asked here, in the same transaction as
/// the request itself, and moves it along with `update`. A request belongs to the account that
/// made it and, when given, to a family file, so both guardians of a family see it.
public enum Requests {
    @discardableResult
    public static func record(_ kind: RequestKind, summary: String, accountID: Int64?, familyID: Int64? = nil,
                              status: RequestStatus = .pending, note: String = "", actor: RequestActor = .family,
                              now: Date, in connection: PostgresConnection) throws -> Int64 {
        let id: Int64 = try connection.query("""
            INSERT INTO requests (account_id, family_id, kind, kind_label, status, summary, created_at, updated_at)
            VALUES (\(accountID as Int64?), \(familyID as Int64?), \(kind.code), \(kind.label), \(status.rawValue), \(String(summary.prefix(500))), \(now), \(now))
            RETURNING id
            """)[0].decode("id")
        try addEvent(requestID: id, status: status, note: note, actor: actor, now: now, in: connection)
        return id
    }

    public static func update(requestID: Int64, status: RequestStatus, note: String = "", actor: RequestActor,
                              now: Date, in connection: PostgresConnection) throws {
        try connection.execute("UPDATE requests SET status = \(status.rawValue), updated_at = \(now) WHERE id = \(requestID)")
        try addEvent(requestID: requestID, status: status, note: note, actor: actor, now: now, in: connection)
    }

    private static func addEvent(requestID: Int64, status: RequestStatus, note: String, actor: RequestActor,
                                 now: Date, in connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO request_events (request_id, status, note, actor, created_at)
            VALUES (\(requestID), \(status.rawValue), \(String(note.prefix(2000))), \(actor.rawValue), \(now))
            """)
    }

    private static func visible(to accountID: Int64) -> SQL {
        "(r.account_id = \(accountID) OR r.family_id IN (SELECT family_id FROM subscriptions WHERE account_id = \(accountID)))"
    }

    /// The requests an account sees: its own and those of the families it is subscribed to, newest first.
    public static func list(visibleTo accountID: Int64, limit: Int = 200, in connection: PostgresConnection) throws -> [FamilyRequest] {
        try connection.query("""
            SELECT r.id, r.kind, r.kind_label, r.status, r.summary, r.created_at, r.updated_at FROM requests r
            WHERE \(visible(to: accountID)) ORDER BY r.created_at DESC, r.id DESC LIMIT \(limit)
            """).map(FamilyRequest.init(row:))
    }

    /// One request with its history, if the account may see it.
    public static func find(id: Int64, visibleTo accountID: Int64, in connection: PostgresConnection) throws -> FamilyRequest? {
        guard var request = try connection.query("""
            SELECT r.id, r.kind, r.kind_label, r.status, r.summary, r.created_at, r.updated_at FROM requests r
            WHERE r.id = \(id) AND \(visible(to: accountID))
            """).first.map(FamilyRequest.init(row:)) else { return nil }
        request.events = try connection.query("""
            SELECT status, note, actor, created_at FROM request_events WHERE request_id = \(id) ORDER BY created_at, id
            """).map { row in
            RequestEvent(status: try row.enumValue("status", as: RequestStatus.self), note: try row.decode("note"),
                         actor: try row.enumValue("actor", as: RequestActor.self), at: try row.decode("created_at"))
        }
        return request
    }
}

extension FamilyRequest {
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        kindCode = try row.decode("kind")
        kindLabel = try row.decode("kind_label")
        status = try row.enumValue("status", as: RequestStatus.self)
        summary = try row.decode("summary")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        events = []
    }
}
