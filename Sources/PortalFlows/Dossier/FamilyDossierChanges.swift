public import Foundation
public import PortalCore
public import PortalStore

/// A family asks for changes to its file: staff validate them (`DecideDossierChange`). The
/// request is recorded in « Mes demandes » in the same transaction.
public struct SubmitDossierChange: Sendable {
    public enum Outcome: Sendable {
        case submitted(familyID: Int64)
        /// Nothing was recorded: the form is shown again with these problems.
        case refused(dossier: Family, record: RecordRef, pending: [FieldTarget: FieldChange], refusal: SubmissionRefusal)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    /// `values`: the form's value of each field it sent, by field key; `recordID` nil for a new contact.
    public func run(familyID: Int64, entity: DossierEntity, recordID: Int64?, values: [String: String], photo upload: PhotoUpload,
                    account: Account, now: Date) throws -> Outcome {
        try town.transaction { connection in
            let dossier = try FamilyFileAccess.own(familyID, accountID: account.id, lock: true, in: connection)
            let record = try FamilyFileAccess.record(entity, id: recordID, in: dossier)
            let pending = try ChangeRequestStore.pendingChanges(familyID: dossier.familyID, in: connection)
            // A photo's value is only ever a reference drawn here for an uploaded picture, never typed.
            var proposals = DossierField.fields(of: entity).filter(\.isEditableByFamily).compactMap { field -> ProposedChange? in
                guard let value = values[field.key], field.kind != .photo else { return nil }
                return ProposedChange(FieldTarget(entity, record, field.key), value)
            }
            if let photo = upload.photo { proposals.append(ProposedChange(photo.target, photo.reference)) }
            let request: ChangeRequest
            do {
                request = try ChangeRequest.submit(proposals, to: dossier, by: DossierActor(.family, id: account.id, name: account.displayName),
                                                   at: now, today: ParisTime.localDate(of: now), alreadyPending: Set(pending.keys))
            } catch let refusal as SubmissionRefusal {
                return .refused(dossier: dossier, record: record, pending: pending, refusal: upload.adding(to: refusal))
            }
            if let problem = upload.problem {
                return .refused(dossier: dossier, record: record, pending: pending,
                                refusal: SubmissionRefusal(fieldProblems: [problem.target: problem.message], general: nil))
            }
            if let photo = upload.photo, case .existing(let childID) = record {
                try ChildPhotoStore.insert(reference: photo.reference, familyID: dossier.familyID, childID: childID, format: photo.format,
                                           bytes: photo.bytes, now: now, in: connection)
            }
            _ = try ChangeRequestStore.insert(request, summary: request.summary(in: dossier), now: now, in: connection)
            return .submitted(familyID: dossier.familyID)
        }
    }
}

/// A family takes back a request staff have not answered yet; its pending photo goes with it.
public struct WithdrawDossierChange: Sendable {
    public enum Outcome: Sendable, Equatable {
        case withdrawn(familyID: Int64)
        /// Staff already answered part of it: nothing changed.
        case alreadyAnswered(familyID: Int64)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(familyID: Int64, requestID id: Int64, account: Account, now: Date) throws -> Outcome {
        try town.transaction { connection in
            let dossier = try FamilyFileAccess.own(familyID, accountID: account.id, lock: true, in: connection)
            guard let stored = try ChangeRequestStore.find(id: id, familyID: dossier.familyID, lock: true, in: connection)
            else { throw FlowError.notFound }
            guard let withdrawn = try? stored.request.withdrawing(by: DossierActor(.family, id: account.id, name: account.displayName), at: now)
            else { return .alreadyAnswered(familyID: dossier.familyID) }
            try ChangeRequestStore.update(withdrawn, previous: stored, now: now, note: "Retirée par \(account.displayName).", in: connection)
            try ChildPhotoStore.prune(familyID: dossier.familyID, in: connection)
            return .withdrawn(familyID: dossier.familyID)
        }
    }
}

/// Asks staff to take a child or an authorised contact out of the file: a change request
/// like the others, withdrawn or decided in the same places.
public struct RequestRecordRemoval: Sendable {
    public enum Outcome: Sendable, Equatable {
        case requested(familyID: Int64)
        /// A removal of this record already waits for validation.
        case alreadyPending(familyID: Int64)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(familyID: Int64, entity: DossierEntity, recordID id: Int64, account: Account, now: Date) throws -> Outcome {
        try town.transaction { connection in
            let dossier = try FamilyFileAccess.own(familyID, accountID: account.id, lock: true, in: connection)
            guard DossierField.removableEntities.contains(entity), dossier.contains(entity, id: id) else { throw FlowError.notFound }
            let pending = try ChangeRequestStore.pendingChanges(familyID: dossier.familyID, in: connection)
            let request: ChangeRequest
            do {
                request = try ChangeRequest.submit([ProposedChange(.removal(of: entity, id: id), FieldKind.yes)], to: dossier,
                                                   by: DossierActor(.family, id: account.id, name: account.displayName), at: now,
                                                   today: ParisTime.localDate(of: now), alreadyPending: Set(pending.keys))
            } catch {
                return .alreadyPending(familyID: dossier.familyID)
            }
            _ = try ChangeRequestStore.insert(request, summary: request.summary(in: dossier), now: now, in: connection)
            return .requested(familyID: dossier.familyID)
        }
    }
}
