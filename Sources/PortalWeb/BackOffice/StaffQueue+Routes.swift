import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// The list and the bulk decision of any `StaffQueue`: `GET path` (filters in the query) and
/// `POST path/decision` with `id` (repeated), `decision` = accepter | refuser and `motif`.
extension StaffQueue {
    var decisionPath: String { path + "/decision" }

    /// The age filter every queue has, applied after the queue's own filters.
    static let ageFilter = QueueFilter(name: "recue", label: "Reçue", options: [
        ("", "Toutes les dates"), ("24h", "Depuis 24 heures"), ("7j", "Depuis 7 jours"), ("ancienne", "Il y a plus de 7 jours"),
    ])

    func register(_ table: inout RouteTable) {
        let queue = self
        table.add("GET", path, access) { context in .html(try queue.page(context, results: [], errors: FieldErrors())) }
        table.add("POST", decisionPath, access) { try queue.decideFromForm($0) }
    }

    /// The queue's filters with the values this request gives them; a value a filter does not
    /// accept is dropped, so the list shows everything rather than an error.
    func filterState(_ context: RequestContext, in connection: PostgresConnection) throws -> (filters: [QueueFilter], values: [String: String]) {
        let all = try filters(context.tenant, connection) + [Self.ageFilter]
        var values: [String: String] = [:]
        for filter in all {
            let value = context.request.queryValue(filter.name) ?? context.form.value(filter.name) ?? ""
            if !value.isEmpty, filter.accepts(value) { values[filter.name] = value }
        }
        return (all, values)
    }

    func items(_ values: [String: String], context: RequestContext, in connection: PostgresConnection) throws -> [QueueItem] {
        let all = try load(values, context.tenant, connection)
        let day: TimeInterval = 86_400
        switch values["recue"] {
        case "24h": return all.filter { $0.submittedAt >= context.now.addingTimeInterval(-day) }
        case "7j": return all.filter { $0.submittedAt >= context.now.addingTimeInterval(-7 * day) }
        case "ancienne": return all.filter { $0.submittedAt < context.now.addingTimeInterval(-7 * day) }
        default: return all
        }
    }

    func decideFromForm(_ context: RequestContext) throws -> HTTPResponse {
        let ids = (context.form.fields["id"] ?? []).compactMap { Int64($0) }
        let reason = String(context.form.text("motif").prefix(1000))
        var errors = FieldErrors()
        let verdict: QueueVerdict? = switch context.form.text("decision") {
        case "accepter": .accepted
        case "refuser": .refused
        default: nil
        }
        if ids.isEmpty { errors.add("id", "Cochez au moins une ligne.") }
        if verdict == nil { errors.add("decision", "Choisissez d'accepter ou de refuser.") }
        if verdict == .refused, reason.isEmpty { errors.add("motif", "Indiquez le motif du refus : la famille le recevra.") }
        guard errors.isEmpty, let verdict else {
            return .html(try page(context, results: [], errors: errors), status: .unprocessableContent)
        }
        let decisionContext = try context.queueDecisionContext
        // Retried on a deadlock: accepting a booking request may promote a waiting child, whose
        // family lock another confirmation may hold.
        let results = try process(ids, verdict: verdict, reason: reason, context: decisionContext) { body in
            try context.database.transaction(schema: context.tenant.schema, retries: 4, body)
        }
        let nothingDone = !results.contains { $0.kind == .done }
        return .html(try page(context, results: results, errors: errors), status: nothingDone ? .conflict : .ok)
    }

