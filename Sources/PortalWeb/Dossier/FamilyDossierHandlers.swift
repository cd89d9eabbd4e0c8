import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// « Mon dossier »: a family reads its file and asks for changes, which staff validate.
/// Every flow loads the file only if the account is subscribed to it, so guessed ids in URLs
/// and forms reach nothing (404).
enum FamilyDossierHandlers {
    static func landing(_ context: RequestContext) throws -> HTTPResponse {
        let families = try MyDossier(town: context.town).families(accountID: try context.family.id)
        if families.count == 1 { return .redirect(to: DossierPaths.family(families[0].id)) }
        return .html(DossierViews.choose(context.chrome, families: families))
    }

    static func overview(_ context: RequestContext, familyID: Int64) throws -> HTTPResponse {
        let (dossier, requests, pending) = try MyDossier(town: context.town).overview(familyID: familyID, accountID: try context.family.id)
        return .html(DossierViews.overview(context.chrome, dossier: dossier, requests: requests, pending: pending,
                                           notice: context.request.queryValue("ok"), today: ParisTime.localDate(of: context.now)))
    }

    static func editForm(_ context: RequestContext, familyID: Int64, entity: DossierEntity, record segment: RecordSegment) throws -> HTTPResponse {
        let (dossier, record, pending) = try MyDossier(town: context.town).recordForm(familyID: familyID, entity: entity, recordID: segment.id,
                                                                                        accountID: try context.family.id)
        let values = Dictionary(uniqueKeysWithValues: DossierField.fields(of: entity).map { field in
            (field.key, DossierFieldInput.formValue(field, dossier.value(at: FieldTarget(entity, record, field.key)) ?? ""))
        })
        return .html(DossierViews.recordForm(context.chrome, dossier: dossier, entity: entity, record: record, values: values,
                                             pending: pending, errors: FieldErrors(), general: nil))
    }

    static func submit(_ context: RequestContext, familyID: Int64, entity: DossierEntity, record segment: RecordSegment) throws -> HTTPResponse {
        let account = try context.family
        var sent: [String: String] = [:]
        for field in DossierField.fields(of: entity) { sent[field.key] = context.form.value(field.key) }
        let upload = PhotoUpload(file: context.form.file(ChildPhotoViews.fieldName)?.body, entity: entity, recordID: segment.id)
        switch try SubmitDossierChange(town: context.town).run(familyID: familyID, entity: entity, recordID: segment.id, values: sent,
                                                               photo: upload, account: account, now: context.now) {
        case .submitted(let familyID):
            return .redirect(to: DossierPaths.family(familyID) + "?ok=demande-dossier")
        case .refused(let dossier, let record, let pending, let refusal):
            var errors = FieldErrors()
            for field in DossierField.fields(of: entity) {
                if let message = refusal.fieldProblems[FieldTarget(entity, record, field.key)] { errors.add(field.key, message) }
            }
            let values = Dictionary(uniqueKeysWithValues: DossierField.fields(of: entity).map { ($0.key, context.form.value($0.key) ?? "") })
            return .html(DossierViews.recordForm(context.chrome, dossier: dossier, entity: entity, record: record, values: values, pending: pending,
                                                 errors: errors, general: refusal.general),
                         status: .unprocessableContent)
        }
    }

    static func withdraw(_ context: RequestContext, familyID: Int64, requestID: Int64) throws -> HTTPResponse {
        switch try WithdrawDossierChange(town: context.town).run(familyID: familyID, requestID: requestID, account: try context.family, now: context.now) {
        case .withdrawn(let familyID): return .redirect(to: DossierPaths.family(familyID) + "?ok=demande-retiree")
        case .alreadyAnswered(let familyID): return .redirect(to: DossierPaths.family(familyID) + "?ok=retrait-impossible")
        }
    }

    static func dataPage(_ context: RequestContext, familyID: Int64) throws -> HTTPResponse {
        .html(DossierViews.dataPage(context.chrome, familyID: familyID, export: try export(context, familyID: familyID)))
    }

    static func dataJSON(_ context: RequestContext, familyID: Int64) throws -> HTTPResponse {
        var response = HTTPResponse.json(Array(try export(context, familyID: familyID).rendered().utf8))
        response.headers.set("Content-Disposition", "attachment; filename=\"mes-donnees.json\"")
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    private static func export(_ context: RequestContext, familyID: Int64) throws -> JSONValue {
        try MyDossier(town: context.town).export(familyID: familyID, account: try context.family, now: context.now)
    }
}
