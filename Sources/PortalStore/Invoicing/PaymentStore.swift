public import Foundation
public import PortalCore
public import Postgres

/// Payments staff record at the desk (cash, cheque, CESU, transfer); online ones come from
/// `OnlinePaymentStore`.
public enum PaymentStore {
    public enum Refusal: Error, Equatable {
        case notPositive, moreThanRemaining(Money), onlineOnlyFromPayFiP, nothingLeft

        public var frenchMessage: String {
            switch self {
            case .notPositive: return "Le montant doit être positif."
            case .moreThanRemaining(let left): return "Le montant dépasse le reste à payer (\(left.french))."
            case .onlineOnlyFromPayFiP: return "Les paiements en ligne sont enregistrés par PayFiP."
            case .nothingLeft: return "Cette facture est déjà soldée."
            }
        }
    }

    public static func record(invoiceID: Int64, method: PaymentMethod, amount: Money, receivedOn: LocalDate, reference: String,
                              staffID: Int64, now: Date, in connection: PostgresConnection) throws -> Result<Int64, Refusal> {
        guard method != .online else { return .failure(.onlineOnlyFromPayFiP) }
        guard amount.cents > 0 else { return .failure(.notPositive) }
        // Serialises payments of one invoice, so two clerks cannot both take the last euro.
        _ = try connection.query("SELECT pg_advisory_xact_lock(hashtextextended('invoicing/pay/' || \(invoiceID)::text, 0))")
        guard let summary = try InvoiceStore.summary(id: invoiceID, familyID: nil, today: receivedOn, in: connection),
              summary.document.kind == .invoice else { throw InvoicingStoreError.unknownInvoice(invoiceID) }
        guard summary.remaining.cents > 0 else { return .failure(.nothingLeft) }
        guard amount <= summary.remaining else { return .failure(.moreThanRemaining(summary.remaining)) }
        let id: Int64 = try connection.query("""
            INSERT INTO payments (family_id, invoice_id, method, amount_cents, received_on, reference, recorded_by, recorded_at)
            VALUES (\(summary.document.familyID), \(invoiceID), \(method.rawValue), \(amount.cents), \(receivedOn.iso)::date,
                    \(String(reference.prefix(100))), \(staffID), \(now))
            RETURNING id
            """)[0].decode("id")
        return .success(id)
    }
}
