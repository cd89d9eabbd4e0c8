import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The rule simulator: a family (by its code abonné), one of its children, an activity and
/// unit, a day and a chosen « now »; every rule's verdict with its deadlines, and the overall
/// answer for booking and for cancelling, as the booking judge would give it at that instant.
enum SimulatorPage {
    struct Inputs {
        var code = ""
        var childID: Int64?
        var slot = ""
        var day: LocalDate
        var now: Date
    }

    static func inputs(_ context: RequestContext) -> Inputs {
        let query = context.request
        let day = LocalDate(iso: query.queryValue("jour") ?? "") ?? ParisTime.localDate(of: context.now)
        var now = context.now
        if let text = query.queryValue("maintenant"), text.count == 16, let date = LocalDate(iso: String(text.prefix(10))),
           let hour = Int(text.dropFirst(11).prefix(2)), let minute = Int(text.suffix(2)), let time = LocalTime(hour: hour, minute: minute) {
            now = ParisTime.instant(date, time)
        }
        return Inputs(code: String((query.queryValue("famille") ?? "").prefix(40)), childID: query.queryValue("enfant").flatMap(Int64.init),
                      slot: query.queryValue("creneau") ?? "", day: day, now: now)
    }

    static func show(_ context: RequestContext) throws -> HTTPResponse {
        var inputs = inputs(context)
        let outcome = try SimulateRules(town: context.town).run(subscriberCode: inputs.code, childID: inputs.childID, slot: inputs.slot,
                                                                day: inputs.day, at: inputs.now)
        inputs.childID = outcome.childID
        let (family, profile, simulation) = (outcome.family, outcome.profile, outcome.simulation)
        let problem: String? = inputs.code.isEmpty ? nil : family == nil ? "Aucune famille n'a ce code abonné."
            : profile?.children.isEmpty ?? true ? "Aucun enfant de ce dossier n'a de date de naissance : le simulateur ne peut pas juger." : nil
        return .html(SimulatorViews.page(context.staffChrome, inputs: inputs, family: family, children: profile?.children ?? [], residency: profile?.residency,
                                         problem: problem, simulation: simulation))
    }
}

enum SimulatorViews {
    static func page(_ frame: StaffChrome, inputs: SimulatorPage.Inputs, family: FamilySummary?, children: [BookableChild], residency: Residency?,
                     problem: String?, simulation: RuleSimulation?) -> Node {
        let nowText = "\(ParisTime.localDate(of: inputs.now).iso)T\(timeText(inputs.now))"
        return StaffViews.page(frame, title: "Simulateur de règles", content: [
            .h1([], ["Simulateur de règles"]),
            .p([], ["Pour répondre à « pourquoi je ne peux pas réserver ? » : choisissez la famille, l'enfant, le créneau, le jour et l'instant à simuler."]),
            .when(problem != nil, Forms.notice(problem ?? "", kind: "error")),
            .form([.method("get"), .action(BackOfficePaths.simulator), .class("form"), .aria("label", "Situation à simuler")], [
                Forms.field("famille", label: "Code abonné de la famille", value: inputs.code, autocomplete: "off", errors: FieldErrors()),
                .when(!children.isEmpty, .div([.class("field")], [
                    .label([.for("champ-enfant")], ["Enfant"]),
                    .el("select", [.id("champ-enfant"), .name("enfant")], children.map { child in
                        .el("option", [.value(String(child.id))] + (child.id == inputs.childID ? [.selected] : []),
                            [.text("\(child.firstName) (né(e) le \(FrenchDateFormat.numeric(child.birthDate)))")])
                    }),
                ])),
                .div([.class("field")], [
                    .label([.for("champ-creneau")], ["Activité et unité"]),
                    .el("select", [.id("champ-creneau"), .name("creneau")], frame.chrome.tenant.activities.flatMap { activity in
                        activity.units.map { unit in
                            let value = "\(activity.code)/\(unit.code)"
                            return .el("option", [.value(value)] + (value == inputs.slot ? [.selected] : []), [.text("\(activity.label) – \(unit.label)")])
                        }
                    }),
                ]),
                Forms.field("jour", label: "Jour demandé", type: "date", value: inputs.day.iso, autocomplete: nil, errors: FieldErrors()),
                Forms.field("maintenant", label: "Instant de la demande (heure de Paris)", type: "datetime-local", value: nowText, autocomplete: nil, errors: FieldErrors()),
                Forms.submit("Simuler"),
            ]),
            simulation.map { result($0, family: family, residency: residency, now: inputs.now) } ?? .fragment([]),
        ])
    }

    private static func timeText(_ instant: Date) -> String {
        let time = ParisTime.localTime(of: instant)
        return "\(time.hour < 10 ? "0" : "")\(time.hour):\(time.minute < 10 ? "0" : "")\(time.minute)"
    }

    private static func result(_ simulation: RuleSimulation, family: FamilySummary?, residency: Residency?, now: Date) -> Node {
        func answer(_ title: String, _ decision: LineDecision) -> Node {
            .div([.class(decision.allowed ? "card verdict-ok" : "card verdict-no")], [
                .h3([], [.text("\(title) : \(decision.allowed ? (decision.needsValidation ? "possible, sur validation du service" : "possible") : "refusée")")]),
                .p([], [.text(decision.message)]),
                .when(decision.deadline != nil, .p([], [.text("Date limite : \(decision.deadline.map(FrenchDateFormat.longWithTime) ?? "")")])),
                .when(decision.allowed && decision.line.action == .book, .p([], [.text("Montant : \(decision.amount.french) (\(decision.tariff.label))")])),
                .p([.class("hint")], [.text("Règle : \(decision.ruleID)")]),
            ])
        }
        return .section([.aria("labelledby", "verdicts-titre")], [
            .h2([.id("verdicts-titre")], [.text("Verdicts au \(FrenchDateFormat.longWithTime(now))")]),
            .p([], [.text("Famille \(family?.name ?? "") – \(residency == .nonResident ? "hors territoire" : "domiciliée sur le territoire").")]),
            answer("Réservation", simulation.booking),
            answer("Annulation", simulation.cancellation),
            DashboardPage.table(caption: "Chaque règle et son verdict", header: ["Vérification", "Verdict", "Règle", "Explication", "Date limite", "Ouverture"],
                                rows: simulation.verdicts.map { verdict in
                [.text(verdict.check), .text(verdict.passed ? "Oui" : "Non"), .text(verdict.ruleID), .text(verdict.message),
                 .text(verdict.deadline.map(FrenchDateFormat.longWithTime) ?? "—"), .text(verdict.opensAt.map(FrenchDateFormat.longWithTime) ?? "—")]
            }),
        ])
    }
}
