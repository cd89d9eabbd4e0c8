public import Foundation
public import PortalCore
public import PortalStore

/// The actualités as families and the feed read them: what is visible today, newest first.
public struct PublishedNews: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func latest(limit: Int, now: Date) throws -> [NewsItem] {
        try town.transaction { try NewsStore.latest(limit: limit, today: ParisTime.localDate(of: now), in: $0) }
    }

    /// One actualité, only while it is published: before or after its dates it does not exist.
    public func item(_ id: Int64, now: Date) throws -> NewsItem {
        guard let item = try town.transaction({ try NewsStore.find(id: id, in: $0) }), item.isVisible(on: ParisTime.localDate(of: now))
        else { throw FlowError.notFound }
        return item
    }
}

/// The staff pages that write the actualités: every item, whatever its dates.
public struct NewsDesk: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func all() throws -> [NewsItem] {
        try town.transaction { try NewsStore.all(in: $0) }
    }

    public func item(_ id: Int64) throws -> NewsItem {
        guard let item = try town.transaction({ try NewsStore.find(id: id, in: $0) }) else { throw FlowError.notFound }
        return item
    }

    /// A checked draft (`NewsDraft.problems` empty) published and written to the audit log.
    public func publish(_ draft: NewsDraft, publishedOn publication: LocalDate, by actor: StaffActor, ip: String, now: Date) throws {
        try town.transaction { connection in
            let id = try NewsStore.insert(title: draft.title, body: draft.body, publishedOn: publication, expiresOn: draft.expiryDate, pinned: draft.pinned,
                                          now: now, in: connection)
            try StaffAudit.record(actor, action: "news.publish", target: "news/\(id)", detail: draft.title, ip: ip, now: now, in: connection)
        }
    }

    public func update(_ id: Int64, to draft: NewsDraft, publishedOn publication: LocalDate, by actor: StaffActor, ip: String, now: Date) throws {
        guard try town.transaction({ connection in
            guard try NewsStore.update(id: id, title: draft.title, body: draft.body, publishedOn: publication, expiresOn: draft.expiryDate,
                                       pinned: draft.pinned, now: now, in: connection) else { return false }
            try StaffAudit.record(actor, action: "news.update", target: "news/\(id)", detail: draft.title, ip: ip, now: now, in: connection)
            return true
        }) else { throw FlowError.notFound }
    }

    public func delete(_ id: Int64, by actor: StaffActor, ip: String, now: Date) throws {
        guard try town.transaction({ connection in
            guard try NewsStore.delete(id: id, in: connection) else { return false }
            try StaffAudit.record(actor, action: "news.delete", target: "news/\(id)", ip: ip, now: now, in: connection)
            return true
        }) else { throw FlowError.notFound }
    }
}
