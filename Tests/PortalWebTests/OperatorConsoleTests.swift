import Foundation
import Testing
import HTML
import PortalCore
import PortalStore
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

@Suite struct OperatorConsoleTests {
    /// An operator on call opens the console and sees every town, every failed e-mail and
    /// every tenant file that would not load, on one page.
    @Test func dashboard_showsTownsFailedMailsAndBrokenTenantFiles() throws {
        let files = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("portal-console-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: files) }
        try Data("{ \"id\": ".utf8).write(to: files.appendingPathComponent("cassee.json"))

        let clock = TestClock()
        let (app, tenants, pool) = try WebTestSupport.application(settings: WebSettings(
            clock: { clock.now }, tenantsDirectory: files.path, sqlDirectory: WebTestSupport.repositoryRoot.appendingPathComponent("sql").path))
        defer { WebTestSupport.drop(tenants, pool: pool) }

        let subject = "Échec de test \(UInt32.random(in: 0...UInt32.max))"
        try pool.withConnection { connection in
            let id = try Outbox.enqueue(OutgoingMail(tenantID: "cayres-pradelles", fromName: "Portail", replyTo: nil,
                                                     recipient: "famille@exemple.fr", subject: subject, body: "x"),
                                        now: clock.now, in: connection)
            try Outbox.markFailed(id: id, attempts: 0, error: "sendmail: exit 75", now: clock.now, in: connection)
        }

        let email = AccountWorld.uniqueEmail("operateur")
        _ = try pool.withConnection { try OperatorStore.upsert(email: EmailAddress(email)!, displayName: "Opé", password: AccountWorld.password, in: $0) }
        var console = Browser(app: app, host: "operateur.localhost:8080", address: "192.0.2.98")
        _ = console.submit(from: OperatorConsole.signInPath, to: OperatorConsole.signInPath, ["courriel": email, "mot_de_passe": AccountWorld.password])
        let page = console.get(OperatorConsole.homePath)

        #expect(page.status.code == 200)
        for tenant in tenants {
            #expect(page.text.contains(tenant.id))
            #expect(page.text.contains("\(tenant.hosts.subdomain).localhost"))
        }
        #expect(page.text.contains(HTMLEscape.escape(subject)))
        #expect(page.text.contains("sendmail: exit 75"))
        #expect(page.text.contains("cassee.json"))
        // The recipient is personal data an operator does not need to see.
        #expect(!page.text.contains("famille@exemple.fr"))
    }
}
