/// What the judge of a basket line knows of a family: read from the database at the start of
/// the confirmation transaction, then updated line by line as lines apply.
public struct FamilyBookingContext: Sendable {
    public let quotient: Int?
    public let residency: Residency
    public let children: [BookableChild]
    public let registrations: [Registration]
    /// Active or past statuses of the family's bookings, by slot.
    public private(set) var bookings: [SlotKey: BookingStatus]

    public init(quotient: Int?, residency: Residency, children: [BookableChild], registrations: [Registration],
                bookings: [ExistingBooking]) {
        self.quotient = quotient
        self.residency = residency
        self.children = children
        self.registrations = registrations
        self.bookings = Dictionary(bookings.map { ($0.slot, $0.status) }, uniquingKeysWith: { _, last in last })
    }

    public func child(_ id: Int64) -> BookableChild? { children.first { $0.id == id } }

    public func status(_ slot: SlotKey) -> BookingStatus? { bookings[slot] }

    /// Units of the activity the child holds a place on that day (for exclusivity).
    public func unitsHeld(childId: Int64, activity: String, on date: LocalDate) -> [String] {
        bookings.filter { $0.key.childId == childId && $0.key.activity == activity && $0.key.date == date && $0.value.holdsPlace }
            .map(\.key.unit).sorted()
    }

    /// Records the effect of an applied line, so later lines are judged against it.
    public mutating func record(_ slot: SlotKey, status: BookingStatus) {
        bookings[slot] = status
    }
}
