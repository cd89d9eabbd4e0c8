import Formats
import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// CSV exports of bookings and of attendance, per period and optionally one activity, in the
/// form French spreadsheets open without an import wizard (`CSVDocument`).
enum ExportPages {
    static let longestPeriod = 366

    struct Period {
        let from: LocalDate
        let to: LocalDate
        let activity: String?
    }

    static func period(_ context: RequestContext) -> Period? {
        let today = ParisTime.localDate(of: context.now)
        let from = LocalDate(iso: context.request.queryValue("du") ?? "") ?? today
        let to = LocalDate(iso: context.request.queryValue("au") ?? "") ?? from
        let code = context.request.queryValue("activite") ?? ""
        guard from <= to, from.days(until: to) < longestPeriod, code.isEmpty || context.tenant.activity(code) != nil else { return nil }
        return Period(from: from, to: to, activity: code.isEmpty ? nil : code)
    }

    static func form(_ context: RequestContext) throws -> HTTPResponse {
        .html(formPage(context.staffChrome, today: ParisTime.localDate(of: context.now), error: context.request.queryValue("erreur")))
    }

    /// `error` is the `erreur` code a refused period sends back with; the period proposed starts `today`.
    static func formPage(_ frame: StaffChrome, today: LocalDate, error: String?) -> Node {
        StaffViews.page(frame, title: "Exports", content: [
            .h1([], ["Exports"]),
            .when(error == "periode", Forms.notice("Choisissez une période d'un an au plus, la date de début avant celle de fin.", kind: "error")),
            .p([], ["Fichiers CSV (séparateur point-virgule, dates JJ/MM/AAAA) qui s'ouvrent directement dans un tableur."]),
            .form([.method("get"), .action(BackOfficePaths.bookingsCSV), .class("form"), .aria("label", "Période et activité")], [
                Forms.field("du", label: "Du", type: "date", value: today.iso, autocomplete: nil, errors: FieldErrors()),
                Forms.field("au", label: "Au", type: "date", value: today.adding(days: 30).iso, autocomplete: nil, errors: FieldErrors()),
                .div([.class("field")], [
                    .label([.for("champ-activite")], ["Activité"]),
                    .el("select", [.id("champ-activite"), .name("activite")],
                        [.el("option", [.value("")], ["Toutes les activités"])] + frame.chrome.tenant.activities.map { .el("option", [.value($0.code)], [.text($0.label)]) }),
                ]),
                .div([.class("actions")], [
                    .button([.type("submit"), .class("button")], ["Télécharger les réservations"]), " ",
                    .button([.type("submit"), .class("button secondary"), Attribute("formaction", BackOfficePaths.attendanceCSV)], ["Télécharger le pointage"]),
                ]),
            ]),
        ])
    }

    static func bookings(_ context: RequestContext) throws -> HTTPResponse {
        guard let period = period(context) else { return .redirect(to: BackOfficePaths.exports + "?erreur=periode") }
        let rows = try rows(context, period: period, expectedOnly: false)
        return download(ExportDocuments.bookings(rows, tenant: context.tenant), name: "reservations", period: period)
    }

    static func attendance(_ context: RequestContext) throws -> HTTPResponse {
        guard let period = period(context) else { return .redirect(to: BackOfficePaths.exports + "?erreur=periode") }
        let rows = try rows(context, period: period, expectedOnly: true)
        return download(ExportDocuments.attendance(rows, tenant: context.tenant), name: "pointage", period: period)
    }

    private static func rows(_ context: RequestContext, period: Period, expectedOnly: Bool) throws -> [BookingExportRow] {
        try ExportBookings(town: context.town).run(from: period.from, to: period.to, activity: period.activity, expectedOnly: expectedOnly,
                                                   by: try context.staff, clientAddress: context.clientAddress, now: context.now)
    }

    static func download(_ document: CSVDocument, name: String, period: Period) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, body: document.bytes)
        response.headers.set("Content-Type", "text/csv; charset=utf-8")
        let activity = period.activity.map { "-" + $0 } ?? ""
        response.headers.set("Content-Disposition", "attachment; filename=\"\(name)\(activity)-\(period.from.iso)-au-\(period.to.iso).csv\"")
        response.headers.set("Cache-Control", "private, no-store")
        return response
    }
}

/// The columns of each export, with the town's labels.
enum ExportDocuments {
    static func bookings(_ rows: [BookingExportRow], tenant: TenantConfig) -> CSVDocument {
        var document = CSVDocument(header: ["Date", "Activité", "Unité", "Famille", "Code abonné", "Enfant", "Statut", "Montant (€)", "Tarif",
                                            "Demandé le", "Ajouté sur place"])
        for row in rows {
            let name = ActivityNames.label(tenant, activity: row.activity, unit: row.unit)
            document.append([FrenchDateFormat.numeric(row.day), name.activity, name.unit, row.familyName, row.subscriberCode, row.childName,
                             statusLabel(row.status), amount(row.amount), row.tariff.label, dateTime(row.requestedAt), row.walkIn ? "oui" : "non"])
        }
        return document
    }

    static func attendance(_ rows: [BookingExportRow], tenant: TenantConfig) -> CSVDocument {
        var document = CSVDocument(header: ["Date", "Activité", "Unité", "Famille", "Enfant", "Pointage", "Pointé par", "Ajouté sur place"])
        for row in rows {
            let name = ActivityNames.label(tenant, activity: row.activity, unit: row.unit)
            document.append([FrenchDateFormat.numeric(row.day), name.activity, name.unit, row.familyName, row.childName,
                             row.mark?.frenchLabel ?? "Non pointé", row.markedBy ?? "", row.walkIn ? "oui" : "non"])
        }
        return document
    }

    static func statusLabel(_ status: BookingStatus) -> String {
        switch status {
        case .cancelled: "Annulée"
        case .withdrawn: "Retirée par la famille"
        default: PlanningSlotState(status)?.label ?? status.rawValue
        }
    }

    /// « 12,50 »: a number the spreadsheet sums, with the French decimal comma.
    static func amount(_ money: Money) -> String {
        let cents = money.cents.magnitude % 100
        return "\(money.cents < 0 ? "-" : "")\(money.cents.magnitude / 100),\(cents < 10 ? "0" : "")\(cents)"
    }

    /// « 05/01/2026 09:30 », Paris time.
    static func dateTime(_ instant: Date) -> String {
        let time = ParisTime.localTime(of: instant)
        return "\(FrenchDateFormat.numeric(ParisTime.localDate(of: instant))) \(time.hour < 10 ? "0" : "")\(time.hour):\(time.minute < 10 ? "0" : "")\(time.minute)"
    }
}
