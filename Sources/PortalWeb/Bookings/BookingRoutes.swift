import HTTPServer
import PortalCore

/// « Inscriptions », « Planning – Réservations », the panier and the calendar feed; the staff
/// queues are `StaffQueue`s (`StaffQueue+Bookings.swift`). Family handlers act only on a family
/// file the account is subscribed to.
enum BookingRoutes {
    static func register(_ table: inout RouteTable) {
        BookingAssets.register(&table)
        table.add("GET", BookingPaths.registrations, .family) { try RegistrationHandlers.list($0) }
        table.add("GET", BookingPaths.newRegistration, .family) { try RegistrationHandlers.form($0) }
        table.add("POST", BookingPaths.newRegistration, .family) { try RegistrationHandlers.create($0) }

        table.add("GET", BookingPaths.planning, .family, reusable: true) { try PlanningHandlers.planning($0) }
        table.add("POST", BookingPaths.basketAdd, .family) { try PlanningHandlers.addToBasket($0) }
        table.add("POST", BookingPaths.basketJoursTypes, .family) { try PlanningHandlers.joursTypes($0) }
        table.add("POST", BookingPaths.absence, .family) { try PlanningHandlers.declareAbsence($0, bookingID: $1) }
        table.add("POST", BookingPaths.withdraw, .family) { try PlanningHandlers.withdraw($0, bookingID: $1) }
        table.add("POST", BookingPaths.calendarFeed, .family) { try PlanningHandlers.issueFeed($0) }
        table.add("POST", BookingPaths.calendarFeedRevoke, .family) { try PlanningHandlers.revokeFeed($0) }
        table.add("GET", BookingPaths.feed, .anyone) { try PlanningHandlers.feed($0, file: $1) }

        table.add("GET", BookingPaths.basket, .family) { try BasketHandlers.basket($0) }
        table.add("POST", BookingPaths.basketRemove, .family) { try BasketHandlers.remove($0) }
        table.add("POST", BookingPaths.basketConfirm, .family) { try BasketHandlers.confirm($0) }
        table.add("GET", BookingPaths.confirmationPage, .family) { try BasketHandlers.confirmation($0, id: $1) }
    }
}
