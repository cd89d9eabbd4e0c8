import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore

enum AttendanceViews {
    static func page(_ frame: StaffChrome, day: LocalDate, selection: AttendancePage.Selection?, children: [ExpectedChild],
                     summary: [AttendanceSummary], mayViewHealth: Bool, search: String, matches: [(id: Int64, name: String, family: String)],
                     ok: String?, error: String?) -> Node {
        let title = selection.map { selection in
            let name = ActivityNames.label(frame.chrome.tenant, activity: selection.activity, unit: selection.unit)
            return "Pointage – \(name.activity), \(name.unit.lowercased()) – \(FrenchDateFormat.long(day))"
        } ?? "Pointage"
        return StaffViews.page(frame, title: title, content: [
            .h1([], [.text(title)]),
            banner(ok: ok, error: error),
            chooser(frame, day: day, selection: selection),
            selection.map { selection in
                .fragment([
                    list(frame, selection: selection, children: children, mayViewHealth: mayViewHealth),
                    walkIn(frame, selection: selection, search: search, matches: matches),
                ])
            } ?? summaryLinks(frame, day: day, summary: summary),
        ])
    }

    /// The notice after a walk-in: `ok` and `erreur` of the query.
    private static func banner(ok: String?, error code: String?) -> Node {
        if ok == "ajout" { return Forms.notice("L'enfant est ajouté à la liste et marqué présent (réservation créée sur place).") }
        let error: String? = switch code {
        case "deja-attendu": "Cet enfant est déjà sur la liste (ou en liste d'attente) de ce créneau."
        case "complet": "Le créneau est complet : l'enfant ne peut pas être ajouté sans dépasser la capacité."
        case "enfant-inconnu": "Enfant introuvable."
        default: nil
        }
        return error.map { Forms.notice($0, kind: "error") } ?? .fragment([])
    }

    private static func chooser(_ frame: StaffChrome, day: LocalDate, selection: AttendancePage.Selection?) -> Node {
        let current = selection.map { "\($0.activity)/\($0.unit)" } ?? ""
        return .form([.method("get"), .action(BackOfficePaths.attendance), .class("filters no-print"), .aria("label", "Choisir le créneau")], [
            Forms.field("jour", label: "Jour", type: "date", value: day.iso, autocomplete: nil, errors: FieldErrors()),
            .div([.class("field")], [
                .label([.for("champ-creneau")], ["Activité et unité"]),
                .el("select", [.id("champ-creneau"), .name("creneau")], [.el("option", [.value("")], ["Choisir…"])] + frame.chrome.tenant.activities.flatMap { activity in
                    activity.units.map { unit in
                        let value = "\(activity.code)/\(unit.code)"
                        return .el("option", [.value(value)] + (value == current ? [.selected] : []), [.text("\(activity.label) – \(unit.label)")])
                    }
                }),
            ]),
            Forms.submit("Afficher la liste", secondary: true),
        ])
    }

    private static func summaryLinks(_ frame: StaffChrome, day: LocalDate, summary: [AttendanceSummary]) -> Node {
        summary.isEmpty ? .p([], [.text("Aucun enfant attendu le \(FrenchDateFormat.long(day)).")]) : .ul([.class("space-links")], summary.map { line in
            let name = ActivityNames.label(frame.chrome.tenant, activity: line.activity, unit: line.unit)
            return .li([], [.a([.href(BackOfficePaths.attendance(day: day, activity: line.activity, unit: line.unit))], [
                .strong([], [.text("\(name.activity) – \(name.unit)")]), .text("\(line.expected) attendu(s), \(line.unmarked) non pointé(s)"),
            ])])
        })
    }

