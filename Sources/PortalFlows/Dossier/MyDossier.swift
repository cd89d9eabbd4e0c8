public import Foundation
public import PortalCore
public import PortalStore

/// « Mon dossier » as a family reads it: the files of the account, one file with its change
/// requests, the form of one record, the children's photos and the RGPD export.
public struct MyDossier: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func families(accountID: Int64) throws -> [FamilySummary] {
        try town.transaction { try FamilyStore.subscriptions(accountID: accountID, in: $0) }
    }

    public func overview(familyID: Int64, accountID: Int64) throws
        -> (dossier: Family, requests: [ChangeRequest], pending: [FieldTarget: FieldChange]) {
        try town.transaction { connection in
            let dossier = try FamilyFileAccess.own(familyID, accountID: accountID, in: connection)
            return (dossier, try ChangeRequestStore.list(familyID: dossier.familyID, in: connection).map(\.request),
                    try ChangeRequestStore.pendingChanges(familyID: dossier.familyID, in: connection))
        }
    }

    /// The file and what waits for validation, for the form of one record (`recordID` nil: a new contact).
    public func recordForm(familyID: Int64, entity: DossierEntity, recordID: Int64?, accountID: Int64) throws
        -> (dossier: Family, record: RecordRef, pending: [FieldTarget: FieldChange]) {
        let (dossier, pending) = try town.transaction { connection in
            let dossier = try FamilyFileAccess.own(familyID, accountID: accountID, in: connection)
            return (dossier, try ChangeRequestStore.pendingChanges(familyID: dossier.familyID, in: connection))
        }
        return (dossier, try FamilyFileAccess.record(entity, id: recordID, in: dossier), pending)
    }

    /// A child's photo, looked up within this family's file only.
    public func photo(reference: String, familyID: Int64, accountID: Int64) throws -> (contentType: String, bytes: [UInt8]) {
        let photo = try town.transaction { connection in
            let dossier = try FamilyFileAccess.own(familyID, accountID: accountID, in: connection)
            return try ChildPhotoStore.content(reference: reference, familyID: dossier.familyID, in: connection)
        }
        guard let photo else { throw FlowError.notFound }
        return photo
    }

    /// Everything held on the family and on the signed-in account (RGPD art. 15).
    public func export(familyID: Int64, account: Account, now: Date) throws -> JSONValue {
        try town.transaction { connection in
            let dossier = try FamilyFileAccess.own(familyID, accountID: account.id, in: connection)
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
            return DossierExport.build(dossier, requests: requests, townName: town.tenant.name, generatedAt: now, account: accountPart)
        }
    }
}
