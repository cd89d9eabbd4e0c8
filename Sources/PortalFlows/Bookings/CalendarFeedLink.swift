public import Foundation
import PortalCore
import PortalStore
import Postgres

/// A new private calendar link for the family, revoking the old one. The token is returned
/// once: only its hash is kept.
public struct IssueCalendarFeed: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(accountID: Int64, family asked: Int64??, now: Date) throws -> (family: BookingFamily, token: String) {
        try town.transaction { connection in
            guard let family = try BookingFamily.resolve(accountID: accountID, asked: asked, in: connection) else { throw FlowError.notFound }
            return (family, try CalendarFeedStore.issue(familyID: family.id, now: now, in: connection))
        }
    }
}

/// The family's private calendar link stops working.
public struct RevokeCalendarFeed: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// The family's id.
    public func run(accountID: Int64, family asked: Int64??) throws -> Int64 {
        try town.transaction { connection in
            guard let family = try BookingFamily.resolve(accountID: accountID, asked: asked, in: connection) else { throw FlowError.notFound }
            try CalendarFeedStore.revoke(familyID: family.id, in: connection)
            return family.id
        }
    }
}
