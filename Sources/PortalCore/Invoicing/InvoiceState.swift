/// Where an issued invoice stands for the family, derived from its due date, payments and
/// credit notes (never stored, so it cannot disagree with them).
public enum InvoiceState: String, Sendable, Equatable, CaseIterable {
    case toPay, partiallyPaid, paid, overdue

    public var label: String {
        switch self {
        case .toPay: return "à payer"
        case .partiallyPaid: return "partiellement payée"
        case .paid: return "payée"
        case .overdue: return "en retard"
        }
    }

    /// Past the due date with something left to pay is « en retard », partial payment or not.
    public static func of(total: Money, paid: Money, credited: Money, dueDate: LocalDate, today: LocalDate) -> InvoiceState {
        let remaining = total - paid - credited
        if remaining.cents <= 0 { return .paid }
        if today > dueDate { return .overdue }
        return paid.cents + credited.cents > 0 ? .partiallyPaid : .toPay
    }
}
