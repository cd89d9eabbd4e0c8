import Foundation
import HTTPServer
import Postgres
import PortalCore
import PortalStore
import Testing
@testable import PortalDemo
@testable import PortalFlows
@testable import PortalWeb

/// Two families of Saint-Aubin-des-Prés (seed 004) with three booked Wednesdays of December,
/// invoiced in name order: Durand gets 2026-000001, Martin 2026-000002 (31,20 €).
private struct InvoicingScene {
    let world: AccountWorld
    let town: TenantConfig
    var martin: Browser
    let martinFamily: Int64
    let durandFamily: Int64
    let durandInvoice: Int64

    init() throws {
        world = try AccountWorld()
        town = world.tenants.first { $0.id == "saint-aubin-des-pres" }!
        let world = self.world, town = self.town
        func family(_ name: String, email: String) throws -> Int64 {
            let account = try world.familyAccount(email, tenant: town)
            return try world.transaction(town) { connection in
                var guardian = Guardian()
                guardian.lastName = name
                guardian.firstNames = "Camille"
                guardian.address = PostalAddress(line1: "5 place de l'Église", postcode: "31000", city: "Saint-Aubin")
                let created = try DossierStore.createFamily(name: "Famille \(name)", firstGuardian: guardian, now: world.clock.now, in: connection)
                var full = created
                var kid = Child()
                kid.lastName = name
                kid.firstNames = "Léna"
                full.children = [kid]
                let saved = try DossierStore.save(full, previous: created, in: connection)
                try FamilyStore.subscribe(accountID: account, familyID: saved.familyID, now: world.clock.now, in: connection)
                for day in ["2025-12-03", "2025-12-10", "2025-12-17"] {
                    let slot: Int64 = try connection.query("""
                        INSERT INTO slots (activity, unit, day, capacity) VALUES ('cl-maternel-mercredis', 'avecRepas', \(day)::date, 40)
                        ON CONFLICT (activity, unit, day) DO UPDATE SET capacity = 40 RETURNING id
                        """)[0].decode("id")
                    try connection.execute("""
                        INSERT INTO bookings (family_id, child_id, slot_id, status, tariff, requested_at, updated_at)
                        VALUES (\(saved.familyID), \(saved.children[0].id!), \(slot), 'booked', 'unit', \(world.clock.now), \(world.clock.now))
                        """)
                }
                return saved.familyID
            }
        }
        let martinEmail = AccountWorld.uniqueEmail("martin")
        martinFamily = try family("Martin", email: martinEmail)
        let durand = try family("Durand", email: AccountWorld.uniqueEmail("durand"))
        durandFamily = durand
        let issued = try world.transaction(town) { connection in
            try InvoicingRun.issue(month: BillingMonth(iso: "2025-12")!, tenant: town, issuedOn: LocalDate(iso: "2026-01-05")!,
                                   staffID: nil, now: world.clock.now, in: connection).issued
        }
        durandInvoice = issued.first { $0.familyID == durand }!.id
        var browser = world.browser(town)
        let response = browser.submit(from: AccountPaths.signIn, to: AccountPaths.signIn, ["courriel": martinEmail, "mot_de_passe": AccountWorld.password])
        precondition(response.status.code == 303, "sign-in failed")
        martin = browser
    }

    var martinInvoice: Int64 {
        get throws { try world.transaction(town) { try InvoiceStore.summaries(familyID: martinFamily, today: LocalDate(iso: "2026-01-05")!, in: $0) }[0].document.id }
    }

    /// What the simulator would post, sent in-process from `source`.
    func notify(_ fields: [(String, String)], source: String) -> HTTPResponse {
        let body = fields.map { "\($0.0)=\(PayFiP.percentEncoded($0.1))" }.joined(separator: "&")
        let request = try! HTTPRequest(method: "POST", target: InvoicingPaths.notification,
                                       headers: HTTPHeaders([("Host", world.host(town)), ("Content-Type", "application/x-www-form-urlencoded")]),
                                       body: Array(body.utf8), remoteAddress: source)
        return world.app.handle(request)
    }

