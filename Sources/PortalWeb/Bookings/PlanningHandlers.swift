import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The planning page and what its forms send: slots and jours types into the basket,
/// absences, withdrawals, and the private calendar link.
enum PlanningHandlers {
    static func planning(_ context: RequestContext) throws -> HTTPResponse {
        try BookingSupport.requireTab(context, .planning)
        let view = context.request.queryValue("vue").flatMap(PlanningView.init(rawValue:)) ?? .month
        let anchor = context.request.queryValue("date").flatMap(LocalDate.init(iso:)) ?? BookingSupport.today(context)
        let child = context.request.queryValue("enfant").flatMap { Int64($0) }
        let activity = context.request.queryValue("activite").flatMap { $0.isEmpty ? nil : $0 }
        let range = PlanningRange(view: view, anchor: anchor)
        let judge = BookingSupport.judge(context.tenant)
        guard let reads = try PlanningReads(town: context.town, accountID: try context.family.id, family: BookingSupport.askedFamily(context),
                                            range: range)
        else { return BookingSupport.noFamily(context.chrome, tab: .planning) }
        let family = reads.family
        let bookingContext = family.bookingContext(registrations: reads.registrations, bookings: reads.bookings)
        let pairs = PlanningModel.pairs(reads.registrations, range: range, tenant: context.tenant, child: child, activity: activity)
        let model = PlanningModel.make(range: range, pairs: pairs, family: family, context: bookingContext, stored: reads.bookings,
                                       basket: reads.basket, occupancy: reads.occupancy, judge: judge, now: context.now)
        var codes = Set<String>()
        let registered = reads.registrations
            .filter { $0.registration.status == .accepted && $0.registration.period.lastDay >= BookingSupport.today(context) }
            .compactMap { context.tenant.activity($0.registration.activityCode) }.filter { codes.insert($0.code).inserted }
        let page = PlanningViews.Page(family: family, model: model, childFilter: child, activityFilter: activity,
                                      registeredActivities: registered, basketCount: reads.basket.lines.count, feedCreatedAt: reads.feedCreatedAt)
        return .html(PlanningViews.render(context.chrome, page, today: BookingSupport.today(context),
                                          message: context.request.queryValue("message")).renderedBytes())
    }

    static func addToBasket(_ context: RequestContext) throws -> HTTPResponse {
        let family = try AddToBasket(town: context.town).run(accountID: try context.family.id, family: BookingSupport.askedFamily(context),
                                                             lines: context.formValues("creneau"), now: context.now)
        return .redirect(to: BookingPaths.basket(family: family))
    }

    /// « Jours types » (`AddJoursTypes`): what was ticked, read here, judged by the flow.
    static func joursTypes(_ context: RequestContext) throws -> HTTPResponse {
        let tenant = context.tenant
        let services = context.formValues("prestation").compactMap { value -> (activity: String, unit: String)? in
            let parts = value.split(separator: "|").map(String.init)
            guard parts.count == 2, tenant.activity(parts[0])?.unit(parts[1]) != nil else { return nil }
            return (parts[0], parts[1])
        }
        let choice = AddJoursTypes.Choice(childIDs: context.formValues("enfant").compactMap { Int64($0) },
                                          weekdays: Set(context.formValues("jour").compactMap { Int($0) }.filter { (1...7).contains($0) }),
                                          services: services, action: BookingAction(rawValue: context.form.text("operation")) ?? .book,
                                          from: LocalDate(iso: context.form.text("du")), to: LocalDate(iso: context.form.text("au")))
        switch try AddJoursTypes(town: context.town).run(accountID: try context.family.id, family: BookingSupport.askedFamily(context),
                                                         choice: choice, now: context.now) {
        case .added(let family): return .redirect(to: BookingPaths.basket(family: family) + "&message=ajoute")
        case .incomplete(let family): return .redirect(to: BookingPaths.planning(family: family) + "&message=jours-types#jours-types")
        case .nothingMatched(let family): return .redirect(to: BookingPaths.planning(family: family) + "&message=rien#jours-types")
        }
    }

