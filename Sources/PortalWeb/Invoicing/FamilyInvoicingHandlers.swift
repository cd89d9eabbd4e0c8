import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// « Facturation » for a family: every page reads through a flow that answers 404 for a family
/// the account is not subscribed to, and documents are read with that family's id, so a
/// guessed invoice id reaches nothing.
enum FamilyInvoicingHandlers {
    static func landing(_ context: RequestContext) throws -> HTTPResponse {
        try requireTab(context)
        let families = try InvoicingFamilies(town: context.town).load(accountID: try context.family.id)
        if families.count == 1 { return .redirect(to: InvoicingPaths.family(families[0].id)) }
        return .html(FamilyInvoicingViews.choose(context.chrome, families: families))
    }

    static func account(_ context: RequestContext, family familyID: Int64) throws -> HTTPResponse {
        try requireTab(context)
        let (family, summaries, history) = try FamilyAccountPage(town: context.town).load(accountID: try context.family.id, familyID: familyID,
                                                                                         today: ParisTime.localDate(of: context.now))
        return .html(FamilyInvoicingViews.account(context.chrome, family: family, summaries: summaries, history: history))
    }

    static func invoice(_ context: RequestContext, family familyID: Int64, id: Int64) throws -> HTTPResponse {
        let (family, summary) = try ownInvoice(context, family: familyID, id: id)
        return .html(FamilyInvoicingViews.invoice(context.chrome, family: family, summary: summary))
    }

    static func pdf(_ context: RequestContext, family familyID: Int64, id: Int64) throws -> HTTPResponse {
        let (_, summary) = try ownInvoice(context, family: familyID, id: id)
        return .pdf(InvoicePDF.render(summary.document, tenant: context.tenant, settled: summary.settled), fileName: summary.document.fileName)
    }

    /// Creates a PayFiP attempt for what is left and shows the way to the payment page: a link,
    /// since the site's policy (`form-action 'self'`) rightly stops a form from landing elsewhere.
    static func pay(_ context: RequestContext, family familyID: Int64, id: Int64) throws -> HTTPResponse {
        guard let config = context.tenant.payment else { throw RouteError.notFound }
        let account = try context.family
        try requireTab(context)
        let (family, attempt) = try StartOnlinePayment(town: context.town).run(accountID: account.id, familyID: familyID, invoiceID: id,
                                                                               config: config, now: context.now)
        // Nothing left to pay (paid meanwhile, or another tab): back to the account.
        guard let attempt else { return .redirect(to: InvoicingPaths.family(family.id)) }
        let request = PayFiP.PaymentRequest(
            numcli: config.numcli, exer: attempt.payment.exer, refdet: attempt.payment.refdet, montant: attempt.payment.amount.cents,
            mel: account.email, objet: PayFiP.objet("Facture \(attempt.invoiceNumber) \(context.tenant.shortName)"), saisie: config.saisie,
            urlnotif: context.baseURL + InvoicingPaths.notification,
            urlredirect: context.baseURL + InvoicingPaths.paymentReturn(family.id, refdet: attempt.payment.refdet))
        let simulator = context.settings.development.paymentPage.map { $0(context.request.headers["host"] ?? "localhost", context.tenant) }
        let url = request.url(base: simulator ?? config.baseURL)
        return .html(FamilyInvoicingViews.leaving(context.chrome, family: family, attempt: attempt, url: url))
    }

    /// The family's return from PayFiP: it may come before the notification, so it only shows
    /// where the attempt stands and never records anything.
    static func paymentReturn(_ context: RequestContext, family familyID: Int64, refdet: String) throws -> HTTPResponse {
        try requireTab(context)
        let (family, attempt) = try PaymentReturnPage(town: context.town).load(accountID: try context.family.id, familyID: familyID, refdet: refdet)
        return .html(FamilyInvoicingViews.paymentReturn(context.chrome, family: family, attempt: attempt))
    }

    static func requireTab(_ context: RequestContext) throws {
        guard context.tenant.tabs.contains(.facturation) else { throw RouteError.notFound }
    }

    private static func ownInvoice(_ context: RequestContext, family familyID: Int64, id: Int64) throws -> (FamilySummary, InvoiceSummary) {
        try requireTab(context)
        return try FamilyInvoicePage(town: context.town).load(accountID: try context.family.id, familyID: familyID, invoiceID: id,
                                                              today: ParisTime.localDate(of: context.now))
    }
}