    func payments() throws -> Int {
        try world.transaction(town) { try $0.query("SELECT count(*)::int AS n FROM payments")[0].decode("n") }
    }
}

private func location(_ response: HTTPResponse) -> String { response.headers["location"] ?? "" }

/// The href of the link with this id, unescaped.
private func link(_ id: String, in response: HTTPResponse) -> String {
    guard let match = response.text.firstMatch(of: try! Regex("href=\"([^\"]*)\" id=\"\(id)\"")) else { return "" }
    return String(match.output[1].substring ?? "").replacingOccurrences(of: "&amp;", with: "&")
}

@Suite(.serialized) struct InvoicingPageTests {
    @Test func family_seesItsInvoiceWithState_history_detail_andDownloadsThePDF() throws {
        var scene = try InvoicingScene()
        defer { scene.world.drop() }
        let landing = scene.martin.get(InvoicingPaths.home)
        #expect(location(landing) == InvoicingPaths.family(scene.martinFamily))
        let account = scene.martin.get(InvoicingPaths.family(scene.martinFamily)).text
        for expected in ["Facture 2026-000002", "décembre 2025", "31,20 €", "à payer", "Historique de mon compte"] {
            #expect(account.contains(expected), "missing « \(expected) »")
        }
        let invoice = try scene.martinInvoice
        let detail = scene.martin.get(InvoicingPaths.invoice(scene.martinFamily, invoice)).text
        #expect(detail.contains("Après-midi AVEC repas"))
        #expect(detail.contains("Payer 31,20 € en ligne"))
        let pdf = scene.martin.get(InvoicingPaths.pdf(scene.martinFamily, invoice))
        #expect(pdf.status == .ok)
        #expect(pdf.headers["content-type"] == "application/pdf")
        #expect(pdf.headers["content-disposition"] == "attachment; filename=\"facture-2026-000002.pdf\"")
        #expect(Array(pdf.body.prefix(8)) == Array("%PDF-1.4".utf8))
    }

    @Test func anotherFamilysInvoice_isNotFound_byGuessedIds() throws {
        var scene = try InvoicingScene()
        defer { scene.world.drop() }
        #expect(scene.martin.get(InvoicingPaths.invoice(scene.martinFamily, scene.durandInvoice)).status == .notFound)
        #expect(scene.martin.get(InvoicingPaths.pdf(scene.durandFamily, scene.durandInvoice)).status == .notFound)
        #expect(scene.martin.get(InvoicingPaths.family(scene.durandFamily)).status == .notFound)
        scene.martin.get(InvoicingPaths.family(scene.martinFamily))
        let pay = scene.martin.post(InvoicingPaths.pay(scene.martinFamily, scene.durandInvoice), ["csrf": scene.martin.csrf])
        #expect(location(pay) == InvoicingPaths.family(scene.martinFamily))
        #expect(try scene.world.transaction(scene.town) { try $0.query("SELECT count(*)::int AS n FROM online_payments")[0].decode("n", as: Int.self) } == 0)
    }

