/// One attempt to pay an invoice through PayFiP, and what a notification may do to it.
public struct OnlinePayment: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable, CaseIterable {
        case pending, paid, refused, abandoned

        public var label: String {
            switch self {
            case .pending: return "en attente de confirmation"
            case .paid: return "payé"
            case .refused: return "refusé"
            case .abandoned: return "abandonné"
            }
        }

        init(_ result: PayFiP.Result) {
            switch result {
            case .paid: self = .paid
            case .refused: self = .refused
            case .abandoned: self = .abandoned
            }
        }
    }

    public let refdet: String
    public let numcli: String
    public let exer: Int
    public let amount: Money
    public let status: Status

    public init(refdet: String, numcli: String, exer: Int, amount: Money, status: Status) {
        self.refdet = refdet
        self.numcli = numcli
        self.exer = exer
        self.amount = amount
        self.status = status
    }

    public enum Verdict: Sendable, Equatable {
        /// Record this status (and, when paid, the payment).
        case record(Status)
        /// Already recorded with this very result: a replay, answered OK and ignored.
        case replay
        case refuse(String)
    }

    /// Whether `notification` may move this attempt; `attempt` is the one its refdet names, if any.
    /// A paid attempt never changes again; a refused or abandoned one may still become paid,
    /// since PayFiP only says so when the money was taken.
    public static func judge(_ notification: PayFiP.Notification, attempt: OnlinePayment?) -> Verdict {
        guard let attempt else { return .refuse("unknown refdet") }
        guard notification.numcli == attempt.numcli else { return .refuse("numcli mismatch") }
        guard notification.exer == String(attempt.exer) else { return .refuse("exer mismatch") }
        guard notification.montant == String(attempt.amount.cents) else { return .refuse("amount mismatch") }
        guard let result = PayFiP.Result(resultrans: notification.resultrans) else { return .refuse("unknown resultrans") }
        let status = Status(result)
        if status == attempt.status { return .replay }
        switch attempt.status {
        case .pending: return .record(status)
        case .refused, .abandoned: return status == .paid ? .record(.paid) : .refuse("already \(attempt.status.rawValue)")
        case .paid: return .refuse("already paid")
        }
    }
}
