import HTML
import PortalCore

/// Every path of the « Facturation » tab and of the billing back-office, printed from here only.
enum InvoicingPaths {
    static let home = TabPaths.path(for: .facturation)

    /// A family's account (`family(familyID)`), then its documents (`invoice(familyID, id)`).
    static let family = RoutePath<Int64>(home + "/", "famille")
    static let invoice = RoutePath2<Int64, Int64>(home + "/", "famille", "/factures/", "id")
    static let pdf = RoutePath2<Int64, Int64>(home + "/", "famille", "/factures/", "id", "/pdf")
    static let pay = RoutePath2<Int64, Int64>(home + "/", "famille", "/factures/", "id", "/payer")
    /// Where PayFiP sends the family back (`urlredirect`), naming the attempt by its refdet.
    static let paymentReturnPage = RoutePath2<Int64, String>(home + "/", "famille", "/paiement/", "refdet")

    static func paymentReturn(_ familyID: Int64, refdet: String) -> String { paymentReturnPage(familyID, refdet) }

    /// Where PayFiP posts the result (`urlnotif`); outside the session and CSRF pipeline.
    static let notification = "/paiement/payfip/notification"
}

enum StaffInvoicingPaths {
    static let home = "/gestion/facturation"
    static let month = "/gestion/facturation/mois"
    static let unpaid = "/gestion/facturation/impayes"

    static let invoice = RoutePath<Int64>(home + "/factures/", "id")
    static let pdf = RoutePath<Int64>(home + "/factures/", "id", "/pdf")
    static let payment = RoutePath<Int64>(home + "/factures/", "id", "/paiement")
    static let creditNote = RoutePath<Int64>(home + "/factures/", "id", "/avoir")
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

    /// The notice named by the page's `ok` query value, if any.
    static func banner(_ code: String?) -> Node {
        guard let text = text(code) else { return .fragment([]) }
        return Forms.notice(text)
    }
}
