import Foundation
public import PortalCore
public import PortalStore
public import Postgres

/// The family a booking page acts for: a file the signed-in account is subscribed to.
public struct BookingFamily: Sendable {
    public let file: FamilySummary
    public let profile: BookingProfile
    /// Every file the account is subscribed to, for the pages' switch between them.
    public let all: [FamilySummary]

    public init(file: FamilySummary, profile: BookingProfile, all: [FamilySummary]) {
        self.file = file
        self.profile = profile
        self.all = all
    }

    public var id: Int64 { file.id }

    public func childName(_ id: Int64) -> String { profile.children.first { $0.id == id }?.firstName ?? "Enfant" }

    /// The family named by `asked` (nil: the account's first), among the account's files; nil
    /// when the account has none yet. A family the account is not subscribed to, or an id that
    /// is not one (`.some(nil)`), reads as not found.
    public static func resolve(accountID: Int64, asked: Int64??, in connection: PostgresConnection) throws -> BookingFamily? {
        let files = try FamilyStore.subscriptions(accountID: accountID, in: connection)
        let file: FamilySummary?
        switch asked {
        case nil: file = files.first
        case let id??: file = files.first { $0.id == id }
        case .some(nil): file = nil
        }
        guard let file else {
            if asked != nil { throw FlowError.notFound }
            return nil
        }
        guard let profile = try BookingEffects.profiles.profile(familyID: file.id, in: connection) else { throw FlowError.notFound }
        return BookingFamily(file: file, profile: profile, all: files)
    }

    /// The booking context the judge reads: registrations and the family's bookings on the days.
    public func bookingContext(from: LocalDate, to: LocalDate, tenant: TenantConfig,
                        in connection: PostgresConnection) throws -> (FamilyBookingContext, [StoredBooking], [StoredRegistration]) {
        let registrations = try RegistrationStore.forFamily(id, validity: tenant.registration.validity, in: connection)
        let bookings = try BookingStore.bookings(familyID: id, from: from, to: to, in: connection)
        return (bookingContext(registrations: registrations, bookings: bookings), bookings, registrations)
    }

    public func bookingContext(registrations: [StoredRegistration], bookings: [StoredBooking]) -> FamilyBookingContext {
        FamilyBookingContext(quotient: profile.quotient, residency: profile.residency,
                             children: profile.children, registrations: registrations.map(\.registration),
                             bookings: bookings.filter { $0.status.isActive }.map { ExistingBooking(slot: $0.slot, status: $0.status) },
                             quotientValidity: profile.quotientValidity)
    }
}
