import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalWeb

/// Development only: PayFiP's payment page and its notifications, served by this very server on
/// `payfip.<base domain>`, so that the whole payment loop runs without network. The chosen
/// result is delivered to `urlnotif` in-process (through the application's own handler), then
/// the family's browser is sent to `urlredirect`, as PayFiP does.
enum PayFiPSimulator {
    static let subdomain = "payfip"
    static let path = "/tpa/paiement.web"
    static let resultPath = "/tpa/paiement.web/resultat"
    /// The remote address of in-process deliveries: not an address, so no socket can claim it.
    static let deliverySource = "payfip-simulateur"

    /// The payment page to send a family to instead of the town's `baseURL`, from the Host the
    /// family reached the town on.
    static func paymentPage(host: String, tenant: TenantConfig) -> String {
        var name = host
        var port = ""
        if let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...].allSatisfy(\.isNumber) {
            name = String(host[..<colon])
            port = String(host[colon...])
        }
        let prefix = tenant.hosts.subdomain + "."
        let base = name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : "localhost"
        return "http://\(subdomain).\(base)\(port)\(path)"
    }

    static func matches(_ hostHeader: String, baseDomains: [String]) -> Bool {
        let host = TenantDirectory.hostName(hostHeader)
        return baseDomains.contains { host == "\(subdomain).\($0.lowercased())" }
    }

    /// nil when the request is not for the simulator.
    static func respond(to request: HTTPRequest, baseDomains: [String], clock: @Sendable () -> Date,
                        deliver: (HTTPRequest) -> HTTPResponse) -> HTTPResponse? {
        guard let host = request.headers["host"], matches(host, baseDomains: baseDomains) else { return nil }
        switch (request.method, request.path) {
        case ("GET", path):
            guard let payment = Payment(value: request.queryValue) else { return .text("Paramètres de paiement incomplets", status: .badRequest) }
            var response = HTTPResponse.html(page(payment).renderedBytes())
            response.headers.set("Cache-Control", "no-store")
            return response
        case ("POST", resultPath):
            let fields = request.formFields()
            guard let payment = Payment(value: { fields[$0]?.first }), let choice = fields["resultrans"]?.first,
                  ["P", "R", "A"].contains(choice) else { return .text("Choix invalide", status: .badRequest) }
            let now = clock()
            let date = ParisTime.localDate(of: now)
            let time = ParisTime.localTime(of: now)
            let notification = PayFiP.Notification(
                numcli: payment.numcli, exer: payment.exer, refdet: payment.refdet, montant: payment.montant, resultrans: choice,
                numauto: choice == "P" ? String(UInt32.random(in: 100_000...999_999)) : "",
                dattrans: String(format: "%02d%02d%04d", date.day, date.month, date.year),
                heurtrans: String(format: "%02d%02d", time.hour, time.minute))
            if let delivery = notificationRequest(notification, to: payment.urlnotif) { _ = deliver(delivery) }
            // A ticket page with a link back, as PayFiP shows: a redirect after a form would
            // break the `form-action 'self'` policy every page carries.
            var response = HTTPResponse.html(ticket(choice: choice, payment: payment).renderedBytes())
            response.headers.set("Cache-Control", "no-store")
            return response
        default:
            return .text("Page introuvable (simulateur PayFiP)", status: .notFound)
        }
    }

    /// The POST PayFiP would make to `urlnotif`, addressed to the host that URL names.
    static func notificationRequest(_ notification: PayFiP.Notification, to url: String) -> HTTPRequest? {
        guard let schemeEnd = url.range(of: "://"), ["http", "https"].contains(url[..<schemeEnd.lowerBound]) else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let host = String(rest[..<slash])
        let target = slash == rest.endIndex ? "/" : String(rest[slash...])
        var headers = HTTPHeaders()
        headers.set("Host", host)
        headers.set("Content-Type", "application/x-www-form-urlencoded")
        let body = notification.parameters.map { "\($0.name)=\(PayFiP.percentEncoded($0.value))" }.joined(separator: "&")
        return try? HTTPRequest(method: "POST", target: target, headers: headers, body: Array(body.utf8), remoteAddress: deliverySource)
    }

    /// The parameters the portal sent, carried through the simulator's form.
    struct Payment {
        let numcli, exer, refdet, montant, mel, objet, saisie, urlnotif, urlredirect: String

        init?(value: (String) -> String?) {
            guard let numcli = value("numcli"), let exer = value("exer"), let refdet = value("refdet"), let montant = value("montant"),
                  let urlnotif = value("urlnotif"), let urlredirect = value("urlredirect"),
                  urlredirect.hasPrefix("http://") || urlredirect.hasPrefix("https://") else { return nil }
            self.numcli = numcli
            self.exer = exer
            self.refdet = refdet
            self.montant = montant
            self.mel = value("mel") ?? ""
            self.objet = value("objet") ?? ""
            self.saisie = value("saisie") ?? ""
            self.urlnotif = urlnotif
            self.urlredirect = urlredirect
        }

        var fields: [(String, String)] {
            [("numcli", numcli), ("exer", exer), ("refdet", refdet), ("montant", montant), ("mel", mel), ("objet", objet),
             ("saisie", saisie), ("urlnotif", urlnotif), ("urlredirect", urlredirect)]
        }

        var amountText: String { Int(montant).map { Money(cents: $0).french } ?? montant }
    }

    static func ticket(choice: String, payment: Payment) -> Node {
        let title = switch choice {
        case "P": "Paiement accepté"
        case "R": "Paiement refusé"
        default: "Paiement abandonné"
        }
        return frame(title: title, [
            .h1([], [.text(title)]),
            .p([], [.text("Référence \(payment.refdet), montant \(payment.amountText).")]),
            .p([], [.a([.class("button"), .href(payment.urlredirect), .id("retour-portail")], ["Retourner sur le portail"])]),
        ])
    }

    static func page(_ payment: Payment) -> Node {
        func choice(_ code: String, _ label: String) -> Node {
            .form([.method("post"), .action(resultPath)], payment.fields.map { hidden($0.0, $0.1) } + [
                hidden("resultrans", code),
                .button([.type("submit"), .class(code == "P" ? "button" : "button secondary")], [.text(label)]),
            ])
        }
        return frame(title: "Simulateur de paiement", [
            .h1([], ["PayFiP (simulateur de développement)"]),
            .p([.class("notice")], ["Aucune carte n'est débitée : cette page imite le service de paiement de la DGFiP."]),
            .el("dl", [.class("summary")], [
                .el("dt", [], ["Objet"]), .el("dd", [], [.text(payment.objet)]),
                .el("dt", [], ["Référence"]), .el("dd", [], [.text(payment.refdet)]),
                .el("dt", [], ["Montant"]), .el("dd", [.id("montant")], [.text(payment.amountText)]),
                .el("dt", [], ["Courriel"]), .el("dd", [], [.text(payment.mel)]),
            ]),
            choice("P", "Payer \(payment.amountText)"),
            choice("R", "Simuler un refus de la carte"),
            choice("A", "Abandonner le paiement"),
        ])
    }

    private static func hidden(_ name: String, _ value: String) -> Node {
        .input([.type("hidden"), .name(name), .value(value)])
    }

    private static func frame(title: String, _ content: [Node]) -> Node {
        PageFrame.document(title: "PayFiP – \(title)", body: [.main([.id("contenu")], content)])
    }
}
