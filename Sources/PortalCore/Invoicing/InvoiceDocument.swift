/// An issued invoice or credit note as it was issued: the family's name and address are copied
/// at issue, so that the document stays the same when the dossier changes.
public struct InvoiceDocument: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case invoice, creditNote

        public var label: String { self == .invoice ? "Facture" : "Avoir" }
    }

    public let id: Int64
    public let familyID: Int64
    public let kind: Kind
    public let number: InvoiceNumber
    public let issuedOn: LocalDate
    public let dueOn: LocalDate
    public let month: BillingMonth
    public let familyName: String
    public let familyAddress: [String]
    public let lines: [InvoiceLine]
    /// For a credit note: the invoice it corrects, and why.
    public let corrects: InvoiceNumber?
    public let reason: String?

    public init(id: Int64, familyID: Int64, kind: Kind, number: InvoiceNumber, issuedOn: LocalDate, dueOn: LocalDate,
                month: BillingMonth, familyName: String, familyAddress: [String], lines: [InvoiceLine],
                corrects: InvoiceNumber?, reason: String?) {
        self.id = id
        self.familyID = familyID
        self.kind = kind
        self.number = number
        self.issuedOn = issuedOn
        self.dueOn = dueOn
        self.month = month
        self.familyName = familyName
        self.familyAddress = familyAddress
        self.lines = lines
        self.corrects = corrects
        self.reason = reason
    }

    public var total: Money { lines.total(\.amount) }
    /// « Facture 2026-000012 »
    public var title: String { "\(kind.label) \(number)" }
    /// `facture-2026-000012.pdf`
    public var fileName: String { "\(kind == .invoice ? "facture" : "avoir")-\(number).pdf" }
}
