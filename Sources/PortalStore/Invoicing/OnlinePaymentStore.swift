public import Foundation
public import PortalCore
public import Postgres

/// PayFiP attempts: created when a family leaves for the payment page, settled only by a
/// notification that names one of them with the same client number, year and amount.
public enum OnlinePaymentStore {
    public struct Attempt: Sendable, Equatable {
        public let id: Int64
        public let invoiceID: Int64
        public let familyID: Int64
        public let invoiceNumber: InvoiceNumber
        public let payment: OnlinePayment
    }

    /// A new attempt for what is left to pay, with its refdet; nil when nothing is left.
    public static func create(invoiceID: Int64, familyID: Int64, config: PaymentConfig, today: LocalDate, now: Date,
                              in connection: PostgresConnection) throws -> Attempt? {
        _ = try connection.query("SELECT pg_advisory_xact_lock(hashtextextended('invoicing/pay/' || \(invoiceID)::text, 0))")
        guard let summary = try InvoiceStore.summary(id: invoiceID, familyID: familyID, today: today, in: connection),
              summary.document.kind == .invoice, summary.remaining.cents > 0 else { return nil }
        let rank: Int = try connection.query("SELECT coalesce(max(attempt), 0) + 1 AS n FROM online_payments WHERE invoice_id = \(invoiceID)")[0].decode("n")
        let refdet = PayFiP.refdet(invoice: summary.document.number, attempt: rank)
        let exer = summary.document.number.year
        let id: Int64 = try connection.query("""
            INSERT INTO online_payments (invoice_id, family_id, attempt, refdet, numcli, exer, amount_cents, status, created_at)
            VALUES (\(invoiceID), \(familyID), \(rank), \(refdet), \(config.numcli), \(exer), \(summary.remaining.cents), 'pending', \(now))
            RETURNING id
            """)[0].decode("id")
        return Attempt(id: id, invoiceID: invoiceID, familyID: familyID, invoiceNumber: summary.document.number,
                       payment: OnlinePayment(refdet: refdet, numcli: config.numcli, exer: exer, amount: summary.remaining, status: .pending))
    }

    public static func find(refdet: String, lock: Bool = false, in connection: PostgresConnection) throws -> Attempt? {
        try connection.query("""
            SELECT o.id, o.invoice_id, o.family_id, o.refdet, o.numcli, o.exer, o.amount_cents, o.status, i.year, i.sequence
            FROM online_payments o JOIN invoices i ON i.id = o.invoice_id WHERE o.refdet = \(refdet)
            """ + (lock ? " FOR UPDATE OF o" : "")).first.map { row in
            guard let number = InvoiceNumber(year: try row.decode("year"), sequence: try row.decode("sequence")) else {
                throw StoreError.corruptValue(column: "sequence", value: refdet)
            }
            return Attempt(id: try row.decode("id"), invoiceID: try row.decode("invoice_id"), familyID: try row.decode("family_id"),
                    invoiceNumber: number,
                    payment: OnlinePayment(refdet: try row.decode("refdet"), numcli: try row.decode("numcli"), exer: try row.decode("exer"),
                                           amount: Money(cents: try row.decode("amount_cents")),
                                           status: try row.enumValue("status", as: OnlinePayment.Status.self)))
        }
    }

    /// Applies a notification once, whatever the order and number of deliveries: the attempt's
    /// row lock serialises duplicates, and `OnlinePayment.judge` turns a replay into nothing.
    /// Every notification is logged with its verdict.
    public static func apply(_ notification: PayFiP.Notification, source: String, today: LocalDate, now: Date,
                             in connection: PostgresConnection) throws -> OnlinePayment.Verdict {
        let attempt = try find(refdet: notification.refdet, lock: true, in: connection)
        let verdict = OnlinePayment.judge(notification, attempt: attempt?.payment)
        try connection.execute("""
            INSERT INTO payment_notifications (received_at, source, refdet, parameters, verdict)
            VALUES (\(now), \(String(source.prefix(100))), \(String(notification.refdet.prefix(100))),
                    \(String(notification.parameters.map { "\($0.name)=\($0.value)" }.joined(separator: "&").prefix(2000))), \(verdictText(verdict)))
            """)
        guard case .record(let status) = verdict, let attempt else { return verdict }
        var paymentID: Int64?
        if status == .paid {
            paymentID = try connection.query("""
                INSERT INTO payments (family_id, invoice_id, method, amount_cents, received_on, reference, recorded_by, recorded_at)
                VALUES (\(attempt.familyID), \(attempt.invoiceID), 'online', \(attempt.payment.amount.cents), \(today.iso)::date,
                        \(String("PayFiP \(notification.refdet) \(notification.numauto)".prefix(100))), NULL, \(now))
                RETURNING id
                """)[0].decode("id")
        }
        try connection.execute("""
            UPDATE online_payments SET status = \(status.rawValue), notified_at = \(now), payment_id = \(paymentID) WHERE id = \(attempt.id)
            """)
        return verdict
    }

    static func verdictText(_ verdict: OnlinePayment.Verdict) -> String {
        switch verdict {
        case .record(let status): return "recorded \(status.rawValue)"
        case .replay: return "replay"
        case .refuse(let reason): return "refused: \(reason)"
        }
    }
}