    @Test func payingThroughTheSimulator_marksTheInvoicePaid() throws {
        var scene = try InvoicingScene()
        defer { scene.world.drop() }
        let invoice = try scene.martinInvoice
        scene.martin.get(InvoicingPaths.invoice(scene.martinFamily, invoice))
        let leave = scene.martin.post(InvoicingPaths.pay(scene.martinFamily, invoice), ["csrf": scene.martin.csrf])
        let payfipURL = link("vers-payfip", in: leave)
        #expect(payfipURL.hasPrefix("http://payfip.localhost:8080/tpa/paiement.web?numcli=031234&exer=2026&refdet=2026000002P01&montant=3120&mel="))
        #expect(payfipURL.contains("&saisie=T&urlnotif=http%3A%2F%2Fsaint-aubin-des-pres.localhost%3A8080%2Fpaiement%2Fpayfip%2Fnotification"))
        var payfip = Browser(app: scene.world.app, host: "payfip.localhost:8080", address: "198.51.100.7")
        let page = payfip.get(String(payfipURL.dropFirst("http://payfip.localhost:8080".count)))
        #expect(page.status == .ok)
        #expect(page.text.contains("31,20 €"))
        let back = payfip.post(PayFiPSimulator.resultPath, payfip.hiddenFields().merging(["resultrans": "P"]) { $1 })
        #expect(back.text.contains("Paiement accepté"))
        #expect(link("retour-portail", in: back) == "http://saint-aubin-des-pres.localhost:8080" + InvoicingPaths.paymentReturn(scene.martinFamily, refdet: "2026000002P01"))
        let returned = scene.martin.get(InvoicingPaths.paymentReturn(scene.martinFamily, refdet: "2026000002P01")).text
        #expect(returned.contains("Paiement enregistré"))
        #expect(scene.martin.get(InvoicingPaths.family(scene.martinFamily)).text.contains("payée"))
        #expect(try scene.payments() == 1)
    }

    @Test func familyReturningBeforeTheNotification_seesItPending_thenPaid_andReplaysChangeNothing() throws {
        var scene = try InvoicingScene()
        defer { scene.world.drop() }
        let invoice = try scene.martinInvoice
        scene.martin.get(InvoicingPaths.invoice(scene.martinFamily, invoice))
        _ = scene.martin.post(InvoicingPaths.pay(scene.martinFamily, invoice), ["csrf": scene.martin.csrf])
        let returnPath = InvoicingPaths.paymentReturn(scene.martinFamily, refdet: "2026000002P01")
        #expect(scene.martin.get(returnPath).text.contains("Paiement en cours de confirmation"))
        let fields = [("numcli", "031234"), ("exer", "2026"), ("refdet", "2026000002P01"), ("montant", "3120"), ("resultrans", "P"), ("numauto", "123456")]
        #expect(scene.notify(fields, source: PayFiPSimulator.deliverySource).text == "OK")
        #expect(scene.notify(fields, source: PayFiPSimulator.deliverySource).text == "OK")
        #expect(scene.martin.get(returnPath).text.contains("Paiement enregistré"))
        #expect(try scene.payments() == 1)
    }

    @Test func forgedNotifications_areRefused_andRecordNothing() throws {
        var scene = try InvoicingScene()
        defer { scene.world.drop() }
        let invoice = try scene.martinInvoice
        scene.martin.get(InvoicingPaths.invoice(scene.martinFamily, invoice))
        _ = scene.martin.post(InvoicingPaths.pay(scene.martinFamily, invoice), ["csrf": scene.martin.csrf])
        let genuine = [("numcli", "031234"), ("exer", "2026"), ("refdet", "2026000002P01"), ("montant", "3120"), ("resultrans", "P")]
        // Right values, but from the family's own address: not PayFiP.
        #expect(scene.notify(genuine, source: "192.0.2.44").status == .forbidden)
        var cheaper = genuine
        cheaper[3] = ("montant", "1")
        #expect(scene.notify(cheaper, source: PayFiPSimulator.deliverySource).status == .unprocessableContent)
        var unknown = genuine
        unknown[2] = ("refdet", "2026000002P09")
        #expect(scene.notify(unknown, source: PayFiPSimulator.deliverySource).status == .unprocessableContent)
        #expect(scene.notify([("refdet", "x")], source: PayFiPSimulator.deliverySource).status == .badRequest)
        #expect(try scene.payments() == 0)
        #expect(scene.martin.get(InvoicingPaths.paymentReturn(scene.martinFamily, refdet: "2026000002P01")).text.contains("en cours de confirmation"))
    }

