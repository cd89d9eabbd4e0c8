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
        let (children, summary, matches) = try context.transaction { connection in
            guard let selection else {
                return ([ExpectedChild](), try AttendanceStore.summary(day: day, in: connection), [(id: Int64, name: String, family: String)]())
            }
            let children = try AttendanceStore.expected(activity: selection.activity, unit: selection.unit, day: day,
                                                        includeHealth: mayViewHealth, in: connection)
            // Each health sheet shown is logged for the family, as the dossier's pages do.
            for child in children where !(child.health?.isEmpty ?? true) {
                try HealthAccessLog.record(HealthAccess(staffID: staff.id, staffName: staff.displayName, familyID: child.familyID, childID: child.childID,
                                                        purpose: "Pointage du \(FrenchDateFormat.numeric(day)) – \(selection.activity)/\(selection.unit)",
                                                        ip: context.clientAddress, viewedAt: context.now), in: connection)
            }
            return (children, [], search.count >= 2 ? try AttendanceStore.findChildren(search, in: connection) : [])
        }
        return .html(AttendanceViews.page(context, day: day, selection: selection, children: children, summary: summary,
                                          mayViewHealth: mayViewHealth, search: search, matches: matches))
    }

    static func mark(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        guard case (_, let selection?) = selection(context, form: true),
              let bookingID = Int64(context.form.text("reservation")),
              let mark = AttendanceMark(rawValue: context.form.text("marque")) else { throw RouteError.badRequest }
        let actor = StaffActor(id: staff.id, name: staff.displayName)
        let done = try context.transaction { connection in
            guard try AttendanceStore.mark(bookingID: bookingID, activity: selection.activity, unit: selection.unit, day: selection.day,
                                           mark, by: actor, now: context.now, in: connection) else { return false }
            try StaffAudit.record(actor, action: "attendance.mark", target: "booking/\(bookingID)",
                                  detail: "\(FrenchDateFormat.numeric(selection.day)) \(selection.activity)/\(selection.unit) : \(mark.frenchLabel)",
                                  ip: context.clientAddress, now: context.now, in: connection)
            return true
        }
        guard done else { throw RouteError.notFound }
        return .redirect(to: BackOfficePaths.attendance(day: selection.day, activity: selection.activity, unit: selection.unit) + "#r\(bookingID)")
    }

    static func addWalkIn(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        guard case (_, let selection?) = selection(context, form: true), let childID = Int64(context.form.text("enfant_id")) else {
            throw RouteError.badRequest
        }
        let actor = StaffActor(id: staff.id, name: staff.displayName)
        let outcome = try context.transaction { connection in
            let outcome = try AttendanceStore.addWalkIn(childID: childID, activity: selection.activity, unit: selection.unit, day: selection.day,
                                                        tenant: context.tenant, by: actor, now: context.now, in: connection)
            if case .added(let bookingID) = outcome {
                try StaffAudit.record(actor, action: "attendance.walk_in", target: "booking/\(bookingID)",
                                      detail: "Enfant \(childID) ajouté sur place le \(FrenchDateFormat.numeric(selection.day)) (\(selection.activity)/\(selection.unit))",
                                      ip: context.clientAddress, now: context.now, in: connection)
            }
            return outcome
        }
        let code = switch outcome {
        case .added: "ok=ajout"
        case .alreadyExpected: "erreur=deja-attendu"
        case .full: "erreur=complet"
        case .unknownChild: "erreur=enfant-inconnu"
        }
        return .redirect(to: BackOfficePaths.attendance(day: selection.day, activity: selection.activity, unit: selection.unit) + "&" + code)
    }
}
