public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// « Mes demandes »: the account's requests, newest first, and one with its history.
public struct FamilyRequestsPage: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func list(accountID: Int64) throws -> [FamilyRequest] {
        try town.transaction { try Requests.list(visibleTo: accountID, in: $0) }
    }

    /// Throws `FlowError.notFound` when the request is not one this account may see.
    public func request(_ id: Int64, accountID: Int64) throws -> FamilyRequest {
        guard let request = try town.transaction({ try Requests.find(id: id, visibleTo: accountID, in: $0) }) else { throw FlowError.notFound }
        return request
    }
}

/// Mon compte, « Identité »: the names of the login account (not of the family file).
public struct UpdateIdentity: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// Empty errors mean saved.
    public func run(accountID: Int64, lastName: String, firstNames: String) throws -> FieldErrors {
        var errors = FieldErrors()
        AccountValidation.names(lastName: lastName, firstNames: firstNames, into: &errors)
        guard errors.isEmpty else { return errors }
        try town.transaction { try AccountStore.updateIdentity(id: accountID, lastName: lastName, firstNames: firstNames, in: $0) }
        return errors
    }
}

/// « Mes abonnements »: the family files linked to the account.
public struct SubscriptionsPage: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(accountID: Int64) throws -> [FamilySummary] {
        try town.transaction { try FamilyStore.subscriptions(accountID: accountID, in: $0) }
    }
}

/// « Mes documents »: what the account has sent.
public struct AccountDocumentsPage: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(accountID: Int64) throws -> [AccountDocument] {
        try town.transaction { try DocumentStore.list(accountID: accountID, in: $0) }
    }
}

/// A justificatif sent from « Mes documents », already checked by content: within the upload
/// quota it is stored and written to « Mes demandes ».
public struct UploadDocument: Sendable {
    public enum Outcome: Sendable, Equatable {
        case uploaded
        /// The quota's French explanation; nothing was stored.
        case overQuota(String)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(accountID: Int64, title: String, fileName: String, format: DocumentFormat, bytes: [UInt8], now: Date) throws -> Outcome {
        try town.transaction { connection in
            let sent = try DocumentStore.usage(accountID: accountID, since: now.addingTimeInterval(-UploadQuota.window), in: connection)
            if let problem = UploadQuota.justificatifs.problem(sentFiles: sent.files, sentBytes: sent.bytes, addingFiles: 1, addingBytes: bytes.count) {
                return .overQuota(problem)
            }
            try DocumentStore.insert(accountID: accountID, title: title, fileName: fileName, format: format, bytes: bytes, now: now, in: connection)
            try Requests.record(.document, summary: "Justificatif envoyé : \(title)", accountID: accountID, now: now, in: connection)
            return .uploaded
        }
    }
}

/// A sent document's bytes: the family's own, or any for staff (`accountID` nil).
public struct DocumentDownload: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// Throws `FlowError.notFound` when there is no such document for this account.
    public func load(_ id: Int64, accountID: Int64?) throws -> (document: AccountDocument, bytes: [UInt8]) {
        guard let (document, bytes) = try town.transaction({ try DocumentStore.content(id: id, accountID: accountID, in: $0) })
        else { throw FlowError.notFound }
        return (document, bytes)
    }
}
