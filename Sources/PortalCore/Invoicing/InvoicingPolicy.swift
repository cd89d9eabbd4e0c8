/// How a town bills: what an excused absence costs, when invoices fall due and what the
/// payment instructions on every invoice say (tenant file `invoicing`, optional).
public struct InvoicingPolicy: Sendable, Equatable {
    public enum ExcusedAbsences: String, Sendable, Equatable, CaseIterable {
        /// A declared absence is billed like the booking it replaces (« toute réservation est due »).
        case billed
        /// A declared absence is not billed (« absence justifiée non facturée »).
        case notBilled
    }

    public var excusedAbsences: ExcusedAbsences
    /// Days between issue and the due date.
    public var paymentDays: Int
    /// Printed under the totals; empty: a text built from the town's contact.
    public var instructions: [String]

    public init(excusedAbsences: ExcusedAbsences = .notBilled, paymentDays: Int = 30, instructions: [String] = []) {
        self.excusedAbsences = excusedAbsences
        self.paymentDays = paymentDays
        self.instructions = instructions
    }

    public static let standard = InvoicingPolicy()
}

/// Online payment through PayFiP, the DGFiP service (tenant file `payment`, optional: without
/// it, families pay at the desk only).
public struct PaymentConfig: Sendable, Equatable {
    /// How PayFiP treats the payment: `T` test, `X` production (« activation »), `W` production
    /// via the web service form. Only `T` is ever debited for nothing.
    public enum Saisie: String, Sendable, Equatable, CaseIterable {
        case T, X, W
    }

    /// The town's client number at the DGFiP (6 digits).
    public var numcli: String
    public var saisie: Saisie
    /// The payment page: `https://www.payfip.gouv.fr/tpa/paiement.web`, or the development simulator.
    public var baseURL: String
    /// Addresses PayFiP notifies from; a notification from anywhere else is refused.
    public var notificationSources: [String]

    public init(numcli: String, saisie: Saisie, baseURL: String, notificationSources: [String]) {
        self.numcli = numcli
        self.saisie = saisie
        self.baseURL = baseURL
        self.notificationSources = notificationSources
    }
}
