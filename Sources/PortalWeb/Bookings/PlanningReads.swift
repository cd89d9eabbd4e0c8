import Foundation
import PortalCore
import PortalFlows
import PortalStore

/// What the planning page reads, in one round trip once the family is known: the family named
/// by `famille` (else the account's first, read before), its profile, registrations, bookings
/// and basket, the town's slots on the range and the private calendar link.
struct PlanningReads {
    let family: BookingFamily
    let registrations: [StoredRegistration]
    let bookings: [StoredBooking]
    let basket: Basket
    let occupancy: [SlotOccupancy]
    let feedCreatedAt: Date?

    /// nil when the account is linked to no family yet; a family it is not subscribed to reads
    /// as not found, as in `BookingSupport.family`.
    init?(_ context: RequestContext, range: PlanningRange) throws {
        let account = try context.family
        let familyID: Int64
        switch BookingSupport.askedFamily(context) {
        case .some(nil): throw RouteError.notFound
        case .some(let id?): familyID = id
        case nil:
            guard let first = try context.read(FamilyStore.subscriptions(accountID: account.id)).first else { return nil }
            familyID = first.id
        }
        let (files, profile, registrations, bookings, basket, occupancy, feedCreatedAt) = try context.read(
            FamilyStore.subscriptions(accountID: account.id), BookingSupport.profiles.profile(familyID: familyID),
            RegistrationStore.forFamily(familyID, validity: context.tenant.registration.validity),
            BookingStore.bookings(familyID: familyID, from: range.firstDay, to: range.lastDay), BasketStore.load(familyID: familyID),
            SlotStore.occupancies(activities: context.tenant.activities.map(\.code), from: range.firstDay, to: range.lastDay),
            CalendarFeedStore.createdAt(familyID: familyID))
        // The family's rows travelled with the subscriptions: they are used only once these name it.
        guard let file = files.first(where: { $0.id == familyID }), let profile else { throw RouteError.notFound }
        self.family = BookingFamily(file: file, profile: profile, all: files)
        self.registrations = registrations
        self.bookings = bookings
        self.basket = basket
        self.occupancy = occupancy
        self.feedCreatedAt = feedCreatedAt
    }
}
