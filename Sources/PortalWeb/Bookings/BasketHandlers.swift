import Foundation
import HTTPServer
import PortalCore
import PortalStore
import Postgres

/// The panier: its recap, removing lines, « Valider » and the summary with the booking number.
enum BasketHandlers {
    static func basket(_ context: RequestContext) throws -> HTTPResponse {
        let judge = BookingSupport.judge(context.tenant)
        let page = try context.transaction { connection -> (BookingFamily, BasketRecap, [BasketConflict])? in
            guard let family = try BookingSupport.family(context, in: connection) else { return nil }
            let basket = try BasketStore.load(familyId: family.id, in: connection)
            let days = basket.lines.map(\.slot.date)
            let (bookingContext, stored, _) = try BookingSupport.bookingContext(family, from: days.min() ?? BookingSupport.today(context),
                                                                               to: days.max() ?? BookingSupport.today(context),
                                                                               tenant: context.tenant, in: connection)
            let recap = BasketRecap.make(basket, judge: judge, context: bookingContext, now: context.now)
            let existing = stored.map { ExistingBooking(slot: $0.slot, status: $0.status) }
            let conflicts = basket.conflicts(existing: existing, tenant: context.tenant, childName: family.childName)
            return (family, recap, conflicts)
        }
        guard let (family, recap, conflicts) = page else { return BookingSupport.noFamily(context, tab: .planning) }
        return .html(BasketViews.render(context, family: family, recap: recap, conflicts: conflicts).render())
    }

    static func remove(_ context: RequestContext) throws -> HTTPResponse {
        let family = try context.transaction { connection -> Int64 in
            guard let family = try BookingSupport.family(context, in: connection) else { throw RouteError.notFound }
            for line in context.formValues("creneau").compactMap({ BookingSupport.decode($0, family: family, tenant: context.tenant) }) {
                try BasketStore.remove(line.slot, familyId: family.id, in: connection)
            }
            return family.id
        }
        return .redirect(to: BookingPaths.basket(family: family) + "&message=retire")
    }

    /// « Valider »: slots are created in a short transaction first, then the whole basket is
    /// applied, recorded in « Mes demandes » and mailed in one transaction, retried on conflict.
    static func confirm(_ context: RequestContext) throws -> HTTPResponse {
        let account = try context.family
        let (family, empty) = try context.transaction { connection -> (BookingFamily, Bool) in
            guard let family = try BookingSupport.family(context, in: connection) else { throw RouteError.notFound }
            let basket = try BasketStore.load(familyId: family.id, in: connection)
            try SlotStore.ensure(basket.lines.map(\.slot), tenant: context.tenant, in: connection)
            return (family, basket.isEmpty)
        }
        if empty { return .redirect(to: BookingPaths.basket(family: family.id) + "&message=vide") }
        let judge = BookingSupport.judge(context.tenant)
        let confirmation = try context.database.transaction(schema: context.tenant.schema, retries: 8) { connection in
            let confirmation = try BookingStore.confirm(familyId: family.id, judge: judge, families: BookingSupport.profiles, now: context.now, in: connection)
            try BookingEffects.afterConfirmation(confirmation, familyId: family.id, accountID: account.id, childName: family.childName,
                                                 tenant: context.tenant, baseURL: context.baseURL, now: context.now, in: connection)
            return confirmation
        }
        return .redirect(to: BookingPaths.confirmation(confirmation.id, family: family.id))
    }

    static func confirmation(_ context: RequestContext) throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw RouteError.notFound }
        let (family, confirmation) = try context.transaction { connection -> (BookingFamily, StoredConfirmation) in
            guard let family = try BookingSupport.family(context, in: connection),
                  let confirmation = try ConfirmationStore.find(id: id, familyId: family.id, in: connection) else { throw RouteError.notFound }
            return (family, confirmation)
        }
        return .html(BasketViews.confirmation(context, family: family, confirmation: confirmation).render())
    }
}
