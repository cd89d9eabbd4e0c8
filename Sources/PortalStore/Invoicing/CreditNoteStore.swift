public import Foundation
public import PortalCore
public import Postgres

/// Credit notes: the only correction of an issued invoice.
public enum CreditNoteStore {
    /// Issues a credit note on `invoiceID` for the requested lines, numbered in the same sequence.
    public static func issue(invoiceID: Int64, crediting requests: [CreditNote.Request], reason: String, issuedOn: LocalDate,
                             staffID: Int64, now: Date, in connection: PostgresConnection) throws -> InvoiceDocument {
        // Two clerks crediting one invoice at once must see each other's credit.
        _ = try connection.query("SELECT id FROM invoices WHERE id = \(invoiceID) FOR SHARE")
        _ = try connection.query("SELECT pg_advisory_xact_lock(hashtextextended('invoicing/credit/' || \(invoiceID)::text, 0))")
        guard let invoice = try InvoiceStore.document(id: invoiceID, familyID: nil, in: connection), invoice.kind == .invoice else {
            throw InvoicingStoreError.unknownInvoice(invoiceID)
        }
        var already: [Int: Money] = [:]
        for row in try connection.query("""
            SELECT l.credited_position, sum(l.amount_cents)::integer AS cents
            FROM invoice_lines l JOIN invoices c ON c.id = l.invoice_id
            WHERE c.corrects_id = \(invoiceID) GROUP BY l.credited_position
            """) {
            already[try row.decode("credited_position")] = Money(cents: try row.decode("cents"))
        }
        let lines: [(position: Int, line: InvoiceLine)]
        do {
            lines = try CreditNote.lines(crediting: requests, of: invoice.lines, alreadyCredited: already, reason: reason)
        } catch {
            throw InvoicingStoreError.creditNote(error)
        }
        let profile = BillingProfile(familyID: invoice.familyID, name: invoice.familyName, address: invoice.familyAddress,
                                     quotient: nil, residency: .resident)
        return try InvoicingRun.insert(kind: .creditNote, familyID: invoice.familyID, month: invoice.month, issuedOn: issuedOn,
                                       dueOn: issuedOn, profile: profile, lines: lines.map { ($0.line, $0.position) },
                                       corrects: (invoiceID, invoice.number), reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
                                       staffID: staffID, now: now, in: connection)
    }
}
