public import Foundation
public import PortalCore
public import Postgres

extension ChangeRequestStore {
    public static let removedRecordReason = "Cette fiche a été retirée du dossier."

    /// After staff accept a removal, the family's other pending changes to that record (a
    /// child's fields, health sheet and photo, or a contact's) are refused, so that a removed
    /// record keeps nothing pending. Returns how many requests were answered.
    @discardableResult
    public static func refusePending(onRemoved removals: [FieldTarget], in dossier: Family, by staff: DossierActor, now: Date,
                                     in connection: PostgresConnection) throws -> Int {
        let removed = Set(removals.filter(\.isRemoval).map { RemovedRecord(entity: $0.recordEntity, record: $0.record) })
        guard !removed.isEmpty else { return 0 }
        var answered = 0
        for stored in try list(familyID: dossier.familyID, in: connection) where stored.request.isOpen {
            let answers = Dictionary(uniqueKeysWithValues: stored.request.changes.filter { change in
                change.isPending && removed.contains(RemovedRecord(entity: change.target.recordEntity, record: change.target.record))
            }.map { ($0.target, StaffAnswer.refuse(reason: removedRecordReason)) })
            guard !answers.isEmpty else { continue }
            let outcome = try stored.request.deciding(answers, by: staff, at: now, against: dossier)
            try update(outcome.request, previous: stored, now: now, note: removedRecordReason, in: connection)
            answered += 1
        }
        return answered
    }

    private struct RemovedRecord: Hashable {
        let entity: DossierEntity
        let record: RecordRef
    }
}
