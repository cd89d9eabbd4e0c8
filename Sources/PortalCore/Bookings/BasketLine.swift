/// One slot of one child: what a booking, a basket line and a waiting-list entry are about.
public struct SlotKey: Sendable, Hashable, Comparable {
    public let date: LocalDate
    public let childId: Int64
    public let activity: String
    public let unit: String

    public init(date: LocalDate, childId: Int64, activity: String, unit: String) {
        self.date = date
        self.childId = childId
        self.activity = activity
        self.unit = unit
    }

    public static func < (lhs: SlotKey, rhs: SlotKey) -> Bool {
        (lhs.date, lhs.childId, lhs.activity, lhs.unit) < (rhs.date, rhs.childId, rhs.activity, rhs.unit)
    }
}

/// A pending change in the panier: book or cancel one slot.
public struct BasketLine: Sendable, Hashable {
    public let slot: SlotKey
    public let action: BookingAction

    public init(slot: SlotKey, action: BookingAction) {
        self.slot = slot
        self.action = action
    }

    public init(date: LocalDate, childId: Int64, activity: String, unit: String, action: BookingAction) {
        self.init(slot: SlotKey(date: date, childId: childId, activity: activity, unit: unit), action: action)
    }
}

/// A booking the family already has, as read from the database.
public struct ExistingBooking: Sendable, Equatable {
    public let slot: SlotKey
    public let status: BookingStatus

    public init(slot: SlotKey, status: BookingStatus) {
        self.slot = slot
        self.status = status
    }
}
