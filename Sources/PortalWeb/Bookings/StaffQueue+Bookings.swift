import PortalFlows

/// The two booking queues on the shared `StaffQueue` page: pré-inscriptions, and the bookings
/// and cancellations the town validates by hand (`DecisionQueue+Bookings.swift`).
extension StaffQueue {
    static let registrations = StaffQueue(queue: .registrations, title: "Pré-inscriptions à traiter", path: StaffBookingPaths.registrations,
                                          roles: BackOfficeRoles.caseworkers)

    static let bookingRequests = StaffQueue(queue: .bookingRequests, title: "Demandes de réservation et d'annulation", path: StaffBookingPaths.bookings,
                                            roles: BackOfficeRoles.caseworkers)
}

/// The web's links to the booking queue by kind name the flow's kinds.
typealias BookingRequestKind = PortalFlows.BookingRequestKind
