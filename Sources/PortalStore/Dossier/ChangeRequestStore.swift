public import Foundation
public import PortalCore
public import Postgres

/// A stored dossier change request with its line in « Mes demandes ».
public struct StoredChangeRequest: Sendable, Equatable {
    public let request: ChangeRequest
    /// The `requests` row families see in « Mes demandes ».
    public let requestID: Int64
}

/// A line of the staff's queue of dossier changes.
public struct ChangeQueueItem: Sendable, Equatable {
    public let id: Int64
    public let familyID: Int64
    public let familyName: String
    public let submittedBy: String
    public let submittedAt: Date
    public let pendingFields: Int
    public let touchesHealth: Bool
}

/// Dossier change requests: saved with their fields and history, and kept in step with the
/// « Mes demandes » line of the accounts area.
public enum ChangeRequestStore {
    public static let kind = RequestKind(code: "dossier_change", label: "Modification du dossier famille")

    /// Saves a new request and its « Mes demandes » line; returns it with its id.
    public static func insert(_ request: ChangeRequest, summary: String, now: Date, in connection: PostgresConnection) throws -> StoredChangeRequest {
        let requestID = try Requests.record(kind, summary: summary, accountID: request.submittedBy.id, familyID: request.familyID,
                                            note: "Demande envoyée au service.", actor: .family, now: now, in: connection)
        let id: Int64 = try connection.query("""
            INSERT INTO dossier_change_requests (family_id, request_id, submitted_by_id, submitted_by_name, submitted_at)
            VALUES (\(request.familyID), \(requestID), \(request.submittedBy.id), \(request.submittedBy.name), \(request.submittedAt))
            RETURNING id
            """)[0].decode("id")
        for (position, change) in request.changes.enumerated() {
            var recordID: Int64?
            var proposed: Int?
            switch change.target.record {
            case .existing(let value): recordID = value
            case .proposed(let number): proposed = number
            }
            try connection.execute("""
                INSERT INTO dossier_field_changes (request_id, position, entity, record_id, proposed_number, field_key, old_value, new_value)
                VALUES (\(id), \(position), \(change.target.entity.rawValue), \(recordID), \(proposed), \(change.target.key),
                        \(change.oldValue), \(change.newValue))
                """)
        }
        var stored = request
        stored.id = id
        try appendHistory(of: stored, from: 0, in: connection)
        return StoredChangeRequest(request: stored, requestID: requestID)
    }

    /// Saves decisions or a withdrawal made on `updated` since `previous` was loaded, and moves
    /// the « Mes demandes » line to the request's status.
    public static func update(_ updated: ChangeRequest, previous: StoredChangeRequest, now: Date, note: String,
                              in connection: PostgresConnection) throws {
        guard let id = updated.id else { return }
        if let withdrawnAt = updated.withdrawnAt, previous.request.withdrawnAt == nil {
            try connection.execute("UPDATE dossier_change_requests SET withdrawn_at = \(withdrawnAt) WHERE id = \(id)")
        }
        for (position, change) in updated.changes.enumerated() where change.decision != previous.request.changes[position].decision {
            switch change.decision {
            case .pending: continue
            case .accepted(let by, let at):
                try connection.execute("""
                    UPDATE dossier_field_changes SET decision = 'accepted', decided_by_id = \(by.id), decided_by_name = \(by.name), decided_at = \(at)
                    WHERE request_id = \(id) AND position = \(position) AND decision = 'pending'
                    """)
            case .refused(let reason, let by, let at):
                try connection.execute("""
                    UPDATE dossier_field_changes SET decision = 'refused', reason = \(reason), decided_by_id = \(by.id),
                        decided_by_name = \(by.name), decided_at = \(at)
                    WHERE request_id = \(id) AND position = \(position) AND decision = 'pending'
                    """)
            }
        }
        try appendHistory(of: updated, from: previous.request.history.count, in: connection)
        if updated.status != previous.request.status || updated.status == .pending {
            let actor: RequestActor = updated.withdrawnAt != nil ? .family : .staff
            try Requests.update(requestID: previous.requestID, status: requestStatus(updated.status), note: note, actor: actor, now: now, in: connection)
        }
    }

    /// « Acceptée partiellement » is an accepted request whose note says which fields were refused.
    static func requestStatus(_ status: ChangeRequestStatus) -> RequestStatus {
        switch status {
        case .pending: .pending
        case .accepted, .partiallyAccepted: .accepted
        case .refused: .refused
        case .withdrawn: .withdrawn
        }
    }

    private static func appendHistory(of request: ChangeRequest, from start: Int, in connection: PostgresConnection) throws {
        guard let id = request.id else { return }
        for entry in request.history.dropFirst(start) {
            let (action, targets, count, reason): (String, [FieldTarget], Int, String) = switch entry.action {
            case .submitted(let fieldCount): ("submitted", [], fieldCount, "")
            case .withdrawn: ("withdrawn", [], 0, "")
            case .accepted(let targets): ("accepted", targets, targets.count, "")
            case .refused(let targets, let reason): ("refused", targets, targets.count, reason)
            }
            let positions = targets.compactMap { target in request.changes.firstIndex { $0.target == target } }
            try connection.execute("""
                INSERT INTO dossier_change_history (request_id, at, actor_kind, actor_id, actor_name, action, positions, field_count, reason)
                VALUES (\(id), \(entry.at), \(entry.actor.kind.rawValue), \(entry.actor.id), \(entry.actor.name), \(action),
                        \(positions), \(count), \(reason))
                """)
        }
    }

