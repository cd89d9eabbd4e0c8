import Foundation
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// Codes abonné are secrets a town hands to a family: wrong guesses are throttled per account
/// (or per client address before the account exists) like passwords.
enum SubscriberCodes {
    enum Lookup {
        case found(FamilyFile)
        case refused(message: String)
    }

    static func lookup(_ code: String, key: String, now: Date, in connection: PostgresConnection) throws -> Lookup {
        let state = try ThrottleStore.state(.subscriberCode, key: key, in: connection)
        if let message = ThrottleRule.subscriberCode.decide(state, now: now).frenchMessage(now: now) { return .refused(message: message) }
        if let family = try FamilyStore.find(subscriberCode: code, in: connection) {
            try ThrottleStore.save(ThrottleRule.subscriberCode.recordingSuccess(state), .subscriberCode, key: key, in: connection)
            return .found(family)
        }
        let after = ThrottleRule.subscriberCode.recordingFailure(state, now: now)
        try ThrottleStore.save(after, .subscriberCode, key: key, in: connection)
        let wait = ThrottleRule.subscriberCode.decide(after, now: now).frenchMessage(now: now)
        return .refused(message: "Ce code abonné n'est pas reconnu : vérifiez-le sur le courrier de la collectivité." + (wait.map { " " + $0 } ?? ""))
    }

    /// Links at once and writes it to « Mes demandes »; false when the link already existed.
    @discardableResult
    static func subscribe(accountID: Int64, family: FamilyFile, now: Date, in connection: PostgresConnection) throws -> Bool {
        guard try FamilyStore.subscribe(accountID: accountID, familyID: family.id, now: now, in: connection) else { return false }
        try Requests.record(.subscription, summary: "Abonnement au dossier « \(family.name) »", accountID: accountID,
                            status: .accepted, note: "Code abonné reconnu : dossier lié au compte.", actor: .system, now: now, in: connection)
        return true
    }
}