    private static func list(_ frame: StaffChrome, selection: AttendancePage.Selection, children: [ExpectedChild], mayViewHealth: Bool) -> Node {
        let present = children.filter { $0.mark?.cameIn ?? false }.count
        return .fragment([
            .p([.class("attendance-count")], [.text("\(children.count) enfant(s) attendu(s) – \(present) présent(s) – \(children.filter { $0.mark == nil }.count) à pointer")]),
            .p([.class("hint no-print")], ["Pour une liste papier, imprimez cette page depuis le navigateur : elle s'imprime sans les boutons."]),
            .when(!mayViewHealth, .p([.class("notice")], ["Les alertes de santé (allergies, PAI) sont visibles par la direction et les administrateurs."])),
            children.isEmpty ? .p([], ["Aucun enfant attendu sur ce créneau."]) : .div([.class("table-wrap")], [.el("table", [.class("attendance")], [
                .el("caption", [.class("visually-hidden")], ["Enfants attendus, leur santé, leurs contacts et leur pointage"]),
                .el("thead", [], [.el("tr", [], ["Enfant", "Santé", "Contacts", "Pointage"].map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
                .el("tbody", [], children.map { row(frame, selection: selection, child: $0, mayViewHealth: mayViewHealth) }),
            ])]),
        ])
    }

    private static func row(_ frame: StaffChrome, selection: AttendancePage.Selection, child: ExpectedChild, mayViewHealth: Bool) -> Node {
        var tags: [String] = []
        if child.walkIn { tags.append("Ajouté sur place") }
        if child.bookingStatus == .absent { tags.append("Absence déclarée par la famille") }
        if child.bookingStatus == .cancellationRequested { tags.append("Demande d'annulation en cours") }
        return .el("tr", [.id("r\(child.bookingID)")], [
            .el("th", [Attribute("scope", "row")], [
                .a([.href(StaffDossierPaths.family(child.familyID))], [.text(child.childName)]),
                .span([.class("hint")], [.text(" famille \(child.familyName)")]),
                .fragment(tags.map { .span([.class("tag")], [.text($0)]) }),
            ]),
            .el("td", [], [health(child.health, mayView: mayViewHealth)]),
            .el("td", [], [.ul([.class("plain-list contacts")], child.contacts.map { contact in
                .li([], [
                    .text("\(contact.name) (\(contact.relation)\(contact.mayPickUp ? "" : ", urgence seulement")) "),
                    contact.phone.isEmpty ? .text("") : .a([.href("tel:\(contact.phone)")], [.text(contact.phone)]),
                ])
            })]),
            .el("td", [], [
                .p([.class("mark")], [.strong([], [.text(child.mark?.frenchLabel ?? "À pointer")]),
                                      .text(child.markedBy.map { " (\($0))" } ?? "")]),
                .form([.method("post"), .action(BackOfficePaths.attendanceMark), .class("mark-buttons no-print"),
                       .aria("label", "Pointage de \(child.childName)")], [
                    Forms.csrfField(frame.chrome.csrf),
                    Forms.hidden("reservation", String(child.bookingID)),
                    Forms.hidden("jour", selection.day.iso),
                    Forms.hidden("activite", selection.activity),
                    Forms.hidden("unite", selection.unit),
                    .fragment(AttendanceMark.allCases.map { mark in
                        .button([.type("submit"), .name("marque"), .value(mark.rawValue), .class("mark-\(mark.rawValue)"),
                                 .aria("pressed", child.mark == mark ? "true" : "false"), .aria("label", "\(mark.frenchLabel) : \(child.childName)")],
                                [.text(mark.frenchLabel)])
                    }),
                ]),
            ]),
        ])
    }

    private static func health(_ alert: HealthAlert?, mayView: Bool) -> Node {
        guard mayView else { return .text("—") }
        guard let alert, !alert.isEmpty else { return .text("Rien à signaler") }
        var lines: [Node] = []
        if !alert.allergies.isEmpty { lines.append(.li([], [.strong([], ["Allergies : "]), .text(alert.allergies)])) }
        if !alert.diet.isEmpty { lines.append(.li([], [.strong([], ["Régime : "]), .text(alert.diet)])) }
        if alert.hasPAI { lines.append(.li([], [.strong([], ["PAI"]), .text(alert.paiDetails.isEmpty ? "" : " : \(alert.paiDetails)")])) }
        return .ul([.class("plain-list health-alert")], lines)
    }

    private static func walkIn(_ frame: StaffChrome, selection: AttendancePage.Selection, search: String,
                               matches: [(id: Int64, name: String, family: String)]) -> Node {
        .section([.class("no-print"), .aria("labelledby", "ajout-titre")], [
            .h2([.id("ajout-titre")], ["Ajouter un enfant non réservé"]),
            .p([.class("hint")], ["La réservation est créée sur place (signalée comme telle) et l'enfant est marqué présent."]),
            .form([.method("get"), .action(BackOfficePaths.attendance), .class("filters"), .role("search")], [
                Forms.hidden("jour", selection.day.iso), Forms.hidden("activite", selection.activity), Forms.hidden("unite", selection.unit),
                Forms.field("enfant", label: "Nom de l'enfant ou de la famille", type: "search", value: search, autocomplete: nil, errors: FieldErrors()),
                Forms.submit("Chercher", secondary: true),
            ]),
            .when(search.count >= 2, matches.isEmpty ? .p([], ["Aucun enfant ne correspond."]) : .ul([.class("plain-list")], matches.map { match in
                .li([], [
                    .form([.method("post"), .action(BackOfficePaths.attendanceWalkIn), .class("inline")], [
                        Forms.csrfField(frame.chrome.csrf), Forms.hidden("enfant_id", String(match.id)),
                        Forms.hidden("jour", selection.day.iso), Forms.hidden("activite", selection.activity), Forms.hidden("unite", selection.unit),
                        .button([.type("submit"), .class("button secondary")], [.text("Ajouter \(match.name) (famille \(match.family))")]),
                    ]),
                ])
            })),
        ])
    }
}
