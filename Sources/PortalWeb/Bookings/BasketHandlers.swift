import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// The panier: its recap, removing lines, « Valider » and the summary with the booking number.
enum BasketHandlers {
    static func basket(_ context: RequestContext) throws -> HTTPResponse {
        let judge = BookingSupport.judge(context.tenant)
        let page = try context.transaction { connection -> (BookingFamily, BasketRecap, [BasketConflict])? in
            guard let family = try BookingSupport.family(context, in: connection) else { return nil }
            let basket = try BasketStore.load(familyID: family.id, in: connection)
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
        return .html(BasketViews.render(context, family: family, recap: recap, conflicts: conflicts))
    }

    static func remove(_ context: RequestContext) throws -> HTTPResponse {
        let family = try context.transaction { connection -> Int64 in
            guard let family = try BookingSupport.family(context, in: connection) else { throw RouteError.notFound }
            let lines = context.formValues("creneau").compactMap { BookingSupport.decode($0, family: family, tenant: context.tenant) }
            try BasketStore.remove(lines.map(\.slot), familyID: family.id, in: connection)
            return family.id
        }
        return .redirect(to: BookingPaths.basket(family: family) + "&message=retire")
    }

    /// « Valider » (`ConfirmBasket`), then the summary with the booking number.
    static func confirm(_ context: RequestContext) throws -> HTTPResponse {
        switch try ConfirmBasket(town: context.town).run(accountID: try context.family.id, family: BookingSupport.askedFamily(context),
                                                         now: context.now) {
        case .empty(let familyID): return .redirect(to: BookingPaths.basket(family: familyID) + "&message=vide")
        case .confirmed(let confirmation, let familyID): return .redirect(to: BookingPaths.confirmation(confirmation.id, family: familyID))
        }
    }

    static func confirmation(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let (family, confirmation) = try context.transaction { connection -> (BookingFamily, StoredConfirmation) in
            guard let family = try BookingSupport.family(context, in: connection),
                  let confirmation = try ConfirmationStore.find(id: id, familyID: family.id, in: connection) else { throw RouteError.notFound }
            return (family, confirmation)
        }
        return .html(BasketViews.confirmation(context, family: family, confirmation: confirmation))
    }
}