    @Test func simulator_existsOnlyInDevelopment() throws {
        let world = try AccountWorld(mode: .production)
        defer { world.drop() }
        let response = world.app.handle(WebTestSupport.get(PayFiPSimulator.path + "?numcli=1", host: "payfip.localhost"))
        #expect(response.status == .notFound)
        #expect(!response.text.contains("simulateur"))
    }

    @Test func billingStaff_previewIssueRecordAPaymentAndCredit_whileOtherRolesAreRefused() throws {
        let scene = try InvoicingScene()
        defer { scene.world.drop() }
        let email = AccountWorld.uniqueEmail("compta")
        try scene.world.transaction(scene.town) { connection in
            let id = try StaffStore.invite(email: EmailAddress(email)!, displayName: "Claude Compta", role: .billing, now: scene.world.clock.now, in: connection)!
            try StaffStore.setPassword(id: id, password: AccountWorld.password, in: connection)
        }
        var clerk = scene.world.browser(scene.town)
        #expect(clerk.submit(from: StaffPaths.signIn, to: StaffPaths.signIn, ["courriel": email, "mot_de_passe": AccountWorld.password]).status.code == 303)
        let preview = clerk.get(StaffInvoicingPaths.preview(BillingMonth(iso: "2025-12")!)).text
        #expect(preview.contains("Aucune prestation à facturer"))
        let issue = clerk.post(StaffInvoicingPaths.month, ["csrf": clerk.csrf, "mois": "2025-12"])
        #expect(location(issue).hasSuffix("&ok=rien"))

        let invoice = scene.durandInvoice
        #expect(clerk.get(StaffInvoicingPaths.unpaid).text.contains("Famille Durand"))
        clerk.get(StaffInvoicingPaths.invoice(invoice))
        let tooMuch = clerk.post(StaffInvoicingPaths.payment(invoice), ["csrf": clerk.csrf, "moyen": "cheque", "montant": "40", "date": "2026-01-10", "reference": "CHQ 1"])
        #expect(tooMuch.status == .unprocessableContent)
        #expect(tooMuch.text.contains("Le montant dépasse le reste à payer (31,20 €)."))
        let cheque = clerk.post(StaffInvoicingPaths.payment(invoice), ["csrf": clerk.csrf, "moyen": "cheque", "montant": "21,20", "date": "2026-01-10", "reference": "CHQ 1"])
        #expect(location(cheque) == StaffInvoicingPaths.invoice(invoice) + "?ok=paiement")
        clerk.get(StaffInvoicingPaths.invoice(invoice))
        let credit = clerk.post(StaffInvoicingPaths.creditNote(invoice), ["csrf": clerk.csrf, "ligne": "1", "montant_avoir": "10,00", "motif": "sortie annulée"])
        #expect(location(credit) == StaffInvoicingPaths.invoice(invoice) + "?ok=avoir")
        #expect(clerk.get(StaffInvoicingPaths.invoice(invoice)).text.contains("payée"))
        #expect(!clerk.get(StaffInvoicingPaths.unpaid).text.contains("Famille Durand"))
        #expect(clerk.get(StaffInvoicingPaths.pdf(invoice)).headers["content-type"] == "application/pdf")

        var martin = scene.martin
        #expect(martin.get(StaffInvoicingPaths.home).status == .forbidden)
        var agent = try scene.world.signedInStaff(role: .agent)
        agent.host = scene.world.host(scene.town)
        #expect(agent.get(StaffInvoicingPaths.home).status != .ok)
    }

    @Test(arguments: [("12,50", 1250), ("12.5", 1250), ("12", 1200), ("0,05", 5), ("1 234,56 €", 123_456)])
    func typedAmount_isReadInCents(_ text: String, _ cents: Int) {
        #expect(Amounts.parse(text) == Money(cents: cents))
    }

    @Test(arguments: ["", "abc", "-3", "1,234", "12,5,0"])
    func malformedAmount_isRejected(_ text: String) {
        #expect(Amounts.parse(text) == nil)
    }
}
