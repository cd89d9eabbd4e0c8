import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The billing back-office: run a month (preview, then issue), record desk payments, issue
/// credit notes, follow unpaid invoices.
enum StaffInvoicingHandlers {
    static func home(_ context: RequestContext) throws -> HTTPResponse {
        .html(StaffInvoicingViews.home(context.chrome, month: defaultMonth(context), notice: context.request.queryValue("ok")))
    }

    /// The month staff usually invoice: the one before today's.
    static func defaultMonth(_ context: RequestContext) -> BillingMonth {
        BillingMonth(containing: ParisTime.localDate(of: context.now)).previous
    }

    static func preview(_ context: RequestContext) throws -> HTTPResponse {
        guard let month = context.request.queryValue("mois").flatMap(BillingMonth.init(iso:)) else {
            return .html(StaffInvoicingViews.home(context.chrome, month: defaultMonth(context), notice: context.request.queryValue("ok"),
                                                  error: "Choisissez un mois au format AAAA-MM."),
                         status: .unprocessableContent)
        }
        let previews = try InvoicingPreview(town: context.town).load(month: month)
        return .html(StaffInvoicingViews.preview(context.chrome, month: month, previews: previews, notice: context.request.queryValue("ok")))
    }

    static func issue(_ context: RequestContext) throws -> HTTPResponse {
        let clerk = try clerk(context)
        guard let month = context.form.value("mois").flatMap(BillingMonth.init(iso:)) else { throw RouteError.badRequest }
        let report = try RunInvoicing(town: context.town).run(month: month, by: clerk, now: context.now)
        return .redirect(to: StaffInvoicingPaths.preview(month) + "&ok=" + (report.issued.isEmpty ? "rien" : "emises"))
    }

    static func unpaid(_ context: RequestContext) throws -> HTTPResponse {
        let summaries = try UnpaidInvoices(town: context.town).load(today: ParisTime.localDate(of: context.now))
        return .html(StaffInvoicingViews.unpaid(context.chrome, summaries: summaries, notice: context.request.queryValue("ok")))
    }

    static func invoice(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        .html(StaffInvoicingViews.invoice(context.chrome, summary: try summary(context, id: id), values: [:], error: nil,
                                          today: ParisTime.localDate(of: context.now), notice: context.request.queryValue("ok")))
    }

    static func pdf(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let summary = try summary(context, id: id)
        return .pdf(InvoicePDF.render(summary.document, tenant: context.tenant, settled: summary.settled), fileName: summary.document.fileName)
    }

    static func recordPayment(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let clerk = try clerk(context)
        let method = context.form.value("moyen").flatMap(PaymentMethod.init(rawValue:))
        let amount = Amounts.parse(context.form.text("montant"))
        let received = LocalDate(iso: context.form.text("date")) ?? ParisTime.localDate(of: context.now)
        guard let method, PaymentMethod.recordedByStaff.contains(method), let amount else {
            return try refuse(context, id: id, "Indiquez le moyen de paiement et un montant en euros (par exemple 12,50).")
        }
        switch try RecordDeskPayment(town: context.town).run(invoiceID: id, method: method, amount: amount, receivedOn: received,
                                                             reference: context.form.text("reference"), by: clerk, now: context.now) {
        case .success: return .redirect(to: StaffInvoicingPaths.invoice(id) + "?ok=paiement")
        case .failure(let refusal): return try refuse(context, id: id, refusal.frenchMessage)
        }
    }

    static func creditNote(_ context: RequestContext, id: Int64) throws -> HTTPResponse {
        let clerk = try clerk(context)
        guard let position = Int(context.form.text("ligne")), let amount = Amounts.parse(context.form.text("montant_avoir")) else {
            return try refuse(context, id: id, "Choisissez la ligne à créditer et un montant en euros.")
        }
        switch try IssueCreditNote(town: context.town).run(invoiceID: id, line: position, amount: amount, reason: context.form.text("motif"),
                                                           by: clerk, now: context.now) {
        case .issued: return .redirect(to: StaffInvoicingPaths.invoice(id) + "?ok=avoir")
        case .refused(let refusal): return try refuse(context, id: id, refusal.frenchMessage)
        }
    }

    private static func refuse(_ context: RequestContext, id: Int64, _ message: String) throws -> HTTPResponse {
        let fields = ["moyen", "montant", "date", "reference", "ligne", "montant_avoir", "motif"]
        let values = Dictionary(uniqueKeysWithValues: fields.map { ($0, context.form.text($0)) })
        return .html(StaffInvoicingViews.invoice(context.chrome, summary: try summary(context, id: id), values: values, error: message,
                                                 today: ParisTime.localDate(of: context.now), notice: context.request.queryValue("ok")),
              status: .unprocessableContent)
    }

    /// The signed-in staff member and where the action came from, for the audit log.
    private static func clerk(_ context: RequestContext) throws -> BillingClerk {
        BillingClerk(actor: try context.staffActor, ip: context.clientAddress)
    }

    private static func summary(_ context: RequestContext, id: Int64) throws -> InvoiceSummary {
        try StaffInvoicePage(town: context.town).load(invoiceID: id, today: ParisTime.localDate(of: context.now))
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
