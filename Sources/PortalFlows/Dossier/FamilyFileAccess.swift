import Foundation
import PortalCore
import PortalStore
import Postgres

/// How every family use case reaches a file: only one the account is subscribed to and that is
/// not anonymised, so guessed ids in URLs and forms reach nothing (404).
enum FamilyFileAccess {
    static func own(_ familyID: Int64, accountID: Int64, lock: Bool = false, in connection: PostgresConnection) throws -> Family {
        guard try FamilyStore.isSubscribed(accountID: accountID, familyID: familyID, in: connection),
              try !DossierStore.isAnonymised(familyID: familyID, in: connection),
              let dossier = try DossierStore.load(familyID: familyID, lock: lock, in: connection)
        else { throw FlowError.notFound }
        return dossier
    }

    /// The record a path names in this file: an existing id, or (`nil`) a new contact.
    static func record(_ entity: DossierEntity, id: Int64?, in dossier: Family) throws -> RecordRef {
        guard let id else {
            guard entity == .contact else { throw FlowError.notFound }
            return .proposed(1)
        }
        guard dossier.contains(entity, id: id) else { throw FlowError.notFound }
        return .existing(id)
    }

    /// Each staff view of health data is logged (`HealthDataPolicy`), in the transaction that reads it.
    static func logHealthView(by staff: StaffAccount, familyID: Int64, purpose: String, ip: String, now: Date,
                              in connection: PostgresConnection) throws {
        try HealthAccessLog.record(HealthAccess(staffID: staff.id, staffName: staff.displayName, familyID: familyID, childID: nil,
                                                purpose: purpose, ip: ip, viewedAt: now), in: connection)
    }
}
