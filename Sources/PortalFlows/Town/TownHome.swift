import Foundation
import PortalCore
import PortalStore

/// What the town's home page shows of the town's life: its latest news.
public struct TownHome: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func latestNews(now: Date) throws -> [NewsItem] {
        try town.transaction { try NewsStore.latest(limit: 5, today: ParisTime.localDate(of: now), in: $0) }
    }
}
