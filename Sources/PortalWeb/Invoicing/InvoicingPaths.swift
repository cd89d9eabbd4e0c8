import HTML
import PortalCore

/// Every path of the « Facturation » tab and of the billing back-office, printed from here only.
enum InvoicingPaths {
    static let home = TabPaths.path(for: .facturation)

    static func family(_ familyID: Int64) -> String { "\(home)/\(familyID)" }
    static func invoice(_ familyID: Int64, _ id: Int64) -> String { "\(family(familyID))/factures/\(id)" }
    static func pdf(_ familyID: Int64, _ id: Int64) -> String { "\(invoice(familyID, id))/pdf" }
    static func pay(_ familyID: Int64, _ id: Int64) -> String { "\(invoice(familyID, id))/payer" }
    /// Where PayFiP sends the family back (`urlredirect`).
    static func paymentReturn(_ familyID: Int64, refdet: String) -> String { "\(family(familyID))/paiement/\(refdet)" }

    /// Where PayFiP posts the result (`urlnotif`); outside the session and CSRF pipeline.
    static let notification = "/paiement/payfip/notification"
}

enum StaffInvoicingPaths {
    static let home = "/gestion/facturation"
    static let month = "/gestion/facturation/mois"
    static let unpaid = "/gestion/facturation/impayes"

    static func invoice(_ id: Int64) -> String { "\(home)/factures/\(id)" }
    static func pdf(_ id: Int64) -> String { "\(invoice(id))/pdf" }
    static func payment(_ id: Int64) -> String { "\(invoice(id))/paiement" }
    static func creditNote(_ id: Int64) -> String { "\(invoice(id))/avoir" }
    static func preview(_ billed: BillingMonth) -> String { "\(month)?mois=\(billed.iso)" }
}

/// The confirmations shown after a redirect (`?ok=…`).
enum InvoicingNotices {
    static func text(_ code: String?) -> String? {
        switch code {
        case "emises": "Les factures du mois sont émises."
        case "rien": "Aucune nouvelle facture : tout ce qui pouvait l'être est déjà facturé."
        case "paiement": "Le paiement est enregistré."
        case "avoir": "L'avoir est émis."
        default: nil
        }
    }

    static func banner(_ context: RequestContext) -> Node {
        guard let text = text(context.request.queryValue("ok")) else { return .fragment([]) }
        return Forms.notice(text)
    }
}
