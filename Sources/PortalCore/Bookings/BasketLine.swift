/// One slot of one child: what a booking, a basket line and a waiting-list entry are about.
public struct SlotKey: Sendable, Hashable, Comparable {
    public let date: LocalDate
    public let childID: Int64
    public let activity: String
    public let unit: String

    public init(date: LocalDate, childID: Int64, activity: String, unit: String) {
        self.date = date
        self.childID = childID
        self.activity = activity
        self.unit = unit
    }

    public static func < (lhs: SlotKey, rhs: SlotKey) -> Bool {
        (lhs.date, lhs.childID, lhs.activity, lhs.unit) < (rhs.date, rhs.childID, rhs.activity, rhs.unit)
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

    public init(date: LocalDate, childID: Int64, activity: String, unit: String, action: BookingAction) {
        self.init(slot: SlotKey(date: date, childID: childID, activity: activity, unit: unit), action: action)
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

extension TenantConfig {
    /// What families read for a slot: its activity's label and its unit's (the codes when the
    /// town's file no longer has them).
    public func labels(of slot: SlotKey) -> (activity: String, unit: String) {
        let activity = activity(slot.activity)
        return (activity?.label ?? slot.activity, activity?.unit(slot.unit)?.label ?? slot.unit)
    }
}
