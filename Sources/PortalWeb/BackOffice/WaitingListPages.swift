import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// Waiting lists per slot: the order promotion follows, a manual promotion when a place is
/// free (out of order if staff choose), and the trace of every promotion, automatic or not.
enum WaitingListPages {
    static func overview(_ context: RequestContext) throws -> HTTPResponse {
        let today = ParisTime.localDate(of: context.now)
        let slots = try WaitingLists(town: context.town).slots(from: today)
        let held = context.request.queryValue("tirages").flatMap(Int.init)
        return .html(overviewPage(context.staffChrome, slots: slots, held: held))
    }

    /// `held` is the number of draws the staff button just held, when it sent here.
    static func overviewPage(_ frame: StaffChrome, slots: [SlotOverview], held: Int?) -> Node {
        StaffViews.page(frame, title: "Listes d'attente", content: [
            .h1([], ["Listes d'attente"]),
            .when(held != nil, Forms.notice(held == 0 ? "Aucun tirage au sort n'était dû." : "Tirages au sort tenus : \(held ?? 0). Les familles sont prévenues par courriel.")),
            .when(frame.chrome.tenant.activities.contains { $0.booking.atOpening.draw != nil },
                  .form([.method("post"), .action(DrawPaths.runDue), .class("inline")], [
                      Forms.csrfField(frame.chrome.csrf),
                      .button([.type("submit"), .class("button secondary")], ["Tenir maintenant les tirages au sort dus"]),
                      " ", .a([.href(DrawPaths.list)], ["Tirages publiés"]),
                  ])),
            slots.isEmpty ? .p([], ["Aucun enfant en liste d'attente à partir d'aujourd'hui."]) : DashboardPage.table(
                caption: "Créneaux avec une liste d'attente", header: ["Jour", "Activité", "Unité", "Places restantes", "En attente"],
                rows: slots.map { slot in
                    let name = ActivityNames.label(frame.chrome.tenant, activity: slot.activity, unit: slot.unit)
                    return [.a([.href(BackOfficePaths.waitingList(slot.id))], [.text(FrenchDateFormat.short(slot.day))]), .text(name.activity), .text(name.unit),
                            .text("\(slot.placesLeft) / \(slot.capacity)"), .text(String(slot.waiting))]
                }),
        ])
    }

    static func slot(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let list = try WaitingLists(town: context.town).slot(id)
        return .html(slotPage(context.staffChrome, list, notice: context.request.queryValue("ok") ?? context.request.queryValue("erreur")))
    }

    /// `notice` is the promotion's outcome code (`ok` or `erreur` of the query).
    static func slotPage(_ frame: StaffChrome, _ list: WaitingLists.SlotList, notice code: String?) -> Node {
        let (slot, waiting, promotions) = (list.slot, list.waiting, list.promotions)
        let name = ActivityNames.label(frame.chrome.tenant, activity: slot.activity, unit: slot.unit)
        let notice: Node = switch code {
        case "promu": Forms.notice("L'enfant a reçu la place ; sa réservation est confirmée.")
        case "complet": Forms.notice("Aucune place libre sur ce créneau : personne ne peut être promu.", kind: "error")
        case "plus-en-attente": Forms.notice("Cet enfant n'est plus sur la liste d'attente.", kind: "error")
        default: .fragment([])
        }
        return StaffViews.page(frame, title: "Liste d'attente", content: [
            .h1([], [.span([.class("kicker")], [.text("\(name.activity) – \(name.unit)")]), .text("Liste d'attente du \(FrenchDateFormat.long(slot.day))")]),
            notice,
            .p([], [.text("\(slot.placesLeft) place(s) libre(s) sur \(slot.capacity). Les places libérées vont automatiquement au premier enfant de la liste que les règles admettent.")]),
            waiting.isEmpty ? .p([], ["Personne en attente."]) : .el("ol", [.class("waiting-list")], waiting.map { child in
                .li([], [
                    .text("\(child.childName) (famille \(child.familyName)), demandé le \(FrenchDateFormat.shortWithTime(child.requestedAt))\(child.inDraw ? " – en attente du tirage" : "") "),
                    .when(slot.placesLeft > 0 && !child.inDraw, .form([.method("post"), .action(BackOfficePaths.promote(slot.id)), .class("inline")], [
                        Forms.csrfField(frame.chrome.csrf), Forms.hidden("reservation", String(child.bookingID)),
                        .button([.type("submit"), .class("button secondary")], [.text("Donner la place à \(child.childName)")]),
                    ])),
                ])
            }),
            .h2([], ["Promotions"]),
            promotions.isEmpty ? .p([], ["Aucune promotion pour l'instant."]) : .ul([.class("history")], promotions.map { trace in
                .li([], [.text("\(FrenchDateFormat.shortWithTime(trace.promotedAt)) – \(trace.childName) : "
                               + (trace.toStatus == .booked ? "réservation confirmée" : "demande transmise pour validation")
                               + (trace.promotedBy.map { " (par \($0))" } ?? " (automatique, place libérée)"))])
            }),
        ])
    }

    static func promote(_ context: RequestContext, slot id: Int64) throws -> HTTPResponse {
        let staff = try context.staff
        guard let bookingID = Int64(context.form.text("reservation")) else { throw RouteError.badRequest }
        let outcome = try PromoteFromWaitingList(town: context.town).run(bookingID: bookingID, slotID: id, by: StaffActor(id: staff.id, name: staff.displayName),
                                                                        clientAddress: context.clientAddress, now: context.now)
        let code = switch outcome {
        case .promoted: "ok=promu"
        case .full: "erreur=complet"
        case .notWaiting: "erreur=plus-en-attente"
        }
        return .redirect(to: BackOfficePaths.waitingList(id) + "?" + code)
    }
}
