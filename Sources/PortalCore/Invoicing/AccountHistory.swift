/// « Historique de mon compte »: invoices, payments and credit notes in date order, with the
/// balance after each (positive: what the family owes).
public struct AccountHistory: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable { case invoice, creditNote, payment }

        public let date: LocalDate
        public let kind: Kind
        /// « Facture 2026-000012 », « Avoir 2026-000020 », « Chèque »
        public let label: String
        /// What it adds to (invoice) or takes off (payment, credit note) the balance, always positive.
        public let amount: Money
        public let balanceAfter: Money

        public var signedAmount: Money { kind == .invoice ? amount : -amount }
    }

    public struct Movement: Sendable, Equatable {
        public let date: LocalDate
        public let kind: Entry.Kind
        public let label: String
        public let amount: Money
        /// Orders movements of one day: issue order for documents, then payments.
        public let order: Int64

        public init(date: LocalDate, kind: Entry.Kind, label: String, amount: Money, order: Int64) {
            self.date = date
            self.kind = kind
            self.label = label
            self.amount = amount
            self.order = order
        }
    }

    public let entries: [Entry]

    public var balance: Money { entries.last?.balanceAfter ?? .zero }

    public init(_ movements: [Movement]) {
        var balance = Money.zero
        entries = movements.sorted { ($0.date, $0.kind == .payment ? 1 : 0, $0.order) < ($1.date, $1.kind == .payment ? 1 : 0, $1.order) }
            .map { movement in
                balance = balance + (movement.kind == .invoice ? movement.amount : -movement.amount)
                return Entry(date: movement.date, kind: movement.kind, label: movement.label, amount: movement.amount, balanceAfter: balance)
            }
    }
}
