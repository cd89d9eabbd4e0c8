import HTTPServer
import PortalCore

/// « Facturation » for families (invoices, account history, PDF, online payment) and the
/// billing back-office (monthly run, desk payments, credit notes, unpaid invoices).
enum InvoicingRoutes {
    static let billingStaff = Access.staff([.admin, .billing])

    static func register(_ table: inout RouteTable) {
        table.add("GET", InvoicingPaths.home, .family) { try FamilyInvoicingHandlers.landing($0) }
        table.add("GET", InvoicingPaths.home + "/:famille", .family) { try FamilyInvoicingHandlers.account($0) }
        table.add("GET", InvoicingPaths.home + "/:famille/factures/:id", .family) { try FamilyInvoicingHandlers.invoice($0) }
        table.add("GET", InvoicingPaths.home + "/:famille/factures/:id/pdf", .family) { try FamilyInvoicingHandlers.pdf($0) }
        table.add("POST", InvoicingPaths.home + "/:famille/factures/:id/payer", .family) { try FamilyInvoicingHandlers.pay($0) }
        table.add("GET", InvoicingPaths.home + "/:famille/paiement/:refdet", .family) { try FamilyInvoicingHandlers.paymentReturn($0) }

        table.add("GET", StaffInvoicingPaths.home, billingStaff) { try StaffInvoicingHandlers.home($0) }
        table.add("GET", StaffInvoicingPaths.month, billingStaff) { try StaffInvoicingHandlers.preview($0) }
        table.add("POST", StaffInvoicingPaths.month, billingStaff) { try StaffInvoicingHandlers.issue($0) }
        table.add("GET", StaffInvoicingPaths.unpaid, billingStaff) { try StaffInvoicingHandlers.unpaid($0) }
        table.add("GET", StaffInvoicingPaths.home + "/factures/:id", billingStaff) { try StaffInvoicingHandlers.invoice($0) }
        table.add("GET", StaffInvoicingPaths.home + "/factures/:id/pdf", billingStaff) { try StaffInvoicingHandlers.pdf($0) }
        table.add("POST", StaffInvoicingPaths.home + "/factures/:id/paiement", billingStaff) { try StaffInvoicingHandlers.recordPayment($0) }
        table.add("POST", StaffInvoicingPaths.home + "/factures/:id/avoir", billingStaff) { try StaffInvoicingHandlers.creditNote($0) }
    }
}

extension HTTPResponse {
    /// A PDF download named after the document.
    static func pdf(_ bytes: [UInt8], fileName: String) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, body: bytes)
        response.headers.set("Content-Type", "application/pdf")
        response.headers.set("Content-Disposition", "attachment; filename=\"\(fileName)\"")
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
