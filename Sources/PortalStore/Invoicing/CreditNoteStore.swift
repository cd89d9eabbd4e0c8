import Foundation
import Postgres
import PortalCore

/// Credit notes: the only correction of an issued invoice.
public enum CreditNoteStore {
    /// Issues a credit note on `invoiceId` for the requested lines, numbered in the same sequence.
    public static func issue(invoiceId: Int64, crediting requests: [CreditNote.Request], reason: String, issuedOn: LocalDate,
                             staffId: Int64, now: Date, in connection: PostgresConnection) throws -> InvoiceDocument {
        // Two clerks crediting one invoice at once must see each other's credit.
        _ = try connection.query("SELECT id FROM invoices WHERE id = \(invoiceId) FOR SHARE")
        _ = try connection.query("SELECT pg_advisory_xact_lock(hashtextextended('invoicing/credit/' || \(invoiceId)::text, 0))")
        guard let invoice = try InvoiceStore.document(id: invoiceId, familyId: nil, in: connection), invoice.kind == .invoice else {
            throw InvoicingStoreError.unknownInvoice(invoiceId)
        }
        var already: [Int: Money] = [:]
        for row in try connection.query("""
            SELECT l.credited_position, sum(l.amount_cents)::integer AS cents
            FROM invoice_lines l JOIN invoices c ON c.id = l.invoice_id
            WHERE c.corrects_id = \(invoiceId) GROUP BY l.credited_position
            """) {
            already[try row.decode("credited_position")] = Money(cents: try row.decode("cents"))
        }
        let lines: [(position: Int, line: InvoiceLine)]
        do {
            lines = try CreditNote.lines(crediting: requests, of: invoice.lines, alreadyCredited: already, reason: reason)
        } catch {
            throw InvoicingStoreError.creditNote(error)
        }
        let profile = BillingProfile(familyId: invoice.familyId, name: invoice.familyName, address: invoice.familyAddress,
                                     quotient: nil, residency: .resident)
        return try InvoicingRun.insert(kind: .creditNote, familyId: invoice.familyId, month: invoice.month, issuedOn: issuedOn,
                                       dueOn: issuedOn, profile: profile, lines: lines.map { ($0.line, $0.position) },
                                       corrects: (invoiceId, invoice.number), reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
                                       staffId: staffId, now: now, in: connection)
    }
}
