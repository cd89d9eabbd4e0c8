import Foundation
import HTML
import PortalCore
import PortalStore

/// The staff queues under /gestion: pré-inscriptions to answer in bulk, and booking requests
/// (bookings awaiting validation, cancellation requests) to answer one by one.
enum StaffBookingViews {
    private static func nav(_ context: RequestContext) -> Node {
        .nav([.class("planning-nav"), .aria("label", "Files de demandes")], [
            (StaffBookingPaths.registrations, "Pré-inscriptions"), (StaffBookingPaths.bookings, "Demandes de réservation"),
        ].map { path, label in
            .a([.href(path)] + (context.request.path == path ? [.aria("current", "page")] : []), [.text(label)])
        })
    }

    private static func activityFilter(_ context: RequestContext, action: String, selected: String?) -> Node {
        .form([.method("get"), .action(action), .class("form filters"), .aria("label", "Filtrer par activité")], [
            .div([.class("field")], [
                .label([.for("filtre-activite")], ["Activité"]),
                .el("select", [.id("filtre-activite"), .name("activite")], [PlanningViews.option("", "Toutes", selected == nil)]
                    + context.tenant.activities.map { PlanningViews.option($0.code, $0.label, selected == $0.code) }),
            ]),
            Forms.submit("Filtrer", secondary: true),
        ])
    }

    struct RegistrationRow {
        let registration: StoredRegistration
        let childName: String
        let familyName: String
    }

    static func registrations(_ context: RequestContext, rows: [RegistrationRow], activity: String?, error: String?) -> Node {
        let tenant = context.tenant
        return StaffViews.page(context, title: "Pré-inscriptions", content: [
            BookingViews.styles,
            .h1([], ["Pré-inscriptions à traiter"]),
            nav(context),
            Notices.banner(context.request),
            .when(error != nil, .div([.class("error-summary"), .role("alert")], [.p([], [.text(error ?? "")])])),
            activityFilter(context, action: StaffBookingPaths.registrations, selected: activity),
            rows.isEmpty ? .p([], ["Aucune demande en attente."]) : Forms.form(action: StaffBookingPaths.registrations, csrf: context.csrfToken,
                                                                                label: "Réponse aux pré-inscriptions", [
                .el("fieldset", [.class("checks")], [.el("legend", [.class("visually-hidden")], ["Demandes choisies"]),
                BookingViews.table(caption: "Demandes de pré-inscription, les plus anciennes d'abord",
                                   headers: ["Choisir", "Enfant", "Famille", "Activité", "Période", "Demandée le"], rows: rows.map { row in
                    let registration = row.registration.registration
                    let id = "inscription-\(registration.id ?? 0)"
                    return [
                        .input([.type("checkbox"), .id(id), .name("id"), .value(String(registration.id ?? 0)),
                                .aria("label", "Choisir la demande de \(row.childName)")]),
                        .text(row.childName), .text(row.familyName),
                        .text(tenant.activity(registration.activityCode)?.label ?? registration.activityCode),
                        .text(registration.period.label), .text(FrenchDateFormat.shortWithTime(row.registration.createdAt)),
                    ]
                })]),
                Forms.field("motif", label: "Motif du refus (communiqué à la famille)", autocomplete: "off", errors: FieldErrors(), required: false),
                .p([], [
                    .button([.type("submit"), .class("button"), .name("decision"), .value("accepter")], ["Accepter la sélection"]), " ",
                    .button([.type("submit"), .class("button secondary"), .name("decision"), .value("refuser")], ["Refuser la sélection"]),
                ]),
            ]),
        ])
    }

    struct BookingRow {
        let request: StaffBookingRequest
        let childName: String
        let familyName: String
    }

    static func bookings(_ context: RequestContext, rows: [BookingRow], activity: String?) -> Node {
        let tenant = context.tenant
        return StaffViews.page(context, title: "Demandes de réservation", content: [
            BookingViews.styles,
            .h1([], ["Demandes de réservation et d'annulation"]),
            nav(context),
            Notices.banner(context.request),
            activityFilter(context, action: StaffBookingPaths.bookings, selected: activity),
            rows.isEmpty ? .p([], ["Aucune demande en attente."]) : .ul([.class("plain-list")], rows.map { row in
                let request = row.request
                let labels = BookingViews.slotLabel(request.slot, tenant: tenant)
                let kind = request.status == .cancellationRequested ? "Annulation" : "Réservation"
                let id = "motif-\(request.bookingId)"
                return .li([.class("card")], [
                    .p([.class("entry-title")], [.text("\(kind) – \(FrenchDateFormat.long(request.slot.date)) – \(row.childName) (\(row.familyName))")]),
                    .p([], [.text("\(labels.activity) – \(labels.unit)" + (request.late ? " · hors délai" : "")
                                  + (request.amount.cents > 0 ? " · \(request.amount.french)" : ""))]),
                    Forms.form(action: StaffBookingPaths.booking(request.bookingId), csrf: context.csrfToken, label: "Réponse", [
                        .div([.class("field")], [
                            .label([.for(id)], [.text("Message à la famille (facultatif)")]),
                            .input([.type("text"), .id(id), .name("motif"), .autocomplete("off")]),
                        ]),
                        .button([.type("submit"), .class("button"), .name("decision"), .value("accepter")], ["Accepter"]), " ",
                        .button([.type("submit"), .class("button secondary"), .name("decision"), .value("refuser")], ["Refuser"]),
                    ]),
                ])
            }),
        ])
    }
}
