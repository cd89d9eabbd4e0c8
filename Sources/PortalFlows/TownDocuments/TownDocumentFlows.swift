public import Foundation
public import PortalCore
public import PortalStore

/// The documents the town publishes (menus, règlements…): to families those valid today, to
/// staff all of them, and their publication and withdrawal, each written to the audit log.
public struct TownDocumentShelf: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func valid(now: Date) throws -> [TownDocument] {
        try town.transaction { try TownDocumentStore.valid(on: ParisTime.localDate(of: now), in: $0) }
    }

    public func all() throws -> [TownDocument] {
        try town.transaction { try TownDocumentStore.all(in: $0) }
    }

    /// The file of a document; with `validOn`, only if it is valid that day.
    public func content(_ id: Int64, validOn day: LocalDate?) throws -> (document: TownDocument, bytes: [UInt8]) {
        guard let (document, bytes) = try town.transaction({ try TownDocumentStore.content(id: id, validOn: day, in: $0) })
        else { throw FlowError.notFound }
        return (document, bytes)
    }

    /// A checked draft and file (type detected by content, name already made safe) put online.
    public func publish(category: TownDocumentCategory, title: String, fileName: String, format: DocumentFormat, bytes: [UInt8],
                        validFrom: LocalDate, validUntil: LocalDate?, by actor: StaffActor, ip: String, now: Date) throws {
        try town.transaction { connection in
            let id = try TownDocumentStore.insert(category: category, title: title, fileName: fileName, format: format, bytes: bytes,
                                                  validFrom: validFrom, validUntil: validUntil, now: now, in: connection)
            try StaffAudit.record(actor, action: "town_document.publish", target: "town_document/\(id)", detail: title, ip: ip, now: now, in: connection)
        }
    }

    public func delete(_ id: Int64, by actor: StaffActor, ip: String, now: Date) throws {
        guard try town.transaction({ connection in
            guard try TownDocumentStore.delete(id: id, in: connection) else { return false }
            try StaffAudit.record(actor, action: "town_document.delete", target: "town_document/\(id)", ip: ip, now: now, in: connection)
            return true
        }) else { throw FlowError.notFound }
    }
}
