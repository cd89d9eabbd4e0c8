public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// « Facturation » for a family: every read goes through `own`, which reads a family the
/// account is not subscribed to as not found, and documents are read with that family's id,
/// so a guessed invoice id reaches nothing.
enum InvoicingFamily {
    static func own(accountID: Int64, familyID: Int64, in connection: PostgresConnection) throws -> FamilySummary {
        guard let family = try FamilyStore.subscriptions(accountID: accountID, in: connection).first(where: { $0.id == familyID })
        else { throw FlowError.notFound }
        return family
    }
}

/// The family files the account may open « Facturation » for.
public struct InvoicingFamilies: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(accountID: Int64) throws -> [FamilySummary] {
        try town.transaction { try FamilyStore.subscriptions(accountID: accountID, in: $0) }
    }
}

/// A family's invoices and credit notes, and the history of its account.
public struct FamilyAccountPage: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(accountID: Int64, familyID: Int64, today: LocalDate) throws
        -> (family: FamilySummary, summaries: [InvoiceSummary], history: AccountHistory) {
        try town.transaction { connection in
            let family = try InvoicingFamily.own(accountID: accountID, familyID: familyID, in: connection)
            return (family, try InvoiceStore.summaries(familyID: family.id, today: today, in: connection),
                    try InvoiceStore.history(familyID: family.id, in: connection))
        }
    }
}

/// One invoice or credit note of the family, as its page and its PDF show it.
public struct FamilyInvoicePage: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(accountID: Int64, familyID: Int64, invoiceID: Int64, today: LocalDate) throws -> (family: FamilySummary, summary: InvoiceSummary) {
        try town.transaction { connection in
            let family = try InvoicingFamily.own(accountID: accountID, familyID: familyID, in: connection)
            guard let summary = try InvoiceStore.summary(id: invoiceID, familyID: family.id, today: today, in: connection) else { throw FlowError.notFound }
            return (family, summary)
        }
    }
}

/// A PayFiP attempt for what is left to pay on one of the family's invoices; nil when nothing
/// is left (paid meanwhile, or from another tab).
public struct StartOnlinePayment: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(accountID: Int64, familyID: Int64, invoiceID: Int64, config: PaymentConfig, now: Date) throws
        -> (family: FamilySummary, attempt: OnlinePaymentStore.Attempt?) {
        let today = ParisTime.localDate(of: now)
        return try town.transaction { connection in
            let family = try InvoicingFamily.own(accountID: accountID, familyID: familyID, in: connection)
            return (family, try OnlinePaymentStore.create(invoiceID: invoiceID, familyID: family.id, config: config, today: today,
                                                          now: now, in: connection))
        }
    }
}

/// Where one of the family's PayFiP attempts stands, for its return from PayFiP: that return
/// may come before the notification, so it only reads.
public struct PaymentReturnPage: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(accountID: Int64, familyID: Int64, refdet: String) throws -> (family: FamilySummary, attempt: OnlinePaymentStore.Attempt) {
        try town.transaction { connection in
            let family = try InvoicingFamily.own(accountID: accountID, familyID: familyID, in: connection)
            guard let attempt = try OnlinePaymentStore.find(refdet: refdet, in: connection), attempt.familyID == family.id else { throw FlowError.notFound }
            return (family, attempt)
        }
    }
}

/// PayFiP's server-to-server notification (`urlnotif`), once its source is trusted: it must name
/// an attempt we created with the same client number, year and amount, and may only move it
/// forward (`OnlinePayment.judge`); replays change nothing.
public struct ApplyPayFiPNotification: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func run(_ notification: PayFiP.Notification, source: String, now: Date) throws -> OnlinePayment.Verdict {
        try town.transaction { connection in
            try OnlinePaymentStore.apply(notification, source: source, today: ParisTime.localDate(of: now), now: now, in: connection)
        }
    }
}
