import HTTPServer
import PortalCore

/// « Facturation » for families (invoices, account history, PDF, online payment) and the
/// billing back-office (monthly run, desk payments, credit notes, unpaid invoices).
enum InvoicingRoutes {
    static let billingStaff = Access.staff([.admin, .billing])

    static func register(_ table: inout RouteTable) {
        table.add("GET", InvoicingPaths.home, .family) { try FamilyInvoicingHandlers.landing($0) }
        table.add("GET", InvoicingPaths.family, .family) { try FamilyInvoicingHandlers.account($0, family: $1) }
        table.add("GET", InvoicingPaths.invoice, .family) { try FamilyInvoicingHandlers.invoice($0, family: $1, id: $2) }
        table.add("GET", InvoicingPaths.pdf, .family) { try FamilyInvoicingHandlers.pdf($0, family: $1, id: $2) }
        table.add("POST", InvoicingPaths.pay, .family) { try FamilyInvoicingHandlers.pay($0, family: $1, id: $2) }
        table.add("GET", InvoicingPaths.paymentReturnPage, .family) { try FamilyInvoicingHandlers.paymentReturn($0, family: $1, refdet: $2) }

        table.add("GET", StaffInvoicingPaths.home, billingStaff) { try StaffInvoicingHandlers.home($0) }
        table.add("GET", StaffInvoicingPaths.month, billingStaff) { try StaffInvoicingHandlers.preview($0) }
        table.add("POST", StaffInvoicingPaths.month, billingStaff) { try StaffInvoicingHandlers.issue($0) }
        table.add("GET", StaffInvoicingPaths.unpaid, billingStaff) { try StaffInvoicingHandlers.unpaid($0) }
        table.add("GET", StaffInvoicingPaths.invoice, billingStaff) { try StaffInvoicingHandlers.invoice($0, id: $1) }
        table.add("GET", StaffInvoicingPaths.pdf, billingStaff) { try StaffInvoicingHandlers.pdf($0, id: $1) }
        table.add("POST", StaffInvoicingPaths.payment, billingStaff) { try StaffInvoicingHandlers.recordPayment($0, id: $1) }
        table.add("POST", StaffInvoicingPaths.creditNote, billingStaff) { try StaffInvoicingHandlers.creditNote($0, id: $1) }
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
