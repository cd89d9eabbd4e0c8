import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore
import Postgres

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
        guard let reads = try PlanningReads(context, range: range) else { return BookingSupport.noFamily(context, tab: .planning) }
        let family = reads.family
        let bookingContext = BookingSupport.bookingContext(family, registrations: reads.registrations, bookings: reads.bookings)
        let pairs = PlanningModel.pairs(reads.registrations, range: range, tenant: context.tenant, child: child, activity: activity)
        let model = PlanningModel.make(range: range, pairs: pairs, family: family, context: bookingContext, stored: reads.bookings,
                                       basket: reads.basket, occupancy: reads.occupancy, judge: judge, now: context.now)
        var codes = Set<String>()
        let registered = reads.registrations
            .filter { $0.registration.status == .accepted && $0.registration.period.lastDay >= BookingSupport.today(context) }
            .compactMap { context.tenant.activity($0.registration.activityCode) }.filter { codes.insert($0.code).inserted }
        let page = PlanningViews.Page(family: family, model: model, childFilter: child, activityFilter: activity,
                                      registeredActivities: registered, basketCount: reads.basket.lines.count, feedCreatedAt: reads.feedCreatedAt)
        return .html(PlanningViews.render(context, page).renderedBytes())
    }

    static func addToBasket(_ context: RequestContext) throws -> HTTPResponse {
        let family = try context.transaction { connection -> BookingFamily in
            guard let family = try BookingSupport.family(context, in: connection) else { throw RouteError.notFound }
            let lines = context.formValues("creneau").compactMap { BookingSupport.decode($0, family: family, tenant: context.tenant) }
            try BasketStore.add(lines, familyID: family.id, now: context.now, in: connection)
            return family
        }
        return .redirect(to: BookingPaths.basket(family: family.id))
    }

    /// « Jours types »: the chosen weekdays from one date to another, for the chosen children
    /// and units; only days the unit runs, the child is registered and the change makes sense.
    static func joursTypes(_ context: RequestContext) throws -> HTTPResponse {
        let engine = RulesEngine(tenant: context.tenant)
        let outcome = try context.transaction { connection -> (Int64, String?) in
            guard let family = try BookingSupport.family(context, in: connection) else { throw RouteError.notFound }
            let children = context.formValues("enfant").compactMap { Int64($0) }.filter { id in family.profile.children.contains { $0.id == id } }
            let weekdays = Set(context.formValues("jour").compactMap { Int($0) }.filter { (1...7).contains($0) })
            let services = context.formValues("prestation").compactMap { value -> (String, String)? in
                let parts = value.split(separator: "|").map(String.init)
                guard parts.count == 2, context.tenant.activity(parts[0])?.unit(parts[1]) != nil else { return nil }
                return (parts[0], parts[1])
            }
            let action = BookingAction(rawValue: context.form.text("operation")) ?? .book
            guard !children.isEmpty, !weekdays.isEmpty, !services.isEmpty,
                  let from = LocalDate(iso: context.form.text("du")), let to = LocalDate(iso: context.form.text("au")),
                  from <= to, from.days(until: to) <= 366 else { return (family.id, "jours-types") }
            let (bookingContext, _, registrations) = try BookingSupport.bookingContext(family, from: from, to: to, tenant: context.tenant, in: connection)
            let grouped = Dictionary(grouping: services, by: \.0).mapValues { $0.map(\.1) }
            let lines = grouped.keys.sorted().flatMap { activity in
                JoursTypes(weekdays: weekdays, firstDay: from, lastDay: to, childIDs: children, activity: activity, units: grouped[activity]!,
                           action: action).lines { engine.offers(activity: activity, unit: $1, on: $0) }
            }.filter { line in
                let registered = registrations.contains {
                    $0.registration.childID == line.slot.childID && $0.registration.activityCode == line.slot.activity
                        && $0.registration.status != .refused && $0.registration.period.contains(line.slot.date)
                }
                let active = bookingContext.status(line.slot)?.isActive ?? false
                return registered && (line.action == .book ? !active : active)
            }
            guard !lines.isEmpty else { return (family.id, "rien") }
            try BasketStore.add(lines, familyID: family.id, now: context.now, in: connection)
            return (family.id, nil)
        }
        if let problem = outcome.1 {
            return .redirect(to: BookingPaths.planning(family: outcome.0) + "&message=\(problem)#jours-types")
        }
        return .redirect(to: BookingPaths.basket(family: outcome.0) + "&message=ajoute")
    }

    /// The absence is judged against the town's absence deadline; recorded, it gets its line in
    /// « Mes demandes ». Refused, the family reads the rule and until when it was possible.
    static func declareAbsence(_ context: RequestContext, bookingID: Int64) throws -> HTTPResponse {
        try change(context, bookingID: bookingID, notice: "absence") { id, family, judge, connection in
            let change = try BookingStore.declareAbsence(bookingID: id, familyID: family.id, judge: judge, families: BookingSupport.profiles,
                                                         now: context.now, in: connection)
            if let found = try BookingStore.find(bookingID: id, in: connection) {
                try BookingEffects(town: context.town).afterAbsence(found.booking, familyID: family.id, childName: family.childName(found.booking.slot.childID),
                                                                     accountID: try context.family.id, now: context.now, in: connection)
            }
            return change
        }
    }

    /// The confirmation's line in « Mes demandes » follows: done once nothing of it waits for staff.
    static func withdraw(_ context: RequestContext, bookingID: Int64) throws -> HTTPResponse {
        try change(context, bookingID: bookingID, notice: "demande-retiree") { id, family, judge, connection in
            let change = try BookingStore.withdraw(bookingID: id, familyID: family.id, judge: judge, families: BookingSupport.profiles,
                                                   now: context.now, in: connection)
            if let (requestID, open) = try ConfirmationStore.request(ofBooking: id, in: connection),
               let slot = try BookingStore.find(bookingID: id, in: connection)?.booking.slot {
                try Requests.update(requestID: requestID, status: open > 0 ? .pending : .done,
                                    note: "\(FrenchDateFormat.short(slot.date)), \(family.childName(slot.childID)) : demande retirée",
                                    actor: .family, now: context.now, in: connection)
            }
            return change
        }
    }

    private enum ChangeOutcome {
        case done, stale
        case refused(RuleDecision)
    }

    /// A change to one booking of the family; another family's booking id reads as not found.
    private static func change(_ context: RequestContext, bookingID: Int64, notice: String,
                               _ apply: (Int64, BookingFamily, BookingJudge, PostgresConnection) throws -> BookingChange) throws -> HTTPResponse {
        let judge = BookingSupport.judge(context.tenant)
        let (familyID, date, outcome) = try context.database.transaction(schema: context.tenant.schema, retries: 4) { connection -> (Int64, LocalDate, ChangeOutcome) in
            guard let family = try BookingSupport.family(context, in: connection),
                  let found = try BookingStore.find(bookingID: bookingID, in: connection), found.familyID == family.id else { throw RouteError.notFound }
            do {
                let change = try apply(bookingID, family, judge, connection)
                try BookingEffects(town: context.town).notify(change.promotions, now: context.now, in: connection)
                return (family.id, found.booking.slot.date, .done)
            } catch BookingStoreError.transition {
                return (family.id, found.booking.slot.date, .stale)
            } catch BookingStoreError.refused(let decision) {
                return (family.id, found.booking.slot.date, .refused(decision))
            }
        }
        let view = context.form.value("vue").flatMap(PlanningView.init(rawValue:)) ?? .month
        let back = BookingPaths.planning(family: familyID, view: view, anchor: date)
        switch outcome {
        case .done: return .redirect(to: back + "&message=\(notice)")
        case .stale: return .redirect(to: back + "&message=impossible")
        case .refused(let decision): return refusal(context, decision: decision, back: back)
        }
    }

    /// The rule's own sentence, which names the deadline that passed (« … close depuis le … »).
    private static func refusal(_ context: RequestContext, decision: RuleDecision, back: String) -> HTTPResponse {
        .html(Layout.page(context.chrome, title: "Changement impossible", currentTab: .planning, content: [
            .h1([], ["Changement impossible"]),
            Forms.notice(decision.message, kind: "error"),
            .p([], [.a([.class("button"), .href(back)], ["Retour au planning"])]),
        ]), status: .conflict)
    }

    /// Issues a new private link (revoking the old) and shows it once; afterwards the planning only
    /// says that one exists, since the token is kept hashed.
    static func issueFeed(_ context: RequestContext) throws -> HTTPResponse {
        let (family, token) = try context.transaction { connection -> (BookingFamily, String) in
            guard let family = try BookingSupport.family(context, in: connection) else { throw RouteError.notFound }
            return (family, try CalendarFeedStore.issue(familyID: family.id, now: context.now, in: connection))
        }
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
        let family = try context.transaction { connection -> Int64 in
            guard let family = try BookingSupport.family(context, in: connection) else { throw RouteError.notFound }
            try CalendarFeedStore.revoke(familyID: family.id, in: connection)
            return family.id
        }
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
