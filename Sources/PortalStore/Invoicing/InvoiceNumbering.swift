public import PortalCore
public import Postgres

/// The gapless yearly sequence. The row's UPDATE holds its lock until the issuing transaction
/// ends: a concurrent run waits, and a rolled-back run gives its number back.
public enum InvoiceNumbering {
    public static func next(year: Int, in connection: PostgresConnection) throws -> InvoiceNumber {
        let row = try connection.query("""
            INSERT INTO invoice_sequences (year, last_number) VALUES (\(year), 1)
            ON CONFLICT (year) DO UPDATE SET last_number = invoice_sequences.last_number + 1
            RETURNING last_number
            """)[0]
        let sequence: Int = try row.decode("last_number")
        guard let number = InvoiceNumber(year: year, sequence: sequence) else { throw InvoicingStoreError.sequenceExhausted(year) }
        return number
    }
}

public enum InvoicingStoreError: Error, Equatable {
    case sequenceExhausted(Int)
    case unknownInvoice(Int64)
    case creditNote(CreditNote.Refusal)
    case payment(String)
}
