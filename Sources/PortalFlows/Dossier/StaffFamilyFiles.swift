public import Foundation
public import PortalCore
public import PortalStore

/// What the family page of the back-office shows: the file, its change requests, who read its
/// health sheets (admins only), and what the other areas show of the family (`overview`).
public struct StaffFamilyFile: Sendable {
    public let dossier: Family
    public let isAnonymised: Bool
    public let requests: [ChangeRequest]
    public let healthLog: [HealthAccess]
    public let mayViewHealth: Bool
    public let role: StaffRole
    public let overview: FamilyOverview
}

/// Family files as staff read them: search, the family page (health sheets only for the roles
/// of `HealthDataPolicy`, each view logged), the code abonné letter and the children's photos.
public struct StaffFamilyFiles: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func search(_ query: String) throws -> [FamilySearchHit] {
        try town.transaction { try DossierStore.search(query, in: $0) }
    }

    /// One transaction, so the page shows one state; invoices and message threads only when
    /// the viewer's pages may show them (`withInvoices`, `withThreads`).
    public func page(familyID: Int64, staff: StaffAccount, ip: String, now: Date,
                     withInvoices: Bool, withThreads: Bool) throws -> StaffFamilyFile {
        let mayViewHealth = HealthDataPolicy.mayView(staff.role)
        return try town.transaction { connection in
            guard let dossier = try DossierStore.load(familyID: familyID, in: connection) else { throw FlowError.notFound }
            if mayViewHealth, !dossier.children.isEmpty {
                try FamilyFileAccess.logHealthView(by: staff, familyID: dossier.familyID, purpose: "Fiche famille", ip: ip, now: now, in: connection)
            }
            return StaffFamilyFile(
                dossier: dossier, isAnonymised: try DossierStore.isAnonymised(familyID: dossier.familyID, in: connection),
                requests: try ChangeRequestStore.list(familyID: dossier.familyID, in: connection).map(\.request),
                healthLog: staff.role == .admin ? try HealthAccessLog.list(familyID: dossier.familyID, limit: 50, in: connection) : [],
                mayViewHealth: mayViewHealth, role: staff.role,
                overview: try FamilyOverview.load(familyID: dossier.familyID, today: ParisTime.localDate(of: now),
                                                  invoices: withInvoices, threads: withThreads, in: connection))
        }
    }

    public func dossier(familyID: Int64) throws -> Family {
        guard let dossier = try town.transaction({ try DossierStore.load(familyID: familyID, in: $0) }) else { throw FlowError.notFound }
        return dossier
    }

    public func photo(reference: String, familyID: Int64) throws -> (contentType: String, bytes: [UInt8]) {
        guard let photo = try town.transaction({ try ChildPhotoStore.content(reference: reference, familyID: familyID, in: $0) })
        else { throw FlowError.notFound }
        return photo
    }
}

/// A new family file with its first guardian; its code abonné is drawn by the store.
public struct CreateFamily: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// The new file's id. `guardian`: checked fields only (`DossierField.normalise`).
    public func run(firstGuardian guardian: Guardian, by actor: StaffActor, ip: String, now: Date) throws -> Int64 {
        try town.transaction { connection in
            let created = try DossierStore.createFamily(name: guardian.lastName.uppercased(), firstGuardian: guardian, now: now, in: connection)
            try StaffAudit.record(actor, action: "dossier.create", target: "famille/\(created.familyID)", detail: created.name, ip: ip, now: now, in: connection)
            return created.familyID
        }
    }
}

/// The quotient familial, which only staff set (from the family's CAF certificate); nil removes it.
public struct SetQuotient: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// `typed`: the quotient as the form sent it, for the audit log.
    public func run(familyID id: Int64, fiscal: FiscalData?, typed: String, by actor: StaffActor, ip: String, now: Date) throws {
        try town.transaction { connection in
            guard try DossierStore.load(familyID: id, in: connection) != nil else { throw FlowError.notFound }
            try DossierStore.setFiscal(fiscal, familyID: id, in: connection)
            try StaffAudit.record(actor, action: "dossier.quotient", target: "famille/\(id)", detail: typed, ip: ip, now: now, in: connection)
        }
    }
}

/// Whether a guardian lives on the town's territory, which tariffs read.
public struct SetResidency: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// `typed`: the value as the form sent it, for the audit log. A guardian of another family does not exist.
    public func run(familyID id: Int64, guardianID: Int64, resident: Bool, typed: String, by actor: StaffActor, ip: String, now: Date) throws {
        let changed = try town.transaction { connection in
            let changed = try DossierStore.setResidency(resident, guardianID: guardianID, familyID: id, in: connection)
            if changed { try StaffAudit.record(actor, action: "dossier.residency", target: "famille/\(id)", detail: typed, ip: ip, now: now, in: connection) }
            return changed
        }
        guard changed else { throw FlowError.notFound }
    }
}

/// Erasure of a family that has left: the names invoices need stay, the rest goes for good.
public struct AnonymiseFamily: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(familyID id: Int64, by actor: StaffActor, ip: String, now: Date) throws {
        guard try town.transaction({ connection in
            let done = try DossierStore.anonymise(familyID: id, now: now, in: connection)
            if done { try StaffAudit.record(actor, action: "dossier.anonymise", target: "famille/\(id)", ip: ip, now: now, in: connection) }
            return done
        }) else { throw FlowError.notFound }
    }
}
