import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore

/// « Planning – Réservations »: the chosen range with each registered child's slots, a form
/// whose checkboxes add bookings and cancellations to the basket, the jours types form and the
/// private calendar link.
enum PlanningViews {
    struct Page {
        let family: BookingFamily
        let model: PlanningModel
        let childFilter: Int64?
        let activityFilter: String?
        let registeredActivities: [Activity]
        let basketCount: Int
        /// When the private calendar link was made; nil when the family has none.
        let feedCreatedAt: Date?
    }

    static func render(_ chrome: PageChrome, _ page: Page, today: LocalDate, message: String?) -> Node {
        let range = page.model.range
        let family = page.family.id
        let link = { (view: PlanningView, anchor: LocalDate) in
            BookingPaths.planning(family: family, view: view, anchor: anchor, child: page.childFilter, activity: page.activityFilter)
        }
        return Layout.page(chrome, title: "Planning – Réservations", currentTab: .planning, content: [
            BookingViews.styles,
            .h1([], [.span([.class("kicker")], [.text(page.family.file.name)]), "Planning – Réservations"]),
            BookingNotices.banner(message),
            BookingViews.familySwitch(page.family, path: BookingPaths.planning),
            .p([], [.a([.class("button secondary"), .href(BookingPaths.basket(family: family))], [.text("Voir mon panier (\(page.basketCount))")])]),
            .nav([.class("planning-nav"), .aria("label", "Vues du planning")], PlanningView.allCases.map { view in
                .a([.href(link(view, range.anchor))] + (view == range.view ? [.aria("current", "page")] : []), [.text(view.label)])
            }),
            .nav([.class("planning-nav"), .aria("label", "Période affichée")], [
                .a([.href(link(range.view, range.previous.anchor))], ["‹ Précédent"]),
                .a([.href(link(range.view, today))], ["Aujourd'hui"]),
                .a([.href(link(range.view, range.next.anchor))], ["Suivant ›"]),
            ]),
            .h2([], [.text(range.title.prefix(1).uppercased() + range.title.dropFirst())]),
            filters(page),
            legend(drawsOpenings: chrome.tenant.activities.contains { $0.booking.atOpening.draw != nil }),
            page.model.pairs.isEmpty ? empty(page) : slotsForm(chrome.csrf, page),
            joursTypes(chrome.csrf, page, today: today),
            feedSection(chrome.csrf, page.family, createdAt: page.feedCreatedAt),
        ])
    }

    private static func empty(_ page: Page) -> Node {
        .div([.class("notice")], [
            .p([], ["Aucune activité à afficher sur cette période : seules les activités où un enfant est pré-inscrit apparaissent."]),
            .p([], [.a([.href(BookingPaths.registrations(family: page.family.id))], ["Voir les inscriptions"])]),
        ])
    }

    private static func filters(_ page: Page) -> Node {
        let range = page.model.range
        let children = page.family.profile.children
        return .form([.method("get"), .action(BookingPaths.planning), .class("form filters"), .aria("label", "Filtres du planning")], [
            Forms.hidden("famille", String(page.family.id)),
            Forms.hidden("vue", range.view.rawValue),
            Forms.hidden("date", range.anchor.iso),
            .div([.class("field")], [
                .label([.for("filtre-enfant")], ["Enfant"]),
                .el("select", [.id("filtre-enfant"), .name("enfant")], [option("", "Tous les enfants", page.childFilter == nil)]
                    + children.map { option(String($0.id), $0.firstName, page.childFilter == $0.id) }),
            ]),
            .div([.class("field")], [
                .label([.for("filtre-activite")], ["Activité"]),
                .el("select", [.id("filtre-activite"), .name("activite")], [option("", "Toutes les activités", page.activityFilter == nil)]
                    + page.registeredActivities.map { option($0.code, $0.label, page.activityFilter == $0.code) }),
            ]),
            Forms.submit("Filtrer", secondary: true),
        ])
    }

