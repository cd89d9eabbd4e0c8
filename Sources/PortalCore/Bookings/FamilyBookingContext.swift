/// What the judge of a basket line knows of a family: read from the database at the start of
/// the confirmation transaction, then updated line by line as lines apply.
public struct FamilyBookingContext: Sendable {
    /// The quotient staff recorded, whatever its dates; prices read `quotient(on:)`.
    public let quotient: Int?
    /// The days the quotient holds for; nil when no dates are known (it then always counts).
    public let quotientValidity: ClosedRange<LocalDate>?
    public let residency: Residency
    public let children: [BookableChild]
    public let registrations: [Registration]
    /// Active or past statuses of the family's bookings, by slot.
    public private(set) var bookings: [SlotKey: BookingStatus]
    /// The same statuses by child, activity and day, then unit: a planning asks `unitsHeld`
    /// for every slot it shows.
    private var byDay: [ChildActivityDay: [String: BookingStatus]] = [:]

    private struct ChildActivityDay: Hashable {
        let childID: Int64
        let activity: String
        let date: LocalDate
    }

    public init(quotient: Int?, residency: Residency, children: [BookableChild], registrations: [Registration],
                bookings: [ExistingBooking], quotientValidity: ClosedRange<LocalDate>? = nil) {
        self.quotient = quotient
        self.quotientValidity = quotientValidity
        self.residency = residency
        self.children = children
        self.registrations = registrations
        self.bookings = Dictionary(bookings.map { ($0.slot, $0.status) }, uniquingKeysWith: { _, last in last })
        for (slot, status) in self.bookings { index(slot, status) }
    }

    /// The quotient that prices a slot on `date`: nil (the highest bracket, as for a family that
    /// gave none) when it has expired or is not valid yet on that day.
    public func quotient(on date: LocalDate) -> Int? {
        guard let quotient, let validity = quotientValidity else { return quotient }
        return validity.contains(date) ? quotient : nil
    }

    /// Why a slot on `date` is priced without the family's quotient, for the basket recap;
    /// nil when the quotient counts or the family gave none.
    public func quotientNote(on date: LocalDate) -> String? {
        guard quotient != nil, let validity = quotientValidity, !validity.contains(date) else { return nil }
        return date > validity.upperBound
            ? "quotient familial expiré le \(FrenchDateFormat.numeric(validity.upperBound)) : tarif maximum appliqué"
            : "quotient familial valable à partir du \(FrenchDateFormat.numeric(validity.lowerBound)) : tarif maximum appliqué"
    }

    public func child(_ id: Int64) -> BookableChild? { children.first { $0.id == id } }

    public func status(_ slot: SlotKey) -> BookingStatus? { bookings[slot] }

    /// Units of the activity the child holds a place on that day (for exclusivity).
    public func unitsHeld(childID: Int64, activity: String, on date: LocalDate) -> [String] {
        guard let units = byDay[ChildActivityDay(childID: childID, activity: activity, date: date)] else { return [] }
        return units.filter(\.value.holdsPlace).map(\.key).sorted()
    }

    /// Records the effect of an applied line, so later lines are judged against it.
    public mutating func record(_ slot: SlotKey, status: BookingStatus) {
        bookings[slot] = status
        index(slot, status)
    }

    private mutating func index(_ slot: SlotKey, _ status: BookingStatus) {
        byDay[ChildActivityDay(childID: slot.childID, activity: slot.activity, date: slot.date), default: [:]][slot.unit] = status
    }
}