    func page(_ context: RequestContext, results: [QueueResult], errors: FieldErrors) throws -> Node {
        let (filters, values, items, history) = try context.transaction { connection -> ([QueueFilter], [String: String], [QueueItem], [QueueDecision]) in
            let (filters, values) = try filterState(context, in: connection)
            return (filters, values, try self.items(values, context: context, in: connection), try QueueDecisions.list(queue: code, limit: 20, in: connection))
        }
        return StaffViews.page(context, title: title, content: [
            .h1([], [.text(title)]),
            banner(context.request),
            .when(!results.isEmpty, .div([.class("queue-results"), .role("status")], [
                .ul([], results.map { result in
                    .li([.class(result.kind == .done ? "result-done" : "result-other")], [.text(result.message)])
                }),
            ])),
            Forms.errorSummary(errors),
            .form([.method("get"), .action(path), .class("filters"), .aria("label", "Filtres")], filters.map { filter in
                .div([.class("field")], [
                    .label([.for("filtre-\(filter.name)")], [.text(filter.label)]),
                    Self.control(filter, value: values[filter.name, default: ""]),
                ])
            } + [Forms.submit("Filtrer", secondary: true)]),
            items.isEmpty ? .p([.class("empty")], ["Rien à traiter."]) : decisionForm(context, items: items, values: values, errors: errors),
            .h2([], ["Dernières décisions"]),
            history.isEmpty ? .p([], ["Aucune décision pour l'instant."]) : .ul([.class("history")], history.map { decision in
                .li([], [.text("\(FrenchDateFormat.shortWithTime(decision.decidedAt)) – \(itemNoun) n° \(decision.itemID) \(decision.verdict.frenchStem)\(feminine ? "e" : "") par \(decision.staffName)"
                               + (decision.reason.isEmpty ? "" : " : \(decision.reason)"))])
            }),
        ])
    }

    private static func control(_ filter: QueueFilter, value: String) -> Node {
        switch filter.input {
        case .choice(let options):
            .el("select", [.id("filtre-\(filter.name)"), .name(filter.name)], options.map { option in
                .el("option", [.value(option.value)] + (value == option.value ? [.selected] : []), [.text(option.label)])
            })
        case .date:
            .input([.type("date"), .id("filtre-\(filter.name)"), .name(filter.name), .value(value)])
        }
    }

    private func decisionForm(_ context: RequestContext, items: [QueueItem], values: [String: String], errors: FieldErrors) -> Node {
        Forms.form(action: decisionPath, csrf: context.csrfToken, label: "Décision sur la sélection", [
            .fragment(values.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { Forms.hidden($0.key, $0.value) }),
            .div([.class("table-wrap"), .id(Forms.fieldID("id")), .role("group"), .aria("label", "Lignes à traiter")], [.el("table", [.class("queue")], [
                .el("caption", [.class("visually-hidden")], [.text("\(title) : cochez les lignes puis acceptez ou refusez")]),
                .el("thead", [], [.el("tr", [], ["Choisir", "Reçue le", "Famille", "Objet", ""].map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
                .el("tbody", [], items.map { item in
                    .el("tr", [], [
                        .el("td", [], [
                            .input([.type("checkbox"), .id("choix-\(item.id)"), .name("id"), .value(String(item.id)),
                                    .aria("label", "\(itemNoun) n° \(item.id) : \(item.summary), \(item.who)")]),
                        ]),
                        .el("td", [], [.text(FrenchDateFormat.shortWithTime(item.submittedAt))]),
                        .el("td", [], [.text(item.who)]),
                        .el("td", [], [item.detailPath.map { .a([.href($0)], [.text(item.summary)]) } ?? .text(item.summary)]),
                        .el("td", [], item.tags.map { .span([.class("tag")], [.text($0)]) }),
                    ])
                }),
            ])]),
            Forms.field("motif", label: "Motif (obligatoire pour refuser, envoyé à la famille)", autocomplete: "off", errors: errors, required: false),
            .div([.class("actions"), .id(Forms.fieldID("decision"))], [
                .button([.type("submit"), .name("decision"), .value("accepter"), .class("button")], ["Accepter la sélection"]), " ",
                .button([.type("submit"), .name("decision"), .value("refuser"), .class("button secondary")], ["Refuser la sélection"]),
            ]),
        ])
    }
}