    /// The absence is judged against the town's absence deadline; recorded, it gets its line in
    /// « Mes demandes ». Refused, the family reads the rule and until when it was possible.
    static func declareAbsence(_ context: RequestContext, bookingID: Int64) throws -> HTTPResponse {
        try change(context, .absence, bookingID: bookingID, notice: "absence")
    }

    /// The confirmation's line in « Mes demandes » follows: done once nothing of it waits for staff.
    static func withdraw(_ context: RequestContext, bookingID: Int64) throws -> HTTPResponse {
        try change(context, .withdrawal, bookingID: bookingID, notice: "demande-retiree")
    }

    /// A change to one booking of the family (`ChangeBooking`), then back to the planning on its day.
    private static func change(_ context: RequestContext, _ change: ChangeBooking.Change, bookingID: Int64, notice: String) throws -> HTTPResponse {
        let result = try ChangeBooking(town: context.town).run(change, bookingID: bookingID, accountID: try context.family.id,
                                                               family: BookingSupport.askedFamily(context), now: context.now)
        let view = context.form.value("vue").flatMap(PlanningView.init(rawValue:)) ?? .month
        let back = BookingPaths.planning(family: result.familyID, view: view, anchor: result.date)
        switch result.outcome {
        case .done: return .redirect(to: back + "&message=\(notice)")
        case .stale: return .redirect(to: back + "&message=impossible")
        case .refused(let decision): return refusal(context.chrome, decision: decision, back: back)
        }
    }

    /// The rule's own sentence, which names the deadline that passed (« … close depuis le … »).
    private static func refusal(_ chrome: PageChrome, decision: RuleDecision, back: String) -> HTTPResponse {
        .html(Layout.page(chrome, title: "Changement impossible", currentTab: .planning, content: [
            .h1([], ["Changement impossible"]),
            Forms.notice(decision.message, kind: "error"),
            .p([], [.a([.class("button"), .href(back)], ["Retour au planning"])]),
        ]), status: .conflict)
    }

    /// Issues a new private link (revoking the old) and shows it once; afterwards the planning only
    /// says that one exists, since the token is kept hashed.
    static func issueFeed(_ context: RequestContext) throws -> HTTPResponse {
        let (family, token) = try IssueCalendarFeed(town: context.town).run(accountID: try context.family.id,
                                                                             family: BookingSupport.askedFamily(context), now: context.now)
        let url = context.baseURL + BookingPaths.feed(CalendarFeedFile(token: token))
        return .html(Layout.page(context.chrome, title: "Lien d'agenda", currentTab: .planning, content: [
            .h1([], ["Lien d'agenda"]),
            .p([], ["Ajoutez ce lien à l'agenda de votre téléphone (« S'abonner à un calendrier ») : les réservations s'y afficheront."]),
            .div([.class("field")], [
                .label([.for("lien-agenda")], ["Lien privé"]),
                .input([.type("text"), .id("lien-agenda"), .value(url), Attribute("readonly", nil)]),
            ]),
            .p([.class("hint")], ["Ce lien ne sera plus affiché : gardez-le pour vous. Depuis le planning, vous pourrez le révoquer ou le remplacer par un nouveau."]),
            .p([], [.a([.class("button"), .href(BookingPaths.planning(family: family.id))], ["Retour au planning"])]),
        ]))
    }

    static func revokeFeed(_ context: RequestContext) throws -> HTTPResponse {
        let family = try RevokeCalendarFeed(town: context.town).run(accountID: try context.family.id, family: BookingSupport.askedFamily(context))
        return .redirect(to: BookingPaths.planning(family: family) + "&message=agenda-revoque")
    }

    /// The ICS feed: anyone holding the token reads the family's bookings, nothing else.
    static func feed(_ context: RequestContext, file: CalendarFeedFile) throws -> HTTPResponse {
        guard let text = try CalendarFeed(town: context.town).text(token: file.token, now: context.now) else { throw RouteError.notFound }
        var response = HTTPResponse(status: .ok, body: Array(text.utf8))
        response.headers.set("Content-Type", "text/calendar; charset=utf-8")
        response.headers.set("Cache-Control", "private, no-store")
        return response
    }
}
