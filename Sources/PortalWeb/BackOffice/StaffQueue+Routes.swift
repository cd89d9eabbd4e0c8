import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The list and the bulk decision of any `StaffQueue`: `GET path` (filters in the query) and
/// `POST path/decision` with `id` (repeated), `decision` = accepter | refuser and `motif`.
extension StaffQueue {
    var decisionPath: String { path + "/decision" }

    func register(_ table: inout RouteTable) {
        let queue = self
        table.add("GET", path, access) { context in .html(try queue.page(context, results: [], errors: FieldErrors())) }
        table.add("POST", decisionPath, access) { try queue.decideFromForm($0) }
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
        let decider = QueueDecisionContext(town: context.town, staff: try context.staff, now: context.now, clientAddress: context.clientAddress)
        let results = try queue.decide(ids, verdict: verdict, reason: reason, context: decider)
        let nothingDone = !results.contains { $0.kind == .done }
        return .html(try page(context, results: results, errors: errors), status: nothingDone ? .conflict : .ok)
    }

    /// The list with the filters this request gives, from the query or else the form (a
    /// refused decision shows the list it was sent from).
    func page(_ context: RequestContext, results: [QueueResult], errors: FieldErrors) throws -> Node {
        let listing = try queue.list(in: context.town, asked: { context.request.queryValue($0) ?? context.form.value($0) }, now: context.now)
        return view(context.staffChrome, listing: listing, notice: banner(context.request), results: results, errors: errors)
    }

    /// The item's own page, printed from the ids the flow gives.
    static func detailPath(_ subject: QueueItem.Subject) -> String {
        switch subject {
        case .document(let id): StaffPaths.document(id)
        case .changeRequest(let id): StaffDossierPaths.request(id)
        case .family(let id): StaffDossierPaths.family(id)
        }
    }

    func view(_ frame: StaffChrome, listing: QueueListing, notice: Node, results: [QueueResult], errors: FieldErrors) -> Node {
        let (filters, values, items, history) = (listing.filters, listing.values, listing.items, listing.history)
        let (itemNoun, feminine) = (queue.itemNoun, queue.feminine)
        return StaffViews.page(frame, title: title, content: [
            .h1([], [.text(title)]),
            notice,
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
            items.isEmpty ? .p([.class("empty")], ["Rien à traiter."]) : decisionForm(csrf: frame.chrome.csrf, items: items, values: values, errors: errors),
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

    private func decisionForm(csrf: String, items: [QueueItem], values: [String: String], errors: FieldErrors) -> Node {
        Forms.form(action: decisionPath, csrf: csrf, label: "Décision sur la sélection", [
            .fragment(values.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { Forms.hidden($0.key, $0.value) }),
            .div([.class("table-wrap"), .id(Forms.fieldID("id")), .role("group"), .aria("label", "Lignes à traiter")], [.el("table", [.class("queue")], [
                .el("caption", [.class("visually-hidden")], [.text("\(title) : cochez les lignes puis acceptez ou refusez")]),
                .el("thead", [], [.el("tr", [], ["Choisir", "Reçue le", "Famille", "Objet", ""].map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
                .el("tbody", [], items.map { item in
                    .el("tr", [], [
                        .el("td", [], [
                            .input([.type("checkbox"), .id("choix-\(item.id)"), .name("id"), .value(String(item.id)),
                                    .aria("label", "\(queue.itemNoun) n° \(item.id) : \(item.summary), \(item.who)")]),
                        ]),
                        .el("td", [], [.text(FrenchDateFormat.shortWithTime(item.submittedAt))]),
                        .el("td", [], [.text(item.who)]),
                        .el("td", [], [item.subject.map { .a([.href(Self.detailPath($0))], [.text(item.summary)]) } ?? .text(item.summary)]),
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