    static func option(_ value: String, _ label: String, _ selected: Bool) -> Node {
        .el("option", [.value(value)] + (selected ? [.selected] : []), [.text(label)])
    }

    /// The draw's state is listed only by towns that draw an opening, with the published draws.
    private static func legend(drawsOpenings: Bool) -> Node {
        let states = ([PlanningSlotState.available] + PlanningSlotState.legend).filter { drawsOpenings || $0 != .awaitingDraw }
        return .section([.aria("labelledby", "legende")], [
            .h2([.id("legende"), .class("visually-hidden")], ["Légende"]),
            .ul([.class("legend")], states.map { state in
                .li([.class("slot slot--\(state.cssName)")], [.span([.aria("hidden", "true")], [.text(state.symbol + " ")]), .text(state.label)])
            }),
            .when(drawsOpenings, .p([], [.a([.href(DrawPaths.list)], ["Tirages au sort à l'ouverture des réservations : résultats et graines publiés"])])),
        ])
    }

    private static func slotsForm(_ csrf: String, _ page: Page) -> Node {
        let model = page.model
        let body: Node = model.range.view == .month ? month(model) : list(model)
        return .form([.method("post"), .action(BookingPaths.basketAdd), .class("form"), .aria("label", "Choix des jours")], [
            Forms.csrfField(csrf),
            Forms.hidden("famille", String(page.family.id)),
            Forms.hidden("vue", model.range.view.rawValue),
            .p([.class("hint")], ["Cochez les jours à réserver ou à annuler, puis ajoutez-les au panier : rien n'est enregistré avant « Valider » dans le panier."]),
            .p([], [
                .button([.type("button"), .class("button secondary select-all"), .data("select-all", "book"), .hidden], ["Cocher toutes les réservations possibles"]),
                " ",
                .button([.type("button"), .class("button secondary select-all"), .data("select-all", "cancel"), .hidden], ["Cocher toutes les annulations possibles"]),
            ]),
            .el("fieldset", [.class("checks planning-days")], [.el("legend", [.class("visually-hidden"), .id("jours-legende")], ["Jours à réserver ou à annuler"]), body]),
            Forms.submit("Ajouter la sélection au panier"),
            .el("script", [.src(BookingPaths.script), Attribute("defer", nil)], []),
        ])
    }

    // The days and their cells are most of the page's bytes: written straight, not built as nodes.

    private static func list(_ model: PlanningModel) -> Node {
        let days = model.range.days.filter { model.days[$0] != nil }
        guard !days.isEmpty else { return .p([], ["Aucune activité ne se déroule sur cette période."]) }
        return .written(capacity: 64 * 1024) { w in
            for date in days {
                w.element("section", [.class("day")]) { w in
                    w.element("h3") { $0.text(FrenchDateFormat.long(date)) }
                    for entry in model.days[date] ?? [] { write(entry, into: &w) }
                }
            }
        }
    }

