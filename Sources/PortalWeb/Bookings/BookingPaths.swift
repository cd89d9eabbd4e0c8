import PortalCore
import PortalFlows

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
    static let styles = "/reservations/reservations.css"
    static let script = "/reservations/planning.js"

    static let confirmationPage = RoutePath<Int64>("/panier/confirmation/", "id")
    static let absence = RoutePath<Int64>("/reservations/", "id", "/absence")
    static let withdraw = RoutePath<Int64>("/reservations/", "id", "/retirer")
    static let feed = RoutePath<CalendarFeedFile>("/agenda/", "jeton")

    static func confirmation(_ id: Int64, family: Int64) -> String { "\(confirmationPage(id))?famille=\(family)" }

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
    static let kindFilter = BookingRequestKind.filter

    /// The bookings queue filtered on one kind of request, as the dashboard's counters link to it.
    static func bookings(_ kind: BookingRequestKind) -> String { "\(bookings)?\(kindFilter)=\(kind.rawValue)" }
}

/// The last segment of a calendar feed's address, `<token>.ics`: calendar applications want the
/// extension, the token alone opens the feed.
struct CalendarFeedFile: PathSegmentValue {
    let token: String

    init(token: String) { self.token = token }

    init?(pathSegment: Substring) {
        guard pathSegment.hasSuffix(".ics"), pathSegment.count > 4 else { return nil }
        token = String(pathSegment.dropLast(4))
    }

    var pathSegment: String { token + ".ics" }
}
