import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore
import Postgres

/// « Facturation » for a family: every handler goes through `ownFamily`, which answers 404 for
/// a family the account is not subscribed to, and documents are read with that family's id,
/// so a guessed invoice id reaches nothing.
enum FamilyInvoicingHandlers {
    static func landing(_ context: RequestContext) throws -> HTTPResponse {
        try requireTab(context)
        let account = try context.family
        let families = try context.transaction { try FamilyStore.subscriptions(accountID: account.id, in: $0) }
        if families.count == 1 { return .redirect(to: InvoicingPaths.family(families[0].id)) }
        return .html(FamilyInvoicingViews.choose(context, families: families))
    }

    static func account(_ context: RequestContext) throws -> HTTPResponse {
        let today = ParisTime.localDate(of: context.now)
        let (family, summaries, history) = try context.transaction { connection in
            let family = try ownFamily(context, in: connection)
            return (family, try InvoiceStore.summaries(familyID: family.id, today: today, in: connection),
                    try InvoiceStore.history(familyID: family.id, in: connection))
        }
        return .html(FamilyInvoicingViews.account(context, family: family, summaries: summaries, history: history))
    }

    static func invoice(_ context: RequestContext) throws -> HTTPResponse {
        let (family, summary) = try ownInvoice(context)
        return .html(FamilyInvoicingViews.invoice(context, family: family, summary: summary))
    }

    static func pdf(_ context: RequestContext) throws -> HTTPResponse {
        let (_, summary) = try ownInvoice(context)
        return .pdf(InvoicePDF.render(summary.document, tenant: context.tenant, settled: summary.settled), fileName: summary.document.fileName)
    }

    /// Creates a PayFiP attempt for what is left and shows the way to the payment page: a link,
    /// since the site's policy (`form-action 'self'`) rightly stops a form from landing elsewhere.
    static func pay(_ context: RequestContext) throws -> HTTPResponse {
        guard let config = context.tenant.payment else { throw RouteError.notFound }
        let account = try context.family
        let today = ParisTime.localDate(of: context.now)
        let (family, attempt): (FamilyFile, OnlinePaymentStore.Attempt?) = try context.transaction { connection in
            let family = try ownFamily(context, in: connection)
            guard let id = context.parameters["id"].flatMap(Int64.init) else { throw RouteError.notFound }
            return (family, try OnlinePaymentStore.create(invoiceID: id, familyID: family.id, config: config, today: today,
                                                          now: context.now, in: connection))
        }
        // Nothing left to pay (paid meanwhile, or another tab): back to the account.
        guard let attempt else { return .redirect(to: InvoicingPaths.family(family.id)) }
        let request = PayFiP.PaymentRequest(
            numcli: config.numcli, exer: attempt.payment.exer, refdet: attempt.payment.refdet, montant: attempt.payment.amount.cents,
            mel: account.email, objet: PayFiP.objet("Facture \(attempt.invoiceNumber) \(context.tenant.shortName)"), saisie: config.saisie,
            urlnotif: context.baseURL + InvoicingPaths.notification,
            urlredirect: context.baseURL + InvoicingPaths.paymentReturn(family.id, refdet: attempt.payment.refdet))
        let simulator = context.settings.development.paymentPage.map { $0(context.request.headers["host"] ?? "localhost", context.tenant) }
        let url = request.url(base: simulator ?? config.baseURL)
        return .html(FamilyInvoicingViews.leaving(context, family: family, attempt: attempt, url: url))
    }

    /// The family's return from PayFiP: it may come before the notification, so it only shows
    /// where the attempt stands and never records anything.
    static func paymentReturn(_ context: RequestContext) throws -> HTTPResponse {
        let (family, attempt) = try context.transaction { connection in
            let family = try ownFamily(context, in: connection)
            guard let refdet = context.parameters["refdet"], let attempt = try OnlinePaymentStore.find(refdet: refdet, in: connection),
                  attempt.familyID == family.id else { throw RouteError.notFound }
            return (family, attempt)
        }
        return .html(FamilyInvoicingViews.paymentReturn(context, family: family, attempt: attempt))
    }

    static func requireTab(_ context: RequestContext) throws {
        guard context.tenant.tabs.contains(.facturation) else { throw RouteError.notFound }
    }

    static func ownFamily(_ context: RequestContext, in connection: PostgresConnection) throws -> FamilyFile {
        try requireTab(context)
        let account = try context.family
        guard let familyID = context.parameters["famille"].flatMap(Int64.init),
              let family = try FamilyStore.subscriptions(accountID: account.id, in: connection).first(where: { $0.id == familyID })
        else { throw RouteError.notFound }
        return family
    }

    private static func ownInvoice(_ context: RequestContext) throws -> (FamilyFile, InvoiceSummary) {
        let today = ParisTime.localDate(of: context.now)
        return try context.transaction { connection in
            let family = try ownFamily(context, in: connection)
            guard let id = context.parameters["id"].flatMap(Int64.init),
                  let summary = try InvoiceStore.summary(id: id, familyID: family.id, today: today, in: connection) else { throw RouteError.notFound }
            return (family, summary)
        }
    }
}
