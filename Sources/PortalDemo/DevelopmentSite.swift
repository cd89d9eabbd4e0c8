public import Foundation
import HTTPServer
public import PortalWeb

/// The development additions a server in development mode is built with: the PayFiP simulator
/// on `payfip.<base domain>` and the mailbox under every town's `/_dev/mail`.
public enum DevelopmentSite {
    public static func hooks(baseDomains: [String], mailDirectory: String, clock: @escaping @Sendable () -> Date) -> DevelopmentHooks {
        DevelopmentHooks(
            sites: [{ request, application in
                PayFiPSimulator.respond(to: request, baseDomains: baseDomains, clock: clock, deliver: application)
            }],
            townPages: [{ request, tenant in DevMailRoutes.respond(to: request, tenant: tenant, mailDirectory: mailDirectory) }],
            paymentPage: { host, tenant in PayFiPSimulator.paymentPage(host: host, tenant: tenant) },
            paymentNotificationSource: PayFiPSimulator.deliverySource)
    }
}
