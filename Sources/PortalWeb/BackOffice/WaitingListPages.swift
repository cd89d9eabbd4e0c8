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
        let slots = try context.transaction { try SlotOverviewStore.withWaitingList(from: today, in: $0) }
        let held = context.request.queryValue("tirages").flatMap(Int.init)
        return .html(StaffViews.page(context, title: "Listes d'attente", content: [
            .h1([], ["Listes d'attente"]),
            .when(held != nil, Forms.notice(held == 0 ? "Aucun tirage au sort n'était dû." : "Tirages au sort tenus : \(held ?? 0). Les familles sont prévenues par courriel.")),
            .when(context.tenant.activities.contains { $0.booking.atOpening.draw != nil },
                  .form([.method("post"), .action(DrawPaths.runDue), .class("inline")], [
                      Forms.csrfField(context.csrfToken),
                      .button([.type("submit"), .class("button secondary")], ["Tenir maintenant les tirages au sort dus"]),
                      " ", .a([.href(DrawPaths.list)], ["Tirages publiés"]),
                  ])),
            slots.isEmpty ? .p([], ["Aucun enfant en liste d'attente à partir d'aujourd'hui."]) : DashboardPage.table(
                caption: "Créneaux avec une liste d'attente", header: ["Jour", "Activité", "Unité", "Places restantes", "En attente"],
                rows: slots.map { slot in
                    let name = ActivityNames.label(context.tenant, activity: slot.activity, unit: slot.unit)
                    return [.a([.href(BackOfficePaths.waitingList(slot.id))], [.text(FrenchDateFormat.short(slot.day))]), .text(name.activity), .text(name.unit),
                            .text("\(slot.placesLeft) / \(slot.capacity)"), .text(String(slot.waiting))]
                }),
        ]))
    }

    static func slotID(_ context: RequestContext) throws -> Int64 {
        guard let id = context.parameters["slot"].flatMap(Int64.init) else { throw RouteError.notFound }
        return id
    }

    static func slot(_ context: RequestContext) throws -> HTTPResponse {
        let id = try slotID(context)
        let (slot, waiting, promotions) = try context.transaction { connection in
            guard let slot = try SlotOverviewStore.slot(id: id, in: connection) else { throw RouteError.notFound }
            return (slot, try SlotOverviewStore.waitingList(slotID: id, in: connection), try SlotOverviewStore.promotions(slotID: id, in: connection))
        }
        let name = ActivityNames.label(context.tenant, activity: slot.activity, unit: slot.unit)
        let notice: Node = switch context.request.queryValue("ok") ?? context.request.queryValue("erreur") {
        case "promu": Forms.notice("L'enfant a reçu la place ; sa réservation est confirmée.")
        case "complet": Forms.notice("Aucune place libre sur ce créneau : personne ne peut être promu.", kind: "error")
        case "plus-en-attente": Forms.notice("Cet enfant n'est plus sur la liste d'attente.", kind: "error")
        default: .fragment([])
        }
        return .html(StaffViews.page(context, title: "Liste d'attente", content: [
            .h1([], [.span([.class("kicker")], [.text("\(name.activity) – \(name.unit)")]), .text("Liste d'attente du \(FrenchDateFormat.long(slot.day))")]),
            notice,
            .p([], [.text("\(slot.placesLeft) place(s) libre(s) sur \(slot.capacity). Les places libérées vont automatiquement au premier enfant de la liste que les règles admettent.")]),
            waiting.isEmpty ? .p([], ["Personne en attente."]) : .el("ol", [.class("waiting-list")], waiting.map { child in
                .li([], [
                    .text("\(child.childName) (famille \(child.familyName)), demandé le \(FrenchDateFormat.shortWithTime(child.requestedAt))\(child.inDraw ? " – en attente du tirage" : "") "),
                    .when(slot.placesLeft > 0 && !child.inDraw, .form([.method("post"), .action(BackOfficePaths.promote(slot.id)), .class("inline")], [
                        Forms.csrfField(context.csrfToken), Forms.hidden("reservation", String(child.bookingID)),
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
        ]))
    }

    static func promote(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        let id = try slotID(context)
        guard let bookingID = Int64(context.form.text("reservation")) else { throw RouteError.badRequest }
        let actor = StaffActor(id: staff.id, name: staff.displayName)
        let outcome = try context.transaction { connection in
            let outcome = try SlotOverviewStore.promote(bookingID: bookingID, slotID: id, by: actor, now: context.now, in: connection)
            if case .promoted(let familyID, let child) = outcome, let slot = try SlotOverviewStore.slot(id: id, in: connection) {
                let name = ActivityNames.label(context.tenant, activity: slot.activity, unit: slot.unit)
                for email in try FamilyRecipients.emails(familyID: familyID, in: connection) {
                    try Outbox.enqueue(MailComposer.mail(context.tenant, to: email, subject: "Une place s'est libérée pour \(child)", paragraphs: [
                        "Une place s'est libérée le \(FrenchDateFormat.long(slot.day)) (\(name.activity), \(name.unit.lowercased())) : la réservation de \(child) est confirmée.",
                        "Retrouvez-la sur votre planning : \(context.baseURL)\(TabPaths.path(for: .planning))",
                    ]), now: context.now, in: connection)
                }
                try StaffAudit.record(actor, action: "waiting_list.promote", target: "booking/\(bookingID)",
                                      detail: "\(child) promu(e) sur le créneau \(id)", ip: context.clientAddress, now: context.now, in: connection)
            }
            return outcome
        }
        let code = switch outcome {
        case .promoted: "ok=promu"
        case .full: "erreur=complet"
        case .notWaiting: "erreur=plus-en-attente"
        }
        return .redirect(to: BackOfficePaths.waitingList(id) + "?" + code)
    }
}
