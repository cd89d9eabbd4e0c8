public import Foundation
public import PortalCore
public import PortalStore

/// What the planning page reads, in one round trip once the family is known: the family named
/// by `famille` (else the account's first, read before), its profile, registrations, bookings
/// and basket, the town's slots on the range and the private calendar link.
public struct PlanningReads {
    public let family: BookingFamily
    public let registrations: [StoredRegistration]
    public let bookings: [StoredBooking]
    public let basket: Basket
    public let occupancy: [SlotOccupancy]
    public let feedCreatedAt: Date?

    /// nil when the account is linked to no family yet; a family it is not subscribed to reads
    /// as not found, as in `BookingFamily.resolve`.
    public init?(town: Town, accountID: Int64, family asked: Int64??, range: PlanningRange) throws {
        let tenant = town.tenant
        let familyID: Int64
        switch asked {
        case .some(nil): throw FlowError.notFound
        case .some(let id?): familyID = id
        case nil:
            guard let first = try town.read(FamilyStore.subscriptions(accountID: accountID)).first else { return nil }
            familyID = first.id
        }
        let (files, profile, registrations, bookings, basket, occupancy, feedCreatedAt) = try town.read(
            FamilyStore.subscriptions(accountID: accountID), BookingEffects.profiles.profile(familyID: familyID),
            RegistrationStore.forFamily(familyID, validity: tenant.registration.validity),
            BookingStore.bookings(familyID: familyID, from: range.firstDay, to: range.lastDay), BasketStore.load(familyID: familyID),
            SlotStore.occupancies(activities: tenant.activities.map(\.code), from: range.firstDay, to: range.lastDay),
            CalendarFeedStore.createdAt(familyID: familyID))
        // The family's rows travelled with the subscriptions: they are used only once these name it.
        guard let file = files.first(where: { $0.id == familyID }), let profile else { throw FlowError.notFound }
        self.family = BookingFamily(file: file, profile: profile, all: files)
        self.registrations = registrations
        self.bookings = bookings
        self.basket = basket
        self.occupancy = occupancy
        self.feedCreatedAt = feedCreatedAt
    }
}
