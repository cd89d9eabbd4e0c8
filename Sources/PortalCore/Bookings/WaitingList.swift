public import Foundation

/// A child waiting for a place on a full slot.
public struct WaitingEntry: Sendable, Equatable {
    public let bookingID: Int64
    public let slot: SlotKey
    public let familyID: Int64
    public let requestedAt: Date

    public init(bookingID: Int64, slot: SlotKey, familyID: Int64, requestedAt: Date) {
        self.bookingID = bookingID
        self.slot = slot
        self.familyID = familyID
        self.requestedAt = requestedAt
    }
}

/// First come, first served: the earliest request, ties broken by the booking id (the order
/// the database recorded them).
public enum WaitingList {
    public static func ordered(_ entries: [WaitingEntry]) -> [WaitingEntry] {
        entries.sorted { ($0.requestedAt, $0.bookingID) < ($1.requestedAt, $1.bookingID) }
    }

    /// Who gets `places` freed places: waiting children in order, skipping those the rules no
    /// longer allow at this instant (`decide` says why; they stay on the list).
    public static func promotions(_ entries: [WaitingEntry], places: Int,
                                  decide: (WaitingEntry) -> LineDecision) -> WaitingListPromotion {
        var promoted: [(WaitingEntry, LineDecision)] = []
        var skipped: [(WaitingEntry, LineDecision)] = []
        for entry in ordered(entries) where promoted.count < places {
            let decision = decide(entry)
            if decision.allowed { promoted.append((entry, decision)) } else { skipped.append((entry, decision)) }
        }
        return WaitingListPromotion(promoted: promoted.map { Promotion(entry: $0.0, decision: $0.1) },
                                    skipped: skipped.map { Promotion(entry: $0.0, decision: $0.1) })
    }
}

public struct WaitingListPromotion: Sendable, Equatable {
    public let promoted: [Promotion]
    public let skipped: [Promotion]
}

public struct Promotion: Sendable, Equatable {
    public let entry: WaitingEntry
    public let decision: LineDecision
}
