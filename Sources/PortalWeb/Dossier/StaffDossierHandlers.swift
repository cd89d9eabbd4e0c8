import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// Family files in the back-office: search, creation with a code abonné, the family page
/// (health sheets only for the roles of `HealthDataPolicy`, each view logged), the quotient
/// familial and residency that only staff set, and erasure of a family that has left.
enum StaffDossierHandlers {
    static func search(_ context: RequestContext) throws -> HTTPResponse {
        let query = String((context.request.queryValue("q") ?? "").prefix(100))
        let hits = query.isEmpty ? [] : try StaffFamilyFiles(town: context.town).search(query)
        return .html(StaffDossierViews.search(context.staffChrome, notice: context.request.queryValue("ok"), query: query, hits: hits))
    }

    static func newFamilyForm(_ context: RequestContext) throws -> HTTPResponse {
        .html(StaffDossierViews.newFamily(context.staffChrome, notice: context.request.queryValue("ok"), values: [:], errors: FieldErrors()))
    }

    /// The first guardian's identity and address; the rest the family completes online.
    static let creationFields = ["last_name", "first_names", "relation", "address_line1", "postcode", "city", "mobile_phone", "email"]

    static func createFamily(_ context: RequestContext) throws -> HTTPResponse {
        var errors = FieldErrors()
        var guardian = Guardian()
        let today = ParisTime.localDate(of: context.now)
        for binding in DossierField.guardianBindings where creationFields.contains(binding.field.key) {
            switch binding.field.normalise(context.form.value(binding.field.key) ?? "", today: today) {
            case .success(let value): binding.write(value, into: &guardian)
            case .failure(let problem): errors.add(binding.field.key, problem.frenchMessage)
            }
        }
        guard errors.isEmpty else {
            let values = Dictionary(uniqueKeysWithValues: creationFields.map { ($0, context.form.value($0) ?? "") })
            return .html(StaffDossierViews.newFamily(context.staffChrome, notice: context.request.queryValue("ok"), values: values, errors: errors),
                         status: .unprocessableContent)
        }
        let familyID = try CreateFamily(town: context.town).run(firstGuardian: guardian, by: try context.staffActor, ip: context.clientAddress, now: context.now)
        return .redirect(to: StaffDossierPaths.family(familyID) + "?ok=famille-creee")
    }

    static func familyPage(_ context: RequestContext, familyID: Int64) throws -> HTTPResponse {
        let staff = try context.staff
        let page = try StaffFamilyFiles(town: context.town).page(
            familyID: familyID, staff: staff, ip: context.clientAddress, now: context.now,
            withInvoices: [StaffRole.admin, .billing].contains(staff.role),
            withThreads: context.tenant.tabs.contains(.messagerie) && MessagingRoutes.staffRoles.contains(staff.role))
        return .html(StaffDossierViews.family(context.staffChrome, page, notice: context.request.queryValue("ok"),
                                              quotientError: context.request.queryValue("erreur") == "quotient"))
    }

    static func letter(_ context: RequestContext, familyID: Int64) throws -> HTTPResponse {
        .html(StaffDossierViews.letter(context.chrome, dossier: try StaffFamilyFiles(town: context.town).dossier(familyID: familyID),
                                       baseURL: context.baseURL))
    }

    static func setQuotient(_ context: RequestContext, familyID id: Int64) throws -> HTTPResponse {
        let quotientText = context.form.text("quotient")
        let fiscal: FiscalData?
        if quotientText.isEmpty {
            fiscal = nil
        } else {
            guard let quotient = Int(quotientText), (0...100_000).contains(quotient),
                  let from = TypedDate.parse(context.form.text("du")), let until = TypedDate.parse(context.form.text("au")), from <= until
            else { return .redirect(to: StaffDossierPaths.family(id) + "?erreur=quotient") }
            fiscal = FiscalData(familyQuotient: quotient, validFrom: from, validUntil: until)
        }
        try SetQuotient(town: context.town).run(familyID: id, fiscal: fiscal, typed: quotientText, by: try context.staffActor,
                                                ip: context.clientAddress, now: context.now)
        return .redirect(to: StaffDossierPaths.family(id) + "?ok=quotient")
    }

    static func setResidency(_ context: RequestContext, familyID id: Int64) throws -> HTTPResponse {
        guard let guardianID = Int64(context.form.text("responsable")) else { throw RouteError.badRequest }
        let typed = context.form.text("resident")
        try SetResidency(town: context.town).run(familyID: id, guardianID: guardianID, resident: typed == FieldKind.yes, typed: typed,
                                                 by: try context.staffActor, ip: context.clientAddress, now: context.now)
        return .redirect(to: StaffDossierPaths.family(id) + "?ok=residence")
    }

    static func anonymise(_ context: RequestContext, familyID id: Int64) throws -> HTTPResponse {
        guard context.form.text("confirmation") == "ANONYMISER" else { return .redirect(to: StaffDossierPaths.family(id) + "?erreur=confirmation") }
        try AnonymiseFamily(town: context.town).run(familyID: id, by: try context.staffActor, ip: context.clientAddress, now: context.now)
        return .redirect(to: StaffDossierPaths.family(id) + "?ok=anonymise")
    }
}