    /// One request of one family (nil for another family's id). `lock` serialises deciders.
    public static func find(id: Int64, familyID: Int64? = nil, lock: Bool = false, in connection: PostgresConnection) throws -> StoredChangeRequest? {
        var filter: SQL = "id = \(id)"
        if let familyID { filter.append(" AND family_id = \(familyID)") }
        guard let row = try connection.query("""
            SELECT id, family_id, request_id, submitted_by_id, submitted_by_name, submitted_at, withdrawn_at
            FROM dossier_change_requests WHERE \(filter) \(unsafeSQL: lock ? "FOR UPDATE" : "")
            """).first else { return nil }
        return try load(row, in: connection)
    }

    /// A family's requests, newest first.
    public static func list(familyID: Int64, in connection: PostgresConnection) throws -> [StoredChangeRequest] {
        try connection.query("""
            SELECT id, family_id, request_id, submitted_by_id, submitted_by_name, submitted_at, withdrawn_at
            FROM dossier_change_requests WHERE family_id = \(familyID) ORDER BY submitted_at DESC, id DESC
            """).map { try load($0, in: connection) }
    }

    /// Fields of a family waiting for staff, to show « en attente de validation » beside them.
    public static func pendingChanges(familyID: Int64, in connection: PostgresConnection) throws -> [FieldTarget: FieldChange] {
        var result: [FieldTarget: FieldChange] = [:]
        for stored in try list(familyID: familyID, in: connection) where stored.request.isOpen {
            for change in stored.request.changes where change.isPending { result[change.target] = change }
        }
        return result
    }

    /// Open requests of every family, oldest first: the staff's queue.
    public static func queue(limit: Int = 200, in connection: PostgresConnection) throws -> [ChangeQueueItem] {
        try connection.query("""
            SELECT r.id, r.family_id, f.name, r.submitted_by_name, r.submitted_at,
                   count(*) FILTER (WHERE c.decision = 'pending')::int AS pending,
                   bool_or(c.entity = 'health' AND c.decision = 'pending') AS health
            FROM dossier_change_requests r JOIN families f ON f.id = r.family_id JOIN dossier_field_changes c ON c.request_id = r.id
            WHERE r.withdrawn_at IS NULL
            GROUP BY r.id, f.name HAVING count(*) FILTER (WHERE c.decision = 'pending') > 0
            ORDER BY r.submitted_at, r.id LIMIT \(limit)
            """).map { row in
            ChangeQueueItem(id: try row.decode("id"), familyID: try row.decode("family_id"), familyName: try row.decode("name"),
                            submittedBy: try row.decode("submitted_by_name"), submittedAt: try row.decode("submitted_at"),
                            pendingFields: try row.decode("pending"), touchesHealth: try row.decode("health"))
        }
    }

    private static func load(_ row: PostgresRow, in connection: PostgresConnection) throws -> StoredChangeRequest {
        let id: Int64 = try row.decode("id")
        let submitter = DossierActor(.family, id: try row.decode("submitted_by_id"), name: try row.decode("submitted_by_name"))
        let changes = try connection.query("""
            SELECT entity, record_id, proposed_number, field_key, old_value, new_value, decision, reason,
                   decided_by_id, decided_by_name, decided_at
            FROM dossier_field_changes WHERE request_id = \(id) ORDER BY position
            """).map(FieldChange.init(row:))
        let history = try connection.query("""
            SELECT at, actor_kind, actor_id, actor_name, action, positions, field_count, reason
            FROM dossier_change_history WHERE request_id = \(id) ORDER BY id
            """).map { row in
            let actor = DossierActor(try row.enumValue("actor_kind", as: DossierActor.Kind.self), id: try row.decode("actor_id"),
                                     name: try row.decode("actor_name"))
            let targets = try row.decode("positions", as: [Int].self).compactMap { changes.indices.contains($0) ? changes[$0].target : nil }
            let action: DossierHistoryEntry.Action = switch try row.decode("action", as: String.self) {
            case "submitted": .submitted(fieldCount: try row.decode("field_count"))
            case "withdrawn": .withdrawn
            case "accepted": .accepted(targets)
            default: .refused(targets, reason: try row.decode("reason"))
            }
            return DossierHistoryEntry(at: try row.decode("at"), actor: actor, action: action)
        }
        let request = ChangeRequest(id: id, familyID: try row.decode("family_id"), submittedBy: submitter, submittedAt: try row.decode("submitted_at"),
                                    changes: changes, withdrawnAt: try row.decode("withdrawn_at"), history: history)
        return StoredChangeRequest(request: request, requestID: try row.decode("request_id"))
    }
}

extension FieldChange {
    init(row: PostgresRow) throws {
        let entity = try row.enumValue("entity", as: DossierEntity.self)
        let record: RecordRef
        if let id = try row.decode("record_id", as: Int64?.self) {
            record = .existing(id)
        } else {
            record = .proposed(try row.decode("proposed_number"))
        }
        let decision: FieldDecision
        switch try row.decode("decision", as: String.self) {
        case "pending":
            decision = .pending
        case let text:
            let by = DossierActor(.staff, id: try row.decode("decided_by_id"), name: try row.decode("decided_by_name"))
            let at: Date = try row.decode("decided_at")
            decision = text == "accepted" ? .accepted(by: by, at: at) : .refused(reason: try row.decode("reason"), by: by, at: at)
        }
        self.init(target: FieldTarget(entity, record, try row.decode("field_key")), oldValue: try row.decode("old_value"),
                  newValue: try row.decode("new_value"), decision: decision)
    }
}
