public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// Who acts in the billing back-office, for the audit log written in the action's own transaction.
public struct BillingClerk: Sendable {
    public let actor: StaffActor
    /// The client address the action came from.
    public let ip: String

    public init(actor: StaffActor, ip: String) {
        self.actor = actor
        self.ip = ip
    }

    func audit(_ action: String, target: String, detail: String, now: Date, in connection: PostgresConnection) throws {
        try StaffAudit.record(actor, action: action, target: target, detail: detail, ip: ip, now: now, in: connection)
    }
}

/// What running a month would invoice, per family; nothing is issued.
public struct InvoicingPreview: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(month: BillingMonth) throws -> [InvoicingRun.FamilyPreview] {
        try town.transaction { try InvoicingRun.preview(month: month, tenant: town.tenant, in: $0) }
    }
}

/// « Run invoicing »: the month's invoices issued, one per family with something to bill, and
/// the run written to the audit log in the same transaction.
public struct RunInvoicing: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(month: BillingMonth, by clerk: BillingClerk, now: Date) throws -> InvoicingRun.Report {
        let today = ParisTime.localDate(of: now)
        return try town.transaction { connection in
            let report = try InvoicingRun.issue(month: month, tenant: town.tenant, issuedOn: today, staffID: clerk.actor.id, now: now, in: connection)
            try clerk.audit("invoicing.issue", target: "month/\(month.iso)", detail: "\(report.issued.count) facture(s) émise(s)", now: now, in: connection)
            return report
        }
    }
}

/// Every invoice with something left to pay.
public struct UnpaidInvoices: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(today: LocalDate) throws -> [InvoiceSummary] {
        try town.transaction { try InvoiceStore.unpaid(today: today, in: $0) }
    }
}

/// Any invoice or credit note of the town, as the back-office shows it.
public struct StaffInvoicePage: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(invoiceID: Int64, today: LocalDate) throws -> InvoiceSummary {
        guard let summary = try town.transaction({ try InvoiceStore.summary(id: invoiceID, familyID: nil, today: today, in: $0) }) else {
            throw FlowError.notFound
        }
        return summary
    }
}

/// A payment received at the desk (cheque, cash, CESU…) on one invoice.
public struct RecordDeskPayment: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// The payment's id, or why it was refused; an unknown invoice reads as not found.
    public func run(invoiceID: Int64, method: PaymentMethod, amount: Money, receivedOn: LocalDate, reference: String,
                    by clerk: BillingClerk, now: Date) throws -> Result<Int64, PaymentStore.Refusal> {
        do {
            return try town.transaction { connection in
                let result = try PaymentStore.record(invoiceID: invoiceID, method: method, amount: amount, receivedOn: receivedOn,
                                                     reference: reference, staffID: clerk.actor.id, now: now, in: connection)
                if case .success = result { try clerk.audit("invoicing.payment", target: "invoice/\(invoiceID)", detail: amount.french, now: now, in: connection) }
                return result
            }
        } catch InvoicingStoreError.unknownInvoice {
            throw FlowError.notFound
        }
    }
}

/// A credit note on one line of an issued invoice, which never changes itself.
public struct IssueCreditNote: Sendable {
    public enum Outcome: Sendable, Equatable {
        case issued
        case refused(CreditNote.Refusal)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    /// An unknown invoice reads as not found.
    public func run(invoiceID: Int64, line position: Int, amount: Money, reason: String, by clerk: BillingClerk, now: Date) throws -> Outcome {
        do {
            try town.transaction { connection in
                _ = try CreditNoteStore.issue(invoiceID: invoiceID, crediting: [.init(position: position, amount: amount)], reason: reason,
                                              issuedOn: ParisTime.localDate(of: now), staffID: clerk.actor.id, now: now, in: connection)
                try clerk.audit("invoicing.credit_note", target: "invoice/\(invoiceID)", detail: amount.french, now: now, in: connection)
            }
        } catch InvoicingStoreError.creditNote(let refusal) {
            return .refused(refusal)
        } catch InvoicingStoreError.unknownInvoice {
            throw FlowError.notFound
        }
        return .issued
    }
}
