import PortalCore

/// Every path of the booking pages, printed into links and forms from here only. Family pages
/// name the family file in `famille` (an account may be subscribed to several).
enum BookingPaths {
    static let registrations = "/inscriptions"
    static let newRegistration = "/inscriptions/nouvelle"
    static let planning = "/planning"
    static let basket = "/panier"
    static let basketAdd = "/panier/ajouter"
    static let basketJoursTypes = "/panier/jours-types"
    static let basketRemove = "/panier/retirer"
    static let basketConfirm = "/panier/valider"
    static let calendarFeed = "/planning/agenda"
    static let calendarFeedRevoke = "/planning/agenda/revoquer"
    static let feedPrefix = "/agenda"
    static let styles = "/reservations/reservations.css"
    static let script = "/reservations/planning.js"

    static func confirmation(_ id: Int64, family: Int64) -> String { "\(basket)/confirmation/\(id)?famille=\(family)" }
    static func absence(_ bookingId: Int64) -> String { "/reservations/\(bookingId)/absence" }
    static func withdraw(_ bookingId: Int64) -> String { "/reservations/\(bookingId)/retirer" }
    static func feed(_ token: String) -> String { "\(feedPrefix)/\(token).ics" }

    static func registrations(family: Int64) -> String { "\(registrations)?famille=\(family)" }
    static func newRegistration(family: Int64) -> String { "\(newRegistration)?famille=\(family)" }
    static func basket(family: Int64) -> String { "\(basket)?famille=\(family)" }

    static func planning(family: Int64, view: PlanningView = .month, anchor: LocalDate? = nil, child: Int64? = nil, activity: String? = nil) -> String {
        var query = ["famille=\(family)", "vue=\(view.rawValue)"]
        if let anchor { query.append("date=\(anchor.iso)") }
        if let child { query.append("enfant=\(child)") }
        if let activity { query.append("activite=\(activity)") }
        return planning + "?" + query.joined(separator: "&")
    }
}

enum StaffBookingPaths {
    static let registrations = "/gestion/inscriptions"
    static let bookings = "/gestion/reservations"
    static let kindFilter = "type"

    /// The bookings queue filtered on one kind of request, as the dashboard's counters link to it.
    static func bookings(_ kind: BookingRequestKind) -> String { "\(bookings)?\(kindFilter)=\(kind.rawValue)" }
}
