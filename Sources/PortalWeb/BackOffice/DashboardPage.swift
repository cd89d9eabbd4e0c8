import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// `/gestion`: what waits in each queue, today's attendance per activity and unit, and the
/// places left in the coming week (every day an activity runs, booked or not), each with its link.
enum DashboardPage {
    static let daysAhead = 7

    static func show(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        let today = ParisTime.localDate(of: context.now)
        let counts = WaitingCounts.visible(to: staff.role, tenant: context.tenant)
        let figures = try BackOfficeDashboard(town: context.town).load(queues: counts.map(\.queue), today: today, days: daysAhead)
        let (numbers, attendance, slots) = (figures.waiting, figures.attendance, figures.slots)
        let places = RulesEngine(tenant: context.tenant).places(from: today, to: today.adding(days: daysAhead - 1), stored: slots.map(\.dayPlaces))
        return .html(page(context.staffChrome, staff: staff, today: today, counts: counts, waiting: numbers, attendance: attendance, places: places,
                          notice: context.request.queryValue("ok")))
    }

    /// `waiting` holds the number waiting in each of `counts`' queues, in the same order.
    static func page(_ frame: StaffChrome, staff: StaffAccount, today: LocalDate, counts: [WaitingCount], waiting numbers: [Int],
                     attendance: [AttendanceSummary], places: [DayPlaces], notice: String?) -> Node {
        let mayTakeAttendance = BackOfficeRoles.caseworkers.contains(staff.role)
        return StaffViews.page(frame, title: "Tableau de bord", content: [
            .h1([], [.span([.class("kicker")], [.text("Espace de gestion – \(frame.chrome.tenant.shortName)")]), "Tableau de bord"]),
            Notices.banner(notice),
            .p([], [.text("Bonjour \(staff.displayName) (\(staff.role.frenchLabel)). Nous sommes le \(FrenchDateFormat.long(today)).")]),
            .h2([], ["À traiter"]),
            .ul([.class("counters")], zip(counts, numbers).map { count, number in
                .li([.class(number > 0 ? "counter waiting" : "counter")], [
                    .a([.href(count.path)], [.strong([], [.text(String(number))]), .text(" " + count.label)]),
                ])
            }),
            .h2([], ["Présences aujourd'hui"]),
            attendance.isEmpty ? .p([], ["Aucun enfant attendu aujourd'hui."]) : table(
                caption: "Présences du jour par activité et unité",
                header: ["Activité", "Unité", "Attendus", "Présents", "Absents", "Non pointés"],
                rows: attendance.map { line in
                    let name = ActivityNames.label(frame.chrome.tenant, activity: line.activity, unit: line.unit)
                    return [
                        mayTakeAttendance ? .a([.href(BackOfficePaths.attendance(day: today, activity: line.activity, unit: line.unit))], [.text(name.activity)]) : .text(name.activity),
                        .text(name.unit), .text(String(line.expected)), .text(String(line.present)), .text(String(line.absent)), .text(String(line.unmarked)),
                    ]
                }),
            .h2([], [.text("Places dans les \(daysAhead) prochains jours")]),
            places.isEmpty ? .p([], ["Aucune activité n'a lieu les prochains jours."]) : table(
                caption: "Places restantes par jour, activité et unité",
                header: ["Jour", "Activité", "Unité", "Places restantes", "Liste d'attente"],
                rows: places.map { slot in
                    let name = ActivityNames.label(frame.chrome.tenant, activity: slot.activity, unit: slot.unit)
                    let waiting: Node = if let id = slot.slotID, slot.waiting > 0, mayTakeAttendance {
                        .a([.href(BackOfficePaths.waitingList(id))], [.text("\(slot.waiting) en attente")])
                    } else {
                        .text(String(slot.waiting))
                    }
                    return [.text(FrenchDateFormat.short(slot.day)), .text(name.activity), .text(name.unit), .text("\(slot.placesLeft) / \(slot.capacity)"), waiting]
                }),
        ])
    }

    static func table(caption: String, header: [String], rows: [[Node]]) -> Node {
        .div([.class("table-wrap")], [.el("table", [], [
            .el("caption", [.class("visually-hidden")], [.text(caption)]),
            .el("thead", [], [.el("tr", [], header.map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
            .el("tbody", [], rows.map { .el("tr", [], $0.map { .el("td", [], [$0]) }) }),
        ])])
    }
}
