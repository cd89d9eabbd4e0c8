public import PortalCore
public import Postgres

/// An issued document with what settled it so far.
public struct InvoiceSummary: Sendable, Equatable {
    public let document: InvoiceDocument
    public let paid: Money
    public let credited: Money
    /// nil for a credit note.
    public let state: InvoiceState?

    public var remaining: Money { max(document.total - paid - credited, .zero) }
    public var settled: Money { paid + credited }
}

/// Reading issued invoices, credit notes and the account history of a family.
public enum InvoiceStore {
    /// One document; with `familyID`, only if it is that family's (a guessed id reaches nothing).
    public static func document(id: Int64, familyID: Int64?, in connection: PostgresConnection) throws -> InvoiceDocument? {
        try documents(where: "i.id = \(id)", familyID: familyID, in: connection).first
    }

    public static func summary(id: Int64, familyID: Int64?, today: LocalDate, in connection: PostgresConnection) throws -> InvoiceSummary? {
        guard let document = try document(id: id, familyID: familyID, in: connection) else { return nil }
        return try summarise([document], today: today, in: connection).first
    }

    /// The family's invoices and credit notes, newest first.
    public static func summaries(familyID: Int64, today: LocalDate, in connection: PostgresConnection) throws -> [InvoiceSummary] {
        try summarise(documents(where: "i.family_id = \(familyID)", familyID: familyID, in: connection), today: today, in: connection)
    }

    /// Invoices with something left to pay, oldest due first, every family.
    public static func unpaid(today: LocalDate, in connection: PostgresConnection) throws -> [InvoiceSummary] {
        let ids = try connection.query("""
            SELECT i.id FROM invoices i
            WHERE i.kind = 'invoice'
              AND i.total_cents > coalesce((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0)
                                + coalesce((SELECT sum(c.total_cents) FROM invoices c WHERE c.corrects_id = i.id), 0)
            ORDER BY i.due_on, i.id
            """).map { try $0.decode("id", as: Int64.self) }
        var documents: [InvoiceDocument] = []
        for id in ids { if let document = try document(id: id, familyID: nil, in: connection) { documents.append(document) } }
        return try summarise(documents, today: today, in: connection)
    }

    /// « Historique de mon compte »: invoices, credit notes and payments with the running balance.
    public static func history(familyID: Int64, in connection: PostgresConnection) throws -> AccountHistory {
        let rows = try connection.query("""
            SELECT issued_on::text AS day, kind, year, sequence, total_cents AS cents, id AS ord FROM invoices WHERE family_id = \(familyID)
            UNION ALL
            SELECT received_on::text, 'payment:' || method, 0, 0, amount_cents, id FROM payments WHERE family_id = \(familyID)
            """)
        return AccountHistory(try rows.map { row in
            let kind: String = try row.decode("kind")
            let date = try row.localDate("day")
            let amount = Money(cents: try row.decode("cents"))
            let order: Int64 = try row.decode("ord")
            if kind.hasPrefix("payment:") {
                let method = PaymentMethod(rawValue: String(kind.dropFirst("payment:".count)))
                return .init(date: date, kind: .payment, label: method?.label ?? "Paiement", amount: amount, order: order)
            }
            let number = InvoiceNumber(year: try row.decode("year"), sequence: try row.decode("sequence"))
            let documentKind = InvoiceDocument.Kind(rawValue: kind) ?? .invoice
            return .init(date: date, kind: documentKind == .invoice ? .invoice : .creditNote,
                         label: "\(documentKind.label) \(number.map(\.description) ?? "?")", amount: amount, order: order)
        })
    }

    private static func summarise(_ documents: [InvoiceDocument], today: LocalDate, in connection: PostgresConnection) throws -> [InvoiceSummary] {
        let ids = documents.map(\.id)
        var paid: [Int64: Int] = [:]
        var credited: [Int64: Int] = [:]
        for row in try connection.query("SELECT invoice_id, sum(amount_cents)::integer AS cents FROM payments WHERE invoice_id = ANY(\(ids)::bigint[]) GROUP BY invoice_id") {
            paid[try row.decode("invoice_id")] = try row.decode("cents")
        }
        for row in try connection.query("SELECT corrects_id, sum(total_cents)::integer AS cents FROM invoices WHERE corrects_id = ANY(\(ids)::bigint[]) GROUP BY corrects_id") {
            credited[try row.decode("corrects_id")] = try row.decode("cents")
        }
        return documents.map { document in
            let paidAmount = Money(cents: paid[document.id] ?? 0)
            let creditedAmount = Money(cents: credited[document.id] ?? 0)
            let state = document.kind == .invoice
                ? InvoiceState.of(total: document.total, paid: paidAmount, credited: creditedAmount, dueDate: document.dueOn, today: today)
                : nil
            return InvoiceSummary(document: document, paid: paidAmount, credited: creditedAmount, state: state)
        }
    }

    private static func documents(where condition: SQL, familyID: Int64?, in connection: PostgresConnection) throws -> [InvoiceDocument] {
        let headers = try connection.query("""
            SELECT i.id, i.family_id, i.kind, i.year, i.sequence, i.billing_month::text AS month, i.issued_on::text AS issued_on,
                   i.due_on::text AS due_on, i.family_name, i.family_address, i.reason, c.year AS c_year, c.sequence AS c_sequence
            FROM invoices i LEFT JOIN invoices c ON c.id = i.corrects_id
            WHERE (
            """ + condition + """
            ) AND (\(familyID)::bigint IS NULL OR i.family_id = \(familyID))
            ORDER BY i.issued_on DESC, i.id DESC
            """)
        let ids: [Int64] = try headers.map { try $0.decode("id") }
        var lines: [Int64: [InvoiceLine]] = [:]
        for row in try connection.query("""
            SELECT invoice_id, booking_id, day::text AS day, child_name, activity_label, unit_label, tariff_label, amount_cents
            FROM invoice_lines WHERE invoice_id = ANY(\(ids)::bigint[]) ORDER BY invoice_id, position
            """) {
            lines[try row.decode("invoice_id"), default: []].append(InvoiceLine(
                bookingID: try row.decode("booking_id"), day: try row.localDate("day"), childName: try row.decode("child_name"),
                activityLabel: try row.decode("activity_label"), unitLabel: try row.decode("unit_label"),
                tariffLabel: try row.decode("tariff_label"), amount: Money(cents: try row.decode("amount_cents"))))
        }
        return try headers.map { row in
            let id: Int64 = try row.decode("id")
            guard let number = InvoiceNumber(year: try row.decode("year"), sequence: try row.decode("sequence")),
                  let month = BillingMonth(iso: String(try row.localDate("month").iso.prefix(7))) else {
                throw StoreError.corruptValue(column: "sequence", value: String(id))
            }
            let correctsYear: Int? = try row.decode("c_year")
            let correctsSequence: Int? = try row.decode("c_sequence")
            return InvoiceDocument(id: id, familyID: try row.decode("family_id"), kind: try row.enumValue("kind", as: InvoiceDocument.Kind.self),
                                   number: number, issuedOn: try row.localDate("issued_on"), dueOn: try row.localDate("due_on"), month: month,
                                   familyName: try row.decode("family_name"), familyAddress: try row.decode("family_address"),
                                   lines: lines[id] ?? [], corrects: correctsYear.flatMap { y in correctsSequence.flatMap { InvoiceNumber(year: y, sequence: $0) } },
                                   reason: try row.decode("reason"))
        }
    }
}