    private static func month(_ model: PlanningModel) -> Node {
        .written(capacity: 64 * 1024) { w in
            w.element("div", [.class("table-wrap")]) { w in
                w.element("table", [.class("month")]) { w in
                    w.element("caption", [.class("visually-hidden")]) { $0.text("Planning de \(model.range.title)") }
                    w.element("thead") { w in
                        w.element("tr") { w in
                            for weekday in 1...7 { w.element("th", [Attribute("scope", "col")]) { $0.text(FrenchDateFormat.weekdayAbbreviation(weekday)) } }
                        }
                    }
                    w.element("tbody") { w in
                        for week in model.range.weeks {
                            w.element("tr") { w in
                                for date in week { day(date, model, into: &w) }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func day(_ date: LocalDate?, _ model: PlanningModel, into w: inout HTMLWriter) {
        guard let date else { return w.element("td", [.class("empty")]) }
        let entries = model.days[date] ?? []
        w.element("td", entries.isEmpty ? [.class("empty")] : []) { w in
            w.element("span", [.class("day-number")]) { $0.text(FrenchDateFormat.short(date)) }
            for entry in entries { write(entry, into: &w) }
        }
    }

    private static func write(_ entry: PlanningEntry, into w: inout HTMLWriter) {
        w.element("div", [.class("entry")]) { w in
            w.element("p", [.class("entry-title")]) { w in
                w.text(entry.childName)
                w.text(" – ")
                w.text(entry.activity.label)
            }
            for note in entry.dayNotes { w.element("p", [.class("slot-note")]) { $0.text(note) } }
            for cell in entry.cells { write(cell, childName: entry.childName, into: &w) }
        }
    }

    private static func write(_ cell: PlanningCell, childName: String, into w: inout HTMLWriter) {
        let context = "\(cell.unitLabel), \(childName), \(FrenchDateFormat.short(cell.slot.date))"
        let hidden = { (w: inout HTMLWriter) in
            w.element("span", [.class("visually-hidden")]) { w in
                w.text(" : ")
                w.text(context)
            }
        }
        w.element("div", [.class("slot slot--" + cell.state.cssName)]) { w in
            w.element("p", [.class("slot-state")]) { w in
                w.element("span", [.aria("hidden", "true")]) { w in
                    w.text(cell.state.symbol)
                    w.text(" ")
                }
                w.text(cell.unitLabel)
                w.text(" : ")
                w.text(cell.state.label)
            }
            if let action = cell.inBasket {
                w.element("p", [.class("in-basket")]) { $0.text(action == .book ? "Dans le panier : réservation" : "Dans le panier : annulation") }
            } else if let change = cell.change {
                let value = BookingSupport.encode(change)
                let id = checkboxID(value)
                let verb: String
                switch (change.action, cell.state) {
                case (.book, _): verb = cell.full ? "Demander une place (liste d'attente)" : "Réserver"
                case (.cancel, .waitingList): verb = "Quitter la liste d'attente"
                case (.cancel, _): verb = "Annuler"
                }
                w.element("div", [.class("check")]) { w in
                    // The shared legend in each name keeps the group whole although the cells hold buttons too.
                    w.voidElement("input", [.type("checkbox"), .id(id), .name("creneau"), .value(value), .data("kind", change.action.rawValue),
                                            .aria("labelledby", "jours-legende " + id + "-l")])
                    w.element("label", [.for(id), .id(id + "-l")]) { w in
                        w.text(verb)
                        hidden(&w)
                    }
                }
            }
            for note in cell.notes { w.element("p", [.class("slot-note")]) { $0.text(note) } }
            if let id = cell.absenceBooking {
                w.element("button", [.type("submit"), .class("link-button"), Attribute("formaction", BookingPaths.absence(id))]) { w in
                    w.text("Déclarer une absence")
                    hidden(&w)
                }
            }
            if let id = cell.withdrawBooking {
                w.element("button", [.type("submit"), .class("link-button"), Attribute("formaction", BookingPaths.withdraw(id))]) { w in
                    w.text("Retirer ma demande")
                    hidden(&w)
                }
            }
        }
    }

    /// "c-" then the value's letters and digits, anything else as "-". Values are ASCII but
    /// for a town's code: byte by byte then, else by Character (a CR LF pair is one).
    static func checkboxID(_ value: String) -> String {
        guard value.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return "c-" + value.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        }
        return String(unsafeUninitializedCapacity: value.utf8.count + 2) { id in
            id[0] = 0x63  // c
            id[1] = 0x2D  // -
            for (index, byte) in value.utf8.enumerated() {
                let kept = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                id[index + 2] = kept ? byte : 0x2D
            }
            return value.utf8.count + 2
        }
    }

    private static func joursTypes(_ csrf: String, _ page: Page, today: LocalDate) -> Node {
        let range = page.model.range
        let from = max(range.firstDay, today)
        return .section([.aria("labelledby", "jours-types")], [
            .h2([.id("jours-types")], ["Jours types"]),
            .p([.class("hint")], ["Les mêmes jours de la semaine sur une période, pour un ou plusieurs enfants à la fois."]),
            .form([.method("post"), .action(BookingPaths.basketJoursTypes), .class("form"), .aria("labelledby", "jours-types")], [
                Forms.csrfField(csrf),
                Forms.hidden("famille", String(page.family.id)),
                checks("Enfants", name: "enfant", page.family.profile.children.map { (String($0.id), $0.firstName) }),
                checks("Prestations", name: "prestation", page.registeredActivities.flatMap { activity in
                    activity.units.map { ("\(activity.code)|\($0.code)", "\(activity.label) – \($0.label)") }
                }),
                checks("Jours de la semaine", name: "jour", (1...6).map { (String($0), FrenchDateFormat.weekdayName($0)) }),
                Forms.field("du", label: "Du", type: "date", value: from.iso, autocomplete: nil, errors: FieldErrors()),
                Forms.field("au", label: "Au", type: "date", value: max(from, range.lastDay).iso, autocomplete: nil, errors: FieldErrors()),
                .el("fieldset", [.class("checks")], [
                    .el("legend", [], ["Opération"]),
                    radio("operation", "book", "Réserver", checked: true),
                    radio("operation", "cancel", "Annuler", checked: false),
                ]),
                Forms.submit("Ajouter ces jours au panier"),
            ]),
        ])
    }

    static func checks(_ legend: String, name: String, _ options: [(String, String)]) -> Node {
        .el("fieldset", [.class("checks")], [.el("legend", [], [.text(legend)])] + options.enumerated().map { index, option in
            let id = "\(name)-\(index)"
            return .div([.class("check")], [
                .input([.type("checkbox"), .id(id), .name(name), .value(option.0)]),
                .label([.for(id)], [.text(option.1)]),
            ])
        })
    }

    static func radio(_ name: String, _ value: String, _ label: String, checked: Bool) -> Node {
        let id = "\(name)-\(value)"
        return .div([.class("check")], [
            .input([.type("radio"), .id(id), .name(name), .value(value)] + (checked ? [.checked] : [])),
            .label([.for(id)], [.text(label)]),
        ])
    }

    /// The link itself is shown only once, when made (only its hash is kept): here, whether one exists.
    private static func feedSection(_ csrf: String, _ family: BookingFamily, createdAt: Date?) -> Node {
        let form = { (action: String, label: String) -> Node in
            .form([.method("post"), .action(action), .class("inline")], [
                Forms.csrfField(csrf), Forms.hidden("famille", String(family.id)),
                Forms.submit(label, secondary: true),
            ])
        }
        guard let createdAt else {
            return .section([.aria("labelledby", "agenda")], [
                .h2([.id("agenda")], ["Agenda de mon téléphone"]),
                .p([], ["Un lien privé permet d'afficher les réservations dans l'agenda de votre téléphone."]),
                form(BookingPaths.calendarFeed, "Obtenir un lien d'agenda"),
            ])
        }
        return .section([.aria("labelledby", "agenda")], [
            .h2([.id("agenda")], ["Agenda de mon téléphone"]),
            .p([.class("feed-state")], [.text("Un lien d'abonnement existe (créé le \(FrenchDateFormat.longWithTime(createdAt))).")]),
            .p([.class("hint")], ["Pour des raisons de sécurité, il n'est affiché qu'à sa création. Perdu ou partagé par erreur : remplacez-le (l'ancien cesse de fonctionner) ou révoquez-le."]),
            form(BookingPaths.calendarFeed, "Remplacer par un nouveau lien"),
            " ",
            form(BookingPaths.calendarFeedRevoke, "Révoquer le lien"),
        ])
    }
}

extension Attribute {
    static let hidden = Attribute("hidden", nil)
}
