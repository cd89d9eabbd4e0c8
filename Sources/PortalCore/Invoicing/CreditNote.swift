/// A credit note (« avoir »): the only way to correct an issued invoice, which never changes.
/// It credits part or all of some of the invoice's lines, with a reason the family reads.
public enum CreditNote {
    /// One line of the invoice to credit: its position and the amount taken off.
    public struct Request: Sendable, Equatable {
        public let position: Int
        public let amount: Money

        public init(position: Int, amount: Money) {
            self.position = position
            self.amount = amount
        }
    }

    public enum Refusal: Error, Equatable {
        case emptyReason, nothingToCredit, unknownLine(Int), notPositive(Int), exceedsLine(position: Int, left: Money)

        public var frenchMessage: String {
            switch self {
            case .emptyReason: return "Indiquez le motif de l'avoir : la famille le lira."
            case .nothingToCredit: return "Choisissez au moins une ligne à créditer."
            case .unknownLine(let position): return "La ligne \(position) n'existe pas sur cette facture."
            case .notPositive(let position): return "Le montant de la ligne \(position) doit être positif."
            case .exceedsLine(let position, let left): return "La ligne \(position) ne peut plus être créditée que de \(left.french)."
            }
        }
    }

    /// The credit note's lines; each line of `invoiceLines` (by position, from 1) can be credited
    /// at most its amount in total, counting the credit notes already issued (`alreadyCredited`).
    public static func lines(crediting requests: [Request], of invoiceLines: [InvoiceLine], alreadyCredited: [Int: Money],
                             reason: String) throws(Refusal) -> [(position: Int, line: InvoiceLine)] {
        guard !reason.trimmingWhitespace.isEmpty else { throw .emptyReason }
        guard !requests.isEmpty else { throw .nothingToCredit }
        var credited = alreadyCredited
        return try requests.map { (request) throws(Refusal) -> (Int, InvoiceLine) in
            guard invoiceLines.indices.contains(request.position - 1) else { throw .unknownLine(request.position) }
            guard request.amount.cents > 0 else { throw .notPositive(request.position) }
            let original = invoiceLines[request.position - 1]
            let left = original.amount - (credited[request.position] ?? .zero)
            guard request.amount <= left else { throw .exceedsLine(position: request.position, left: left) }
            credited[request.position] = (credited[request.position] ?? .zero) + request.amount
            return (request.position, InvoiceLine(bookingID: original.bookingID, day: original.day, childName: original.childName,
                                                  activityLabel: original.activityLabel, unitLabel: original.unitLabel,
                                                  tariffLabel: "avoir : \(reason)", amount: request.amount))
        }
    }
}
