/// How a family paid.
public enum PaymentMethod: String, Sendable, Equatable, CaseIterable {
    /// Through PayFiP from the portal.
    case online
    case cash, cheque, cesu, transfer

    public var label: String {
        switch self {
        case .online: return "Paiement en ligne"
        case .cash: return "Espèces"
        case .cheque: return "Chèque"
        case .cesu: return "CESU"
        case .transfer: return "Virement"
        }
    }

    /// What staff may record at the desk (online payments come from PayFiP only).
    public static let recordedByStaff: [PaymentMethod] = [.cash, .cheque, .cesu, .transfer]
}
