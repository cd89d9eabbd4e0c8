import Formats
public import Foundation
import PortalCore
import PortalStore

/// The family's private calendar feed: anyone holding its token reads the family's booked days
/// and requests awaiting an answer (TENTATIVE), from two months back to a year ahead.
public struct CalendarFeed: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// The RFC 5545 text, nil when no family holds the token.
    public func text(token: String, now: Date) throws -> String? {
        let tenant = town.tenant
        let today = ParisTime.localDate(of: now)
        let events = try town.transaction { connection -> [CalendarEvent]? in
            guard let familyID = try CalendarFeedStore.familyID(token: token, in: connection),
                  let profile = try BookingEffects.profiles.profile(familyID: familyID, in: connection) else { return nil }
            return try BookingStore.bookings(familyID: familyID, from: today.adding(days: -60), to: today.adding(days: 400), in: connection)
                .compactMap { Self.event($0, children: profile.children, tenant: tenant) }
        }
        return events.map { ICalendar.render($0, calendarName: "Réservations – \(tenant.shortName)", generatedAt: now) }
    }

    static func event(_ booking: StoredBooking, children: [BookableChild], tenant: TenantConfig) -> CalendarEvent? {
        guard [.booked, .pendingValidation, .cancellationRequested].contains(booking.status),
              let activity = tenant.activity(booking.slot.activity), let unit = activity.unit(booking.slot.unit),
              let state = PlanningSlotState(booking.status) else { return nil }
        let child = children.first { $0.id == booking.slot.childID }?.firstName ?? "Enfant"
        return CalendarEvent(uid: "booking-\(booking.id)@\(tenant.id)", start: wallClock(booking.slot.date, unit.start),
                             end: wallClock(booking.slot.date, unit.end), summary: "\(child) – \(activity.label), \(unit.label)",
                             description: state.label, tentative: booking.status == .pendingValidation)
    }

    private static func wallClock(_ date: LocalDate, _ time: LocalTime) -> WallClock {
        WallClock(year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute, second: time.second)
    }
}
