public import Foundation
import PortalCore
public import PortalStore
import Postgres

/// « Valider »: the family's basket applied in one transaction, every line judged again at
/// `now`, recorded in « Mes demandes » and mailed in that same transaction.
public struct ConfirmBasket: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Nothing was in the basket.
        case empty(familyID: Int64)
        case confirmed(Confirmation, familyID: Int64)
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    /// The slots are created first in a short transaction of their own, so the confirmation
    /// never waits on another's uncommitted insert; the confirmation is retried on deadlock or
    /// serialization failure. A line added to the basket between the two stays there.
    public func run(accountID: Int64, family asked: Int64??, now: Date) throws -> Outcome {
        let (family, ensured) = try town.transaction { connection -> (BookingFamily, Set<SlotKey>) in
            guard let family = try BookingFamily.resolve(accountID: accountID, asked: asked, in: connection) else { throw FlowError.notFound }
            let basket = try BasketStore.load(familyID: family.id, in: connection)
            try SlotStore.ensure(basket.lines.map(\.slot), tenant: town.tenant, in: connection)
            return (family, Set(basket.lines.map(\.slot)))
        }
        if ensured.isEmpty { return .empty(familyID: family.id) }
        let confirmation = try town.transaction(retries: 8) { connection in
            let lines = try BasketStore.load(familyID: family.id, in: connection).lines.filter { ensured.contains($0.slot) }
            let confirmation = try BookingStore.confirm(familyID: family.id, lines: lines, judge: town.judge,
                                                        families: BookingEffects.profiles, now: now, in: connection)
            try BookingEffects(town: town).afterConfirmation(confirmation, familyID: family.id, accountID: accountID,
                                                              childName: family.childName, now: now, in: connection)
            return confirmation
        }
        return .confirmed(confirmation, familyID: family.id)
    }
}
