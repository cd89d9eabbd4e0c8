import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// Pointage: the list of children expected on one activity and unit on one day, to mark
/// present, late or absent with one tap each (large buttons for a tablet, no script needed),
/// health alerts for the roles that may read them (each view logged), contacts at hand, a child
/// added on the day, and a printout without the buttons.
enum AttendancePage {
    struct Selection {
        let day: LocalDate
        let activity: String
        let unit: String
    }

    /// `creneau=activite/unite` from the chooser, or `activite` and `unite`; the day defaults to today.
    static func selection(_ context: RequestContext, form: Bool = false) -> (LocalDate, Selection?) {
        func value(_ name: String) -> String { (form ? context.form.value(name) : context.request.queryValue(name)) ?? "" }
        let day = LocalDate(iso: value("jour")) ?? ParisTime.localDate(of: context.now)
        var activity = value("activite"), unit = value("unite")
        let slot = value("creneau").split(separator: "/").map(String.init)
        if slot.count == 2 { (activity, unit) = (slot[0], slot[1]) }
        guard context.tenant.activity(activity)?.unit(unit) != nil else { return (day, nil) }
        return (day, Selection(day: day, activity: activity, unit: unit))
    }

    static func show(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        let (day, selection) = selection(context)
        let mayViewHealth = HealthDataPolicy.mayView(staff.role)
        let search = String((context.request.queryValue("enfant") ?? "").prefix(100))
        let sheet = try Attendance(town: context.town).sheet(day: day, slot: selection.map { ($0.activity, $0.unit) }, staff: staff, search: search,
                                                             clientAddress: context.clientAddress, now: context.now)
        let (children, summary, matches) = (sheet.children, sheet.summary, sheet.matches)
        return .html(AttendanceViews.page(context.staffChrome, day: day, selection: selection, children: children, summary: summary,
                                          mayViewHealth: mayViewHealth, search: search, matches: matches,
                                          ok: context.request.queryValue("ok"), error: context.request.queryValue("erreur")))
    }

    static func mark(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        guard case (_, let selection?) = selection(context, form: true),
              let bookingID = Int64(context.form.text("reservation")),
              let mark = AttendanceMark(rawValue: context.form.text("marque")) else { throw RouteError.badRequest }
        let actor = StaffActor(id: staff.id, name: staff.displayName)
        let done = try Attendance(town: context.town).mark(bookingID: bookingID, mark, activity: selection.activity, unit: selection.unit,
                                                           day: selection.day, by: actor, clientAddress: context.clientAddress, now: context.now)
        guard done else { throw RouteError.notFound }
        return .redirect(to: BackOfficePaths.attendance(day: selection.day, activity: selection.activity, unit: selection.unit) + "#r\(bookingID)")
    }

    static func addWalkIn(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        guard case (_, let selection?) = selection(context, form: true), let childID = Int64(context.form.text("enfant_id")) else {
            throw RouteError.badRequest
        }
        let actor = StaffActor(id: staff.id, name: staff.displayName)
        let outcome = try Attendance(town: context.town).addWalkIn(childID: childID, activity: selection.activity, unit: selection.unit,
                                                                   day: selection.day, by: actor, clientAddress: context.clientAddress, now: context.now)
        let code = switch outcome {
        case .added: "ok=ajout"
        case .alreadyExpected: "erreur=deja-attendu"
        case .full: "erreur=complet"
        case .unknownChild: "erreur=enfant-inconnu"
        }
        return .redirect(to: BackOfficePaths.attendance(day: selection.day, activity: selection.activity, unit: selection.unit) + "&" + code)
    }
}
