import PortalCore
public import PortalStore
import Postgres

/// The draws a town has held and published, for the activities the reader may see.
public struct PublishedDraws: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func list(activities: [String]) throws -> [PublishedDraw] {
        try town.transaction { try DrawStore.list(activities: activities, in: $0) }
    }

    /// The draw and its ranking; nil when the town has no such draw.
    public func find(_ id: Int64) throws -> (PublishedDraw, [PublishedDrawEntry])? {
        try town.transaction { try DrawStore.find(id: id, in: $0) }
    }
}
