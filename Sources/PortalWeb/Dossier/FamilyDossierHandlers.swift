import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// « Mon dossier »: a family reads its file and asks for changes, which staff validate.
/// Every handler loads the file through `ownFile`, which answers 404 for a family the account
/// is not subscribed to, so guessed ids in URLs and forms reach nothing.
enum FamilyDossierHandlers {
    static func landing(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let families = try context.transaction { try FamilyStore.subscriptions(accountID: account.id, in: $0) }
        if families.count == 1 { return .redirect(to: DossierPaths.family(families[0].id)) }
        return .html(DossierViews.choose(context, families: families))
    }

    /// The file of the family in the URL, if the signed-in account is subscribed to it.
    static func ownFile(_ context: RequestContext, lock: Bool = false, in connection: PostgresConnection) throws -> FamilyDossier {
        let account = try context.family
        guard let familyID = context.parameters["famille"].flatMap(Int64.init),
              try FamilyStore.isSubscribed(accountID: account.id, familyID: familyID, in: connection),
              try !DossierStore.isAnonymised(familyID: familyID, in: connection),
              let dossier = try DossierStore.load(familyID: familyID, lock: lock, in: connection)
        else { throw RouteError.notFound }
        return dossier
    }

    static func overview(_ context: RequestContext) throws -> HTTPResponse {
        let (dossier, requests, pending) = try context.transaction { connection in
            let dossier = try ownFile(context, in: connection)
            return (dossier, try ChangeRequestStore.list(familyID: dossier.familyID, in: connection),
                    try ChangeRequestStore.pendingChanges(familyID: dossier.familyID, in: connection))
        }
        return .html(DossierViews.overview(context, dossier: dossier, requests: requests.map(\.request), pending: pending))
    }

    /// The record the URL names in this family's file: an existing id, or a new contact.
    private static func record(_ context: RequestContext, in dossier: FamilyDossier) throws -> (DossierEntity, RecordRef) {
        guard let entity = context.parameters["entite"].flatMap(DossierPaths.entity), let idText = context.parameters["id"] else {
            throw RouteError.notFound
        }
        if idText == "nouveau" {
            guard entity == .contact else { throw RouteError.notFound }
            return (entity, .proposed(1))
        }
        guard let id = Int64(idText), dossier.contains(entity, id: id) else { throw RouteError.notFound }
        return (entity, .existing(id))
    }

    static func editForm(_ context: RequestContext) throws -> HTTPResponse {
        let (dossier, pending) = try context.transaction { connection in
            let dossier = try ownFile(context, in: connection)
            return (dossier, try ChangeRequestStore.pendingChanges(familyID: dossier.familyID, in: connection))
        }
        let (entity, record) = try self.record(context, in: dossier)
        let values = Dictionary(uniqueKeysWithValues: DossierField.fields(of: entity).map { field in
            (field.key, DossierFieldInput.formValue(field, dossier.value(at: FieldTarget(entity, record, field.key)) ?? ""))
        })
        return .html(DossierViews.recordForm(context, dossier: dossier, entity: entity, record: record, values: values,
                                             pending: pending, errors: FieldErrors(), general: nil))
    }

