public import Foundation

/// Fairness at opening (issue 11): requests made in the first minutes after booking opens are
/// collected, then places go by a seeded draw that anyone can replay from the published seed.
public struct DrawPolicy: Sendable, Equatable {
    public let windowMinutes: Int
    /// Applied in order: the first priority ranks before the second.
    public let priorities: [DrawPriority]

    public init(windowMinutes: Int, priorities: [DrawPriority]) {
        self.windowMinutes = windowMinutes
        self.priorities = priorities
    }

    /// Whether a request made at `requestedAt` takes part in the draw rather than first come, first served.
    public func collects(requestedAt: Date, opensAt: Date) -> Bool {
        requestedAt >= opensAt && requestedAt < opensAt.addingTimeInterval(TimeInterval(windowMinutes * 60))
    }

    /// The draw happens once the window is over.
    public func drawTime(opensAt: Date) -> Date { opensAt.addingTimeInterval(TimeInterval(windowMinutes * 60)) }
}

public enum DrawPriority: String, Sendable, Equatable, CaseIterable {
    /// Families living in the territory.
    case resident
    /// Families asking for several children at once, or whose other child already has a place.
    case sibling
}

/// One child asking for a place in the draw.
public struct DrawEntry: Sendable, Equatable {
    public let requestID: Int64
    public let familyID: Int64
    public let childID: Int64
    public let resident: Bool
    /// Another child of the family already holds a place on the slot.
    public let siblingHasPlace: Bool

    public init(requestID: Int64, familyID: Int64, childID: Int64, resident: Bool, siblingHasPlace: Bool = false) {
        self.requestID = requestID
        self.familyID = familyID
        self.childID = childID
        self.resident = resident
        self.siblingHasPlace = siblingHasPlace
    }
}

public struct DrawOutcome: Sendable, Equatable {
    public let seed: UInt64
    public let allocated: [DrawEntry]
    /// In waiting-list order.
    public let waiting: [DrawEntry]
}

public enum LotteryDraw {
    /// Families are shuffled once (children of a family are drawn together), then ranked by the
    /// priorities they meet, the shuffle breaking ties; places go down that ranking.
    public static func draw(_ entries: [DrawEntry], capacity: Int, seed: UInt64, priorities: [DrawPriority]) -> DrawOutcome {
        var families = Array(Set(entries.map(\.familyID))).sorted()
        var generator = Xoshiro256StarStar(seed: seed)
        generator.shuffle(&families)
        let rank = Dictionary(uniqueKeysWithValues: families.enumerated().map { ($0.element, $0.offset) })
        let byFamily = Dictionary(grouping: entries, by: \.familyID)
        func tiers(_ family: Int64) -> [Int] {
            let members = byFamily[family] ?? []
            return priorities.map { priority in
                switch priority {
                case .resident: return members.contains(where: \.resident) ? 0 : 1
                case .sibling: return members.count > 1 || members.contains(where: \.siblingHasPlace) ? 0 : 1
                }
            }
        }
        let ordered = entries.sorted { a, b in
            let ta = tiers(a.familyID), tb = tiers(b.familyID)
            if ta != tb { return ta.lexicographicallyPrecedes(tb) }
            if a.familyID != b.familyID { return rank[a.familyID]! < rank[b.familyID]! }
            return (a.childID, a.requestID) < (b.childID, b.requestID)
        }
        let places = max(0, min(capacity, ordered.count))
        return DrawOutcome(seed: seed, allocated: Array(ordered.prefix(places)), waiting: Array(ordered.dropFirst(places)))
    }

    /// A seed from published text (« cayres-pradelles/alsh-vacances/2026-02-09/journee »), by
    /// 64-bit FNV-1a, so families can check the draw.
    public static func seed(publishedText: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in publishedText.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// A slot whose opening is allocated by a draw: from `opensAt` the requests wait for it.
public struct DrawWindow: Sendable, Equatable {
    public let opensAt: Date
    public let policy: DrawPolicy

    public init(opensAt: Date, policy: DrawPolicy) {
        self.opensAt = opensAt
        self.policy = policy
    }
}
