import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// PayFiP's server-to-server call (`urlnotif`). It carries no session and no CSRF token, so
/// it is answered before the town pipeline, and trusted only as far as it can be checked:
///
/// 1. it must come from an address the town's file lists (`payment.notificationSources`,
///    PayFiP's published addresses), or in development from the built-in simulator, which
///    delivers in-process under a source no socket can carry;
/// 2. it must name an attempt we created (refdet) with the same client number, year and
///    amount, and may only move it forward (`OnlinePayment.judge`); replays change nothing.
///
/// Limits: PayFiP signs nothing, so a forger who could send from a listed address and knew a
/// pending refdet and its amount could mark it paid; the régisseur's reconciliation with the
/// DGFiP's statement (every notification is logged with its verdict) is the backstop.
enum PayFiPNotificationEndpoint {
    static func respond(to request: HTTPRequest, tenant: TenantConfig, database: TenantDatabase, settings: WebSettings) -> HTTPResponse? {
        guard request.path == InvoicingPaths.notification else { return nil }
        guard request.method == "POST" else {
            var response = HTTPResponse.text("Méthode non autorisée", status: .methodNotAllowed)
            response.headers.set("Allow", "POST")
            return response
        }
        guard let config = tenant.payment else { return .text("Paiement en ligne non configuré", status: .notFound) }
        let source = ClientAddress.of(request, trustProxy: settings.trustProxy)
        let fromSimulator = settings.development.paymentNotificationSource.map { request.remoteAddress == $0 } ?? false
        guard fromSimulator || config.notificationSources.contains(source) else {
            return .text("Source non autorisée", status: .forbidden)
        }
        let fields = request.formFields()
        guard let notification = PayFiP.Notification(value: { fields[$0]?.first }) else {
            return .text("Notification incomplète", status: .badRequest)
        }
        let now = settings.clock()
        let town = Town(tenant: tenant, database: database, baseURL: "\(settings.scheme)://\(request.headers["host"] ?? tenant.hosts.subdomain)",
                        links: WebLinks())
        do {
            let verdict = try ApplyPayFiPNotification(town: town).run(notification, source: fromSimulator ? "simulateur" : source, now: now)
            switch verdict {
            case .record, .replay: return .text("OK")
            case .refuse: return .text("Notification refusée", status: .unprocessableContent)
            }
        } catch {
            // PayFiP delivers again on an error answer: nothing was recorded.
            return .text("Indisponible", status: .serviceUnavailable)
        }
    }
}
