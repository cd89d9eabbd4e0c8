import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore

/// « Inscriptions »: each child's pré-inscriptions with their status, and the request form.
enum RegistrationViews {
    static func list(_ chrome: PageChrome, family: BookingFamily, registrations: [StoredRegistration], today: LocalDate, message: String?) -> Node {
        Layout.page(chrome, title: "Inscriptions", currentTab: .inscriptions, content: [
            BookingViews.styles,
            .h1([], [.span([.class("kicker")], [.text(family.file.name)]), "Inscriptions"]),
            BookingNotices.banner(message),
            BookingViews.familySwitch(family, path: BookingPaths.registrations),
            .p([], [.a([.class("button"), .href(BookingPaths.newRegistration(family: family.id))], ["Ajouter une pré-inscription"])]),
            family.profile.children.isEmpty
                ? .p([], ["Aucun enfant n'est inscrit au dossier famille avec sa date de naissance : complétez le dossier."])
                : .fragment(family.profile.children.map { child in
                    let own = registrations.filter { $0.registration.childID == child.id }
                    return .section([.class("card")], [
                        .h2([], [.text(child.firstName)]),
                        own.isEmpty ? .p([], ["Aucune pré-inscription."]) : .ul([.class("plain-list")], own.map { item(chrome.tenant, family: family, $0, today: today) }),
                    ])
                }),
        ])
    }

    private static func item(_ tenant: TenantConfig, family: BookingFamily, _ stored: StoredRegistration, today: LocalDate) -> Node {
        let registration = stored.registration
        let status = registration.displayStatus(today: today)
        let label = tenant.activity(registration.activityCode)?.label ?? registration.activityCode
        let anchor = max(today, registration.period.firstDay)
        return .li([.class("entry")], [
            .p([.class("entry-title")], [.text("\(label) – \(registration.period.label)")]),
            .p([], [.span([.class("status")], [.text(status.label)])]),
            .when(status == .refused, .p([], [.text("Motif : \(registration.refusalReason ?? "")")])),
            .when(status == .accepted, .p([], [.a([.href(BookingPaths.planning(family: family.id, view: .month, anchor: anchor,
                                                                          child: registration.childID, activity: registration.activityCode))],
                                                  [.text("Réserver les jours de \(family.childName(registration.childID))")])])),
        ])
    }

    static func form(_ chrome: PageChrome, family: BookingFamily, values: PreRegistrationForm, errors: FieldErrors, today: LocalDate) -> Node {
        let current = RegistrationPeriod.containing(today, validity: chrome.tenant.registration.validity)
        let activities = chrome.tenant.activities
        return Layout.page(chrome, title: "Ajouter une pré-inscription", currentTab: .inscriptions, content: [
            BookingViews.styles,
            .h1([], [.span([.class("kicker")], [.text(family.file.name)]), "Ajouter une pré-inscription"]),
            Forms.errorSummary(errors),
            Forms.form(action: BookingPaths.newRegistration, csrf: chrome.csrf, label: "Pré-inscription", [
                Forms.hidden("famille", String(family.id)),
                .div([.class(errors.messages(for: "activite").isEmpty ? "field" : "field has-error")], [
                    .label([.for(Forms.fieldID("activite"))], ["Activité"]),
                    fieldErrors(errors, "activite"),
                    .el("select", [.id(Forms.fieldID("activite")), .name("activite"), .required], [PlanningViews.option("", "Choisir une activité", values.activity.isEmpty)]
                        + activities.map { PlanningViews.option($0.code, "\($0.label) (\($0.audience.label))", values.activity == $0.code) }),
                ]),
                .el("fieldset", [.class("checks"), .id(Forms.fieldID("enfant"))], [.el("legend", [], ["Enfants"]), fieldErrors(errors, "enfant")]
                    + family.profile.children.map { child in
                        let id = "enfant-\(child.id)"
                        return .div([.class("check")], [
                            .input([.type("checkbox"), .id(id), .name("enfant"), .value(String(child.id))] + (values.children.contains(child.id) ? [.checked] : [])),
                            .label([.for(id)], [.text(child.firstName)]),
                        ])
                    }),
                .el("fieldset", [.class("checks")], [
                    .el("legend", [], ["Période"]),
                    PlanningViews.radio("periode", "courante", current.label.prefix(1).uppercased() + current.label.dropFirst(), checked: values.period != "suivante"),
                    PlanningViews.radio("periode", "suivante", current.next.label.prefix(1).uppercased() + current.next.label.dropFirst(), checked: values.period == "suivante"),
                ]),
                .h2([], ["Premiers jours à réserver (facultatif)"]),
                .p([.class("hint"), .id("premiers-jours-aide")], ["Ces jours seront réservés dès que la pré-inscription sera acceptée, selon les règles habituelles."]),
                .div([.class(errors.messages(for: "unite").isEmpty ? "field" : "field has-error")], [
                    .label([.for(Forms.fieldID("unite"))], ["Prestation"]),
                    fieldErrors(errors, "unite"),
                    .el("select", [.id(Forms.fieldID("unite")), .name("unite"), .aria("describedby", "premiers-jours-aide")],
                        [PlanningViews.option("", "Aucune", values.unit.isEmpty)] + activities.flatMap { activity in
                            activity.units.map { PlanningViews.option("\(activity.code)|\($0.code)", "\(activity.label) – \($0.label)", values.unit == "\(activity.code)|\($0.code)") }
                        }),
                ]),
                .el("fieldset", [.class("checks")], [.el("legend", [], ["Jours de la semaine"])] + (1...6).map { day in
                    let id = "jour-\(day)"
                    return .div([.class("check")], [
                        .input([.type("checkbox"), .id(id), .name("jour"), .value(String(day))] + (values.weekdays.contains(day) ? [.checked] : [])),
                        .label([.for(id)], [.text(FrenchDateFormat.weekdayName(day))]),
                    ])
                }),
                Forms.field("du", label: "Du", type: "date", value: values.from, autocomplete: nil, errors: errors, required: false),
                Forms.field("au", label: "Au", type: "date", value: values.to, autocomplete: nil, errors: errors, required: false),
                Forms.submit("Envoyer la demande"),
            ]),
            .p([], [.a([.href(BookingPaths.registrations(family: family.id))], ["Retour aux inscriptions"])]),
        ])
    }

    private static func fieldErrors(_ errors: FieldErrors, _ name: String) -> Node {
        let messages = errors.messages(for: name)
        return .when(!messages.isEmpty, .p([.class("field-error"), .id(Forms.fieldID(name) + "-erreur")], messages.map { .text($0 + " ") }))
    }
}
