import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The billing back-office: run a month (preview, then issue), record desk payments, issue
/// credit notes, follow unpaid invoices.
enum StaffInvoicingHandlers {
    static func home(_ context: RequestContext) throws -> HTTPResponse {
        .html(StaffInvoicingViews.home(context, month: defaultMonth(context)))
    }

    /// The month staff usually invoice: the one before today's.
    static func defaultMonth(_ context: RequestContext) -> BillingMonth {
        BillingMonth(containing: ParisTime.localDate(of: context.now)).previous
    }

    static func preview(_ context: RequestContext) throws -> HTTPResponse {
        guard let month = context.request.queryValue("mois").flatMap(BillingMonth.init(iso:)) else {
            return .html(StaffInvoicingViews.home(context, month: defaultMonth(context), error: "Choisissez un mois au format AAAA-MM."),
                         status: .unprocessableContent)
        }
        let previews = try context.transaction { try InvoicingRun.preview(month: month, tenant: context.tenant, in: $0) }
        return .html(StaffInvoicingViews.preview(context, month: month, previews: previews))
    }

    static func issue(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        guard let month = context.form.value("mois").flatMap(BillingMonth.init(iso:)) else { throw RouteError.badRequest }
        let today = ParisTime.localDate(of: context.now)
        let report = try context.transaction { connection in
            let report = try InvoicingRun.issue(month: month, tenant: context.tenant, issuedOn: today, staffID: staff.id, now: context.now, in: connection)
            try context.audit("invoicing.issue", target: "month/\(month.iso)", detail: "\(report.issued.count) facture(s) émise(s)", in: connection)
            return report
        }
        return .redirect(to: StaffInvoicingPaths.preview(month) + "&ok=" + (report.issued.isEmpty ? "rien" : "emises"))
    }

    static func unpaid(_ context: RequestContext) throws -> HTTPResponse {
        let today = ParisTime.localDate(of: context.now)
        let summaries = try context.transaction { try InvoiceStore.unpaid(today: today, in: $0) }
        return .html(StaffInvoicingViews.unpaid(context, summaries: summaries))
    }

    static func invoice(_ context: RequestContext) throws -> HTTPResponse {
        .html(StaffInvoicingViews.invoice(context, summary: try summary(context), values: [:], error: nil))
    }

    static func pdf(_ context: RequestContext) throws -> HTTPResponse {
        let summary = try summary(context)
        return .pdf(InvoicePDF.render(summary.document, tenant: context.tenant, settled: summary.settled), fileName: summary.document.fileName)
    }

    static func recordPayment(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        let id = try invoiceID(context)
        let method = context.form.value("moyen").flatMap(PaymentMethod.init(rawValue:))
        let amount = Amounts.parse(context.form.text("montant"))
        let received = LocalDate(iso: context.form.text("date")) ?? ParisTime.localDate(of: context.now)
        guard let method, PaymentMethod.recordedByStaff.contains(method), let amount else {
            return try refuse(context, "Indiquez le moyen de paiement et un montant en euros (par exemple 12,50).")
        }
        let result: Result<Int64, PaymentStore.Refusal>
        do {
            result = try context.transaction { connection in
                let result = try PaymentStore.record(invoiceID: id, method: method, amount: amount, receivedOn: received,
                                                     reference: context.form.text("reference"), staffID: staff.id, now: context.now, in: connection)
                if case .success = result { try context.audit("invoicing.payment", target: "invoice/\(id)", detail: amount.french, in: connection) }
                return result
            }
        } catch InvoicingStoreError.unknownInvoice {
            throw RouteError.notFound
        }
        switch result {
        case .success: return .redirect(to: StaffInvoicingPaths.invoice(id) + "?ok=paiement")
        case .failure(let refusal): return try refuse(context, refusal.frenchMessage)
        }
    }

    static func creditNote(_ context: RequestContext) throws -> HTTPResponse {
        let staff = try context.staff
        let id = try invoiceID(context)
        guard let position = Int(context.form.text("ligne")), let amount = Amounts.parse(context.form.text("montant_avoir")) else {
            return try refuse(context, "Choisissez la ligne à créditer et un montant en euros.")
        }
        do {
            try context.transaction { connection in
                _ = try CreditNoteStore.issue(invoiceID: id, crediting: [.init(position: position, amount: amount)], reason: context.form.text("motif"),
                                              issuedOn: ParisTime.localDate(of: context.now), staffID: staff.id, now: context.now, in: connection)
                try context.audit("invoicing.credit_note", target: "invoice/\(id)", detail: amount.french, in: connection)
            }
        } catch InvoicingStoreError.creditNote(let refusal) {
            return try refuse(context, refusal.frenchMessage)
        } catch InvoicingStoreError.unknownInvoice {
            throw RouteError.notFound
        }
        return .redirect(to: StaffInvoicingPaths.invoice(id) + "?ok=avoir")
    }

    private static func refuse(_ context: RequestContext, _ message: String) throws -> HTTPResponse {
        let fields = ["moyen", "montant", "date", "reference", "ligne", "montant_avoir", "motif"]
        let values = Dictionary(uniqueKeysWithValues: fields.map { ($0, context.form.text($0)) })
        return .html(StaffInvoicingViews.invoice(context, summary: try summary(context), values: values, error: message),
              status: .unprocessableContent)
    }

    private static func invoiceID(_ context: RequestContext) throws -> Int64 {
        guard let id = context.parameters["id"].flatMap(Int64.init) else { throw RouteError.notFound }
        return id
    }

    private static func summary(_ context: RequestContext) throws -> InvoiceSummary {
        let id = try invoiceID(context)
        let today = ParisTime.localDate(of: context.now)
        guard let summary = try context.transaction({ try InvoiceStore.summary(id: id, familyID: nil, today: today, in: $0) }) else {
            throw RouteError.notFound
        }
        return summary
    }
}

/// Amounts typed by staff: « 12,50 », « 12.5 », « 12 » euros.
enum Amounts {
    static func parse(_ text: String) -> Money? {
        let cleaned = text.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: ",", with: ".")
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let euros = Int(parts[0]), euros >= 0, euros < 1_000_000 else { return nil }
        var cents = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let fraction = Int(parts[1]) else { return nil }
            cents = parts[1].count == 1 ? fraction * 10 : fraction
        }
        return Money(cents: euros * 100 + cents)
    }
}