    static func submit(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        enum Outcome { case done(Int64), refused(FamilyDossier, DossierEntity, RecordRef, [FieldTarget: FieldChange], SubmissionRefusal) }
        let outcome: Outcome = try context.transaction { connection in
            let dossier = try ownFile(context, lock: true, in: connection)
            let (entity, record) = try self.record(context, in: dossier)
            let pending = try ChangeRequestStore.pendingChanges(familyID: dossier.familyID, in: connection)
            // A photo's value is only ever a reference drawn here for an uploaded picture, never typed.
            var proposals = DossierField.fields(of: entity).filter(\.isEditableByFamily).compactMap { field -> ProposedChange? in
                guard case .some = context.form.value(field.key), field.kind != .photo else { return nil }
                return ProposedChange(FieldTarget(entity, record, field.key), context.form.value(field.key) ?? "")
            }
            let upload = PhotoUpload(context, entity: entity, record: record)
            if let photo = upload.photo { proposals.append(ProposedChange(photo.target, photo.reference)) }
            let request: ChangeRequest
            do {
                request = try ChangeRequest.submit(proposals, to: dossier, by: DossierActor(.family, id: account.id, name: account.displayName),
                                                   at: context.now, today: ParisTime.localDate(of: context.now), alreadyPending: Set(pending.keys))
            } catch let refusal as SubmissionRefusal {
                return .refused(dossier, entity, record, pending, upload.adding(to: refusal))
            }
            if let problem = upload.problem {
                return .refused(dossier, entity, record, pending, SubmissionRefusal(fieldProblems: [problem.target: problem.message], general: nil))
            }
            if let photo = upload.photo, case .existing(let childID) = record {
                try ChildPhotoStore.insert(reference: photo.reference, familyID: dossier.familyID, childID: childID, format: photo.format,
                                           bytes: photo.bytes, now: context.now, in: connection)
            }
            _ = try ChangeRequestStore.insert(request, summary: request.summary(in: dossier), now: context.now, in: connection)
            return .done(dossier.familyID)
        }
        switch outcome {
        case .done(let familyID):
            return .redirect(to: DossierPaths.family(familyID) + "?ok=demande-dossier")
        case .refused(let dossier, let entity, let record, let pending, let refusal):
            var errors = FieldErrors()
            for field in DossierField.fields(of: entity) {
                if let message = refusal.fieldProblems[FieldTarget(entity, record, field.key)] { errors.add(field.key, message) }
            }
            let values = Dictionary(uniqueKeysWithValues: DossierField.fields(of: entity).map { ($0.key, context.form.value($0.key) ?? "") })
            return .html(DossierViews.recordForm(context, dossier: dossier, entity: entity, record: record, values: values, pending: pending,
                                                 errors: errors, general: refusal.general),
                         status: .unprocessableContent)
        }
    }

    static func withdraw(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let result: (Int64, Bool) = try context.transaction { connection in
            let dossier = try ownFile(context, lock: true, in: connection)
            guard let id = context.parameters["id"].flatMap(Int64.init),
                  let stored = try ChangeRequestStore.find(id: id, familyID: dossier.familyID, lock: true, in: connection)
            else { throw RouteError.notFound }
            guard let withdrawn = try? stored.request.withdrawing(by: DossierActor(.family, id: account.id, name: account.displayName), at: context.now)
            else { return (dossier.familyID, false) }
            try ChangeRequestStore.update(withdrawn, previous: stored, now: context.now, note: "Retirée par \(account.displayName).", in: connection)
            try ChildPhotoStore.prune(familyID: dossier.familyID, in: connection)
            return (dossier.familyID, true)
        }
        return .redirect(to: DossierPaths.family(result.0) + (result.1 ? "?ok=demande-retiree" : "?ok=retrait-impossible"))
    }

    static func dataPage(_ context: RequestContext) throws -> HTTPResponse {
        .html(DossierViews.dataPage(context, export: try export(context)))
    }

    static func dataJSON(_ context: RequestContext) throws -> HTTPResponse {
        var response = HTTPResponse.json(Array(try export(context).rendered().utf8))
        response.headers.set("Content-Disposition", "attachment; filename=\"mes-donnees.json\"")
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// Everything held on the family and on the signed-in account (RGPD art. 15).
    private static func export(_ context: RequestContext) throws -> JSONValue {
        let account = try context.family
        return try context.transaction { connection in
            let dossier = try ownFile(context, in: connection)
            let requests = try ChangeRequestStore.list(familyID: dossier.familyID, in: connection).map(\.request)
            let demands = try Requests.list(visibleTo: account.id, in: connection)
            let accountPart: [(key: String, value: JSONValue)] = [
                ("Nom", .string(account.lastName)), ("Prénoms", .string(account.firstNames)),
                ("Adresse de connexion", .string(account.email)),
                ("Compte créé le", .string(FrenchDateFormat.longWithTime(account.createdAt))),
                ("Mes demandes", .array(demands.map { demand in
                    .object([("Type", .string(demand.kindLabel)), ("Objet", .string(demand.summary)),
                             ("Statut", .string(demand.status.frenchLabel)),
                             ("Déposée le", .string(FrenchDateFormat.longWithTime(demand.createdAt)))])
                })),
            ]
            return DossierExport.build(dossier, requests: requests, townName: context.tenant.name, generatedAt: context.now, account: accountPart)
        }
    }
}
