import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The panier: its recap, removing lines, « Valider » and the summary with the booking number.
enum BasketHandlers {
    static func basket(_ context: RequestContext) throws -> HTTPResponse {
        guard let page = try BasketPage(town: context.town).load(accountID: try context.family.id, family: BookingSupport.askedFamily(context),
                                                                 now: context.now)
        else { return BookingSupport.noFamily(context.chrome, tab: .planning) }
        return .html(BasketViews.render(context.chrome, family: page.family, recap: page.recap, conflicts: page.conflicts,
                                        message: context.request.queryValue("message")))
    }

    static func remove(_ context: RequestContext) throws -> HTTPResponse {
        let family = try RemoveFromBasket(town: context.town).run(accountID: try context.family.id, family: BookingSupport.askedFamily(context),
                                                                  lines: context.formValues("creneau"))
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
        let (family, confirmation) = try ConfirmationPage(town: context.town).load(id: id, accountID: try context.family.id,
                                                                                    family: BookingSupport.askedFamily(context))
        return .html(BasketViews.confirmation(context.chrome, family: family, confirmation: confirmation))
    }
}
