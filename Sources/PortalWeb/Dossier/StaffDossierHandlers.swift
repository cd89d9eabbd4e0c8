import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// Family files in the back-office: search, creation with a code abonné, the family page
/// (health sheets only for the roles of `HealthDataPolicy`, each view logged), the quotient
/// familial and residency that only staff set, and erasure of a family that has left.
enum StaffDossierHandlers {
    static func search(_ context: RequestContext) throws -> HTTPResponse {
        let query = String((context.request.queryValue("q") ?? "").prefix(100))
        let hits = query.isEmpty ? [] : try context.transaction { try DossierStore.search(query, in: $0) }
        return .html(StaffDossierViews.search(context, query: query, hits: hits))
    }

    static func newFamilyForm(_ context: RequestContext) throws -> HTTPResponse {
        .html(StaffDossierViews.newFamily(context, values: [:], errors: FieldErrors()))
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
            return .html(StaffDossierViews.newFamily(context, values: values, errors: errors), status: .unprocessableContent)
        }
        let created = try context.transaction { connection in
            let created = try DossierStore.createFamily(name: guardian.lastName.uppercased(), firstGuardian: guardian, now: context.now, in: connection)
            try StaffAudit.record(context.staffActor, action: "dossier.create", target: "famille/\(created.familyID)", detail: created.name, ip: context.clientAddress, now: context.now, in: connection)
            return created
        }
        return .redirect(to: StaffDossierPaths.family(created.familyID) + "?ok=famille-creee")
    }

    static func familyID(_ context: RequestContext) throws -> Int64 {
        guard let id = context.parameters["id"].flatMap(Int64.init) else { throw RouteError.notFound }
        return id
    }

    static func familyPage(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        let mayViewHealth = HealthDataPolicy.mayView(staff.role)
        let page = try context.transaction { connection -> StaffFamilyPage in
            guard let dossier = try DossierStore.load(familyID: familyID(context), in: connection) else { throw RouteError.notFound }
            if mayViewHealth, !dossier.children.isEmpty {
                try logHealthView(context, staff: staff, familyID: dossier.familyID, childID: nil, purpose: "Fiche famille", in: connection)
            }
            return StaffFamilyPage(
                dossier: dossier, isAnonymised: try DossierStore.isAnonymised(familyID: dossier.familyID, in: connection),
                requests: try ChangeRequestStore.list(familyID: dossier.familyID, in: connection).map(\.request),
                healthLog: staff.role == .admin ? try HealthAccessLog.list(familyID: dossier.familyID, limit: 50, in: connection) : [],
                mayViewHealth: mayViewHealth, role: staff.role,
                sections: try StaffFamilySections.render(context, familyID: dossier.familyID, in: connection))
        }
        return .html(StaffDossierViews.family(context, page))
    }

    static func logHealthView(_ context: RequestContext, staff: StaffAccount, familyID: Int64, childID: Int64?, purpose: String,
                              in connection: PostgresConnection) throws {
        try HealthAccessLog.record(HealthAccess(staffID: staff.id, staffName: staff.displayName, familyID: familyID, childID: childID,
                                                purpose: purpose, ip: context.clientAddress, viewedAt: context.now), in: connection)
    }

    static func letter(_ context: RequestContext) throws -> HTTPResponse {
        guard let dossier = try context.transaction({ try DossierStore.load(familyID: familyID(context), in: $0) }) else { throw RouteError.notFound }
        return .html(StaffDossierViews.letter(context, dossier: dossier))
    }

    static func setQuotient(_ context: RequestContext) throws -> HTTPResponse {
        let id = try familyID(context)
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
        try context.transaction { connection in
            guard try DossierStore.load(familyID: id, in: connection) != nil else { throw RouteError.notFound }
            try DossierStore.setFiscal(fiscal, familyID: id, in: connection)
            try StaffAudit.record(context.staffActor, action: "dossier.quotient", target: "famille/\(id)", detail: quotientText, ip: context.clientAddress, now: context.now, in: connection)
        }
        return .redirect(to: StaffDossierPaths.family(id) + "?ok=quotient")
    }

    static func setResidency(_ context: RequestContext) throws -> HTTPResponse {
        let id = try familyID(context)
        guard let guardianID = Int64(context.form.text("responsable")) else { throw RouteError.badRequest }
        let changed = try context.transaction { connection in
            let changed = try DossierStore.setResidency(context.form.text("resident") == FieldKind.yes, guardianID: guardianID, familyID: id, in: connection)
            if changed { try StaffAudit.record(context.staffActor, action: "dossier.residency", target: "famille/\(id)", detail: context.form.text("resident"), ip: context.clientAddress, now: context.now, in: connection) }
            return changed
        }
        guard changed else { throw RouteError.notFound }
        return .redirect(to: StaffDossierPaths.family(id) + "?ok=residence")
    }

    static func anonymise(_ context: RequestContext) throws -> HTTPResponse {
        let id = try familyID(context)
        guard context.form.text("confirmation") == "ANONYMISER" else { return .redirect(to: StaffDossierPaths.family(id) + "?erreur=confirmation") }
        guard try context.transaction({ connection in
            let done = try DossierStore.anonymise(familyID: id, now: context.now, in: connection)
            if done { try StaffAudit.record(context.staffActor, action: "dossier.anonymise", target: "famille/\(id)", ip: context.clientAddress, now: context.now, in: connection) }
            return done
        }) else { throw RouteError.notFound }
        return .redirect(to: StaffDossierPaths.family(id) + "?ok=anonymise")
    }
}

struct StaffFamilyPage {
    let dossier: FamilyDossier
    let isAnonymised: Bool
    let requests: [ChangeRequest]
    let healthLog: [HealthAccess]
    let mayViewHealth: Bool
    let role: StaffRole
    /// Bookings, requests… of the other areas (`StaffFamilySections`).
    let sections: [Node]
}
